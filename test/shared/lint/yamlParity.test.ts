// YAML parity with kubectl at the lint level: what go-yaml accepts gets no yaml-syntax error, what kubectl's
// reader rejects does, each at its exact range.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { marked } from '../../helpers/lint/marked';

const syntax = (text: string) =>
  lintText(text)
    .filter((f) => f.rule === 'yaml-syntax')
    .map((f) => ({ rule: f.rule, severity: f.severity, range: f.range }));

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
const SPEC = 'spec:\n  containers:\n  - name: web\n    image: nginx:1.27\n';

describe('yaml-syntax parity with kubectl', () => {
  it('reads a multi-line single-quoted annotation with an under-indented closing quote, with one warning', () => {
    const m = marked(
      `${POD}  annotations:\n    description: 'Watches every namespace\n  «a»nd restarts pods\n'\n${SPEC}`,
    );
    expect(syntax(m.text)).toEqual([{ rule: 'yaml-syntax', severity: 'warning', range: m.range }]);
    // The rest of the object is analysed as kubectl reads it: the container is there.
    expect(lintText(m.text).some((f) => f.rule === 'missing-readiness-probe')).toBe(true);
  });

  it('reads a flow sequence continued left of its key, with one warning at the continuation', () => {
    const m = marked(`${POD}${SPEC}    args: [--verbose,\n  «-»-port=80]\n`);
    expect(syntax(m.text)).toEqual([{ rule: 'yaml-syntax', severity: 'warning', range: m.range }]);
    expect(lintText(m.text).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('maps later findings back to the lines as written', () => {
    const m = marked(
      `${POD}  annotations:\n    a: 'one\n two'\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    «imagePullpolicy»: Always\n`,
    );
    const unknown = lintText(m.text).filter((f) => f.rule === 'unknown-field');
    expect(unknown.map((f) => f.range)).toEqual([m.range]);
  });

  it("reports content after --- as kubectl's line reader does", () => {
    const m = marked(`${POD}${SPEC}--- «{apiVersion: v1, kind: Pod}»\n`);
    expect(syntax(m.text)).toEqual([{ rule: 'yaml-syntax', severity: 'error', range: m.range }]);
  });

  it('reports a %YAML directive, which kubectl hands to go-yaml without its document', () => {
    const m = marked(`«%YAML 1.1»\n---\n${POD}${SPEC}`);
    expect(syntax(m.text)).toEqual([{ rule: 'yaml-syntax', severity: 'error', range: m.range }]);
  });

  it('reports an alias of an unknown anchor and the \\/ escape', () => {
    const alias = marked(`${POD}  labels: «*common»\n${SPEC}`);
    expect(syntax(alias.text)).toEqual([{ rule: 'yaml-syntax', severity: 'error', range: alias.range }]);
    const slash = marked(`${POD}  annotations:\n    url: "https:«\\/»/example.com"\n${SPEC}`);
    expect(syntax(slash.text)).toEqual([{ rule: 'yaml-syntax', severity: 'error', range: slash.range }]);
  });

  it('warns on an object after ... that kubectl never sends', () => {
    const m = marked(`${POD}${SPEC}...\n«apiVersion: v1»\nkind: ConfigMap\nmetadata:\n  name: c\n`);
    expect(syntax(m.text)).toEqual([{ rule: 'yaml-syntax', severity: 'warning', range: m.range }]);
  });
});
