// Lint with a kustomization's context: what it supplies is not missing; the rest is still checked.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { combineKustomizations, readKustomization } from '../../../shared/model';
import { marked } from '../../helpers/lint/marked';

const context = (text: string) => combineKustomizations([{ source: 'kustomization.yaml', k: readKustomization(text) }]);
const errors = (text: string, kustomization?: string) =>
  lintText(text, { kustomize: kustomization === undefined ? undefined : context(kustomization) })
    .filter((f) => f.severity === 'error')
    .map((f) => ({ rule: f.rule, severity: f.severity, range: f.range }));

const deployment = (spec: string, meta = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n${meta}spec:\n${spec}  template:\n    metadata:\n      labels:\n        tier: front\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n`;

describe('kustomize context in the lint engine', () => {
  it('drops the missing selector that commonLabels or labels.includeSelectors supply, not otherwise', () => {
    const m = marked(deployment('').replace('spec:\n', '«spec»:\n'));
    expect(errors(m.text)).toEqual([{ rule: 'missing-required-field', severity: 'error', range: m.range }]);
    expect(errors(m.text, 'commonLabels: {app: web}\n')).toEqual([]);
    expect(errors(m.text, 'labels:\n- includeSelectors: true\n  pairs: {app: web}\n')).toEqual([]);
    // Labels for metadata or templates only leave the selector missing.
    expect(errors(m.text, 'labels:\n- includeTemplates: true\n  pairs: {app: web}\n')).toHaveLength(1);
  });

  it('keeps a selector mismatch that the added labels do not settle', () => {
    const text = deployment('  selector:\n    matchLabels:\n      app: web\n');
    expect(errors(text, 'commonLabels: {app: web}\n')).toEqual([]);
    const other = deployment('  selector:\n    matchLabels:\n      app: api\n');
    expect(errors(other, 'commonLabels: {app: web}\n').map((f) => f.rule)).toEqual(['selector-mismatch']);
  });

  it('drops findings on a namespace the kustomization sets, and uses its image for the lifecycle rules', () => {
    const text = deployment('  selector:\n    matchLabels:\n      tier: front\n', '  namespace: Team_A\n').replace(
      'image: nginx:1.27',
      'image: nginx',
    );
    const plain = lintText(text).map((f) => f.rule);
    expect(plain).toContain('invalid-name');
    expect(plain).toContain('latest-tag');
    const built = lintText(text, {
      kustomize: context('namespace: web\nimages: [{name: nginx, newTag: "1.27"}]\n'),
    }).map((f) => f.rule);
    expect(built).not.toContain('invalid-name');
    expect(built).not.toContain('latest-tag');
  });
});
