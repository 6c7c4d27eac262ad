// The lint engine: registry, per-document results, levels, partial documents, the rule guard, and the rule docs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allRuleMetas,
  allRules,
  builtinRules,
  type Finding,
  lintDocument,
  lintText,
  parseConfigFile,
  type Rule,
  type RuleFailure,
  ruleById,
} from '../../../shared/lint';
import { apiValidationRules } from '../../../shared/lint/rules/api';
import { structureRules } from '../../../shared/lint/rules/structure';
import { suggest } from '../../../shared/lint/suggest';
import { parseManifests } from '../../../shared/model';
import { marked } from '../../helpers/lint/marked';
import { webPod } from '../../helpers/manifests';

const POD = webPod('registry.example/app:1.4.2');

const DOCS = path.resolve(__dirname, '../../../docs/rules');
const MINE = [...builtinRules, ...structureRules, ...apiValidationRules];

function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

describe('registry', () => {
  it('lists every rule once with a kebab-case id, a family, a severity and a summary', () => {
    const ids = allRules().map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const meta of allRuleMetas()) {
      expect(meta.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(meta.summary.length).toBeGreaterThan(10);
      expect(ruleById(meta.id)?.meta).toBe(meta);
    }
    expect(ruleById('no-such-rule')).toBeUndefined();
  });

  it('keeps error severity for decode and validation failures only, warnings for what the API accepts', () => {
    expect(ruleById('duplicate-key')?.meta.severity).toBe('warning');
    expect(ruleById('unknown-field')?.meta.severity).toBe('error');
    for (const rule of apiValidationRules) expect(rule.meta.severity).toBe('error');
  });
});

describe('rule docs', () => {
  for (const rule of MINE) {
    const id = rule.meta.id;
    it(`docs/rules/${id}.md explains the rule and its examples behave as documented`, () => {
      const md = readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
      expect(md).toContain(`# ${id}`);
      for (const section of ['## Why it matters', '## Failing example', '## Passing example', '## Source']) {
        expect(md).toContain(section);
      }
      const [failing, passing] = yamlBlocks(md);
      expect(failing).toBeDefined();
      expect(passing).toBeDefined();
      if (id === 'invalid-config') {
        expect(parseConfigFile(failing as string).findings.map((f) => f.rule)).toContain(id);
        expect(parseConfigFile(passing as string).findings).toEqual([]);
        return;
      }
      // The page's failing example stands for 50,000 annotations: it is linted under a limit its sample exceeds.
      const limit = id === 'analysis-stopped' ? { nodeLimit: 10 } : {};
      expect(lintText(failing as string, limit).map((f) => f.rule)).toContain(id);
      const clean = lintText(passing as string);
      expect(clean.filter((f) => f.rule === id)).toEqual([]);
      expect(clean.filter((f) => f.severity === 'error')).toEqual([]);
    });
  }
});

describe('lintText', () => {
  it('stays silent on YAML that is not a Kubernetes object', () => {
    expect(lintText('services:\n  web:\n    image: nginx\n')).toEqual([]);
  });

  it('stays silent on broken YAML that is not a Kubernetes object, and not on a broken manifest', () => {
    expect(lintText('services:\n  web:\n    image: [nginx\n')).toEqual([]);
    const broken = lintText('apiVersion: v1\nkind: Pod\nmetadata: {name: a\nspec: {}\n');
    expect(broken.filter((f) => f.rule === 'yaml-syntax').map((f) => f.severity)).toContain('error');
  });

  it('gives a templated file one helm-template notice and analyses none of its templated documents', () => {
    const findings = lintText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\nspec: {}\n');
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['helm-template', 'info']]);
  });

  it('reports an unclosed flow sequence as one yaml-syntax error where the sequence should have ended', () => {
    const m = marked(
      `${POD.replace('image: registry.example/app:1.4.2', 'image: registry.example/app:1.4.2\n    args: [a, b')}    «c»ommand: [sh]\n`,
    );
    const findings = lintText(m.text).filter((f) => f.rule === 'yaml-syntax');
    expect(findings).toEqual([
      {
        rule: 'yaml-syntax',
        severity: 'error',
        message: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
        range: m.range,
        path: '',
        document: 0,
      },
    ]);
  });

  it('places the helm-template notice, an info, on the first template marker', () => {
    const m = marked(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: «{{» .Values.name }}\n  labels:\n    app: {{ .Values.app }}\nspec: {}\n',
    );
    const findings = lintText(m.text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'helm-template',
      severity: 'info',
      range: m.range,
      path: '',
      document: 0,
    });
  });

  it('numbers documents, keeps the JSON contract fields and sorts findings by position', () => {
    const { text, range } = marked(`${POD}---\n${POD.replace('name: app', 'name: «App»')}`);
    const findings = lintText(text).filter((f) => f.rule === 'invalid-container-name');
    expect(findings).toHaveLength(1);
    const [f] = findings as [Finding];
    expect(f).toMatchObject({ document: 1, path: 'spec.containers[0].name', severity: 'error' });
    expect(f.range).toEqual(range);
    const all = lintText(text);
    const lines = all.map((x) => x.range.start.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('lints a pod manifest whose apiVersion key is misspelled (the Version: v1 seed) and offers the rename', () => {
    const m = marked(POD.replace('apiVersion: v1', '«Version»: v1'));
    const findings = lintText(m.text).filter((f) => f.severity === 'error');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'unknown-field', range: m.range, path: 'Version' });
    expect(findings[0]?.fixes?.[0]?.edits[0]?.newText).toBe('apiVersion');
  });
});

describe('levels', () => {
  it('turns a rule off, re-levels it, and leaves others at their default', () => {
    const text = POD.replace('name: app', 'name: App').replace(
      'image: registry.example/app:1.4.2',
      'image: x\n    imagePullpolicy: Always',
    );
    const base = lintText(text);
    expect(base.find((f) => f.rule === 'unknown-field')?.severity).toBe('error');
    const tuned = lintText(text, { config: { rules: { 'unknown-field': 'off', 'invalid-container-name': 'hint' } } });
    expect(tuned.find((f) => f.rule === 'unknown-field')).toBeUndefined();
    expect(tuned.find((f) => f.rule === 'invalid-container-name')?.severity).toBe('hint');
  });
});

describe('partial documents', () => {
  const patch = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        resourcez: {}
`;

  it('drops whole-object findings (missing fields) on kustomize patches but keeps the rest', () => {
    const full = lintText(patch).map((f) => f.rule);
    expect(full).toContain('missing-required-field');
    const asPatch = lintText(patch, { kustomizePatch: true }).map((f) => f.rule);
    expect(asPatch).not.toContain('missing-required-field');
    expect(asPatch).toContain('unknown-field');
    const byName = lintText(patch, { path: 'overlays/prod/patch-replicas.yaml' }).map((f) => f.rule);
    expect(byName).not.toContain('missing-required-field');
  });
});

describe('rule guard', () => {
  const boom: Rule = {
    meta: { id: 'boom', family: 'structure', severity: 'error', summary: 'always throws, for the test' },
    check() {
      throw new Error('kaput');
    },
  };
  const steady: Rule = {
    meta: { id: 'steady', family: 'structure', severity: 'warning', summary: 'reports the kind key, for the test' },
    check(ctx) {
      const kind = ctx.doc.kind;
      if (kind.kind === 'value') ctx.report({ path: ['kind'], range: kind.keyRange, message: 'seen' });
    },
  };

  it('reports a throwing rule once per call and still runs the others', () => {
    const failures: RuleFailure[] = [];
    const findings = lintText(`${POD}---\n${POD}`, { rules: [boom, steady], onRuleFailure: (f) => failures.push(f) });
    expect(findings.filter((f) => f.rule === 'steady')).toHaveLength(2);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ rule: 'boom', document: 0, message: 'kaput' });
  });

  it('lintDocument works without options, with every registered rule at default levels', () => {
    const doc = parseManifests(POD.replace('name: app', 'name: App')).documents[0];
    expect(doc && lintDocument(doc).some((f) => f.rule === 'invalid-container-name')).toBe(true);
  });
});

describe('suggest', () => {
  it('prefers a case-insensitive match, then the nearest spelling, then a unique longer key ending in the word', () => {
    expect(suggest('imagePullpolicy', ['imagePullPolicy', 'image'])).toBe('imagePullPolicy');
    expect(suggest('restartpolicy', ['restartPolicy', 'readinessGates'])).toBe('restartPolicy');
    expect(suggest('imagePulPolicy', ['imagePullPolicy', 'image'])).toBe('imagePullPolicy');
    expect(suggest('Version', ['apiVersion', 'kind', 'metadata'])).toBe('apiVersion');
    expect(suggest('Port', ['containerPort', 'hostPort'])).toBeUndefined();
    expect(suggest('zzz', ['apiVersion'])).toBeUndefined();
  });
});
