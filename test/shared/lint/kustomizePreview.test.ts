// Linting what a kustomization renders: findings land on the file and range that produced the value at fault.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewKustomization } from '../../../shared/lint/kustomizePreview';
import { parseManifests } from '../../../shared/model';
import { fileObjects, simulate } from '../../../shared/sim';

const OVERLAY = path.resolve(__dirname, '../../fixtures/kustomize-render/overlay');
const BASE = path.resolve(__dirname, '../../fixtures/kustomize-render/base');

function disk(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

function lineOf(file: string, needle: string): number {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle));
}

describe('previewKustomization', () => {
  const preview = previewKustomization(OVERLAY, disk);

  it('reports the invalid pull policy an overlay patch sets at the patch file’s value', () => {
    const f = preview.findings.find((x) => x.rule === 'invalid-enum');
    const patch = path.join(OVERLAY, 'pull-policy.yaml');
    const line = lineOf(patch, 'imagePullPolicy');
    expect(f?.severity).toBe('error');
    expect(f?.path).toBe('spec.template.spec.containers[0].imagePullPolicy');
    expect(f?.origin).toEqual({
      path: patch,
      range: { start: { line, character: 27 }, end: { line, character: 36 } },
    });
    // The rendered range points at the same value in the rendered text.
    const rendered = preview.text.split('\n')[f?.range.start.line as number] as string;
    expect(rendered.slice(f?.range.start.character, f?.range.end.character)).toBe('Sometimes');
  });

  it('reports the same problem in the base file when the base itself sets it', () => {
    const files: Record<string, string> = {
      '/b/kustomization.yaml': 'resources: [pod.yaml]\n',
      '/b/pod.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      imagePullPolicy: Nope\n',
    };
    const f = previewKustomization('/b', (p) => files[p]).findings.find((x) => x.rule === 'invalid-enum');
    expect(f?.origin).toEqual({
      path: '/b/pod.yaml',
      range: { start: { line: 7, character: 23 }, end: { line: 7, character: 27 } },
    });
  });

  it('lints the base alone without the overlay’s finding', () => {
    const base = previewKustomization(BASE, disk);
    expect(base.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(base.problems).toEqual([]);
  });

  it('never throws on a kustomization that renders nothing', () => {
    const empty = previewKustomization('/none', () => undefined);
    expect(empty.findings).toEqual([]);
    expect(empty.problems).toHaveLength(1);
  });
});

describe('previewKustomization with generators', () => {
  // A base that generates the ConfigMap its Deployment reads, and an overlay whose patch sets a bad pull policy.
  const files: Record<string, string> = {
    '/p/base/kustomization.yaml':
      'resources: [web.yaml]\nconfigMapGenerator:\n- name: web-config\n  literals: [MODE=fast]\n',
    '/p/base/web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        envFrom:
        - configMapRef: {name: web-config}
        env:
        - name: M
          valueFrom:
            configMapKeyRef: {name: web-config, key: MODE}
`,
    '/p/overlay/kustomization.yaml': 'resources: [../base]\nnamePrefix: prod-\npatches:\n- path: policy.yaml\n',
    '/p/overlay/policy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
      - name: app
        imagePullPolicy: Sometimes
`,
  };
  const preview = previewKustomization('/p/overlay', (p) => files[p]);

  it('renders the generated ConfigMap and points the pod’s references at its final name', () => {
    expect(preview.problems).toEqual([]);
    // hasher.go hashes {"data":{"MODE":"fast"},"kind":"ConfigMap","name":""}: prefixes do not change the hash.
    expect(preview.text).toContain('  name: prod-web-config-7kcm455446\n');
    expect(preview.text).toMatch(/configMapRef:\n +name: prod-web-config-7kcm455446\n/);
    expect(preview.text).toMatch(/configMapKeyRef:\n +name: prod-web-config-7kcm455446\n/);
  });

  it('simulates the rendered pod with its ConfigMap found in the rendered output, key and all', () => {
    const { documents } = parseManifests(preview.text);
    const doc = documents.find((d) => d.pod && !d.templated);
    const result = simulate(doc?.pod as NonNullable<typeof doc>['pod'] & object, undefined, {
      objects: fileObjects(documents),
    });
    const notes = JSON.stringify(result.assumptions);
    expect(notes).toContain('inferred: every referenced ConfigMap is defined in this file');
    expect(JSON.stringify(result.steps)).not.toContain('CreateContainerConfigError');
  });

  it('reports the finding on the patched field at the overlay’s patch file', () => {
    const f = preview.findings.find((x) => x.rule === 'invalid-enum');
    expect(f?.severity).toBe('error');
    expect(f?.origin).toEqual({
      path: '/p/overlay/policy.yaml',
      range: { start: { line: 8, character: 25 }, end: { line: 8, character: 34 } },
    });
  });
});

describe('previewKustomization: the rendered objects as one another’s workspace', () => {
  const files = (key: string): Record<string, string> => ({
    '/w/kustomization.yaml': 'resources: [web.yaml]\nconfigMapGenerator:\n- name: web-config\n  envs: [app.env]\n',
    '/w/app.env': 'LOG_LEVEL=info\n',
    '/w/web.yaml': `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - name: LEVEL
      valueFrom:
        configMapKeyRef: {name: web-config, key: ${key}}
`,
  });
  const missingKey = (key: string) => {
    const f = files(key);
    return previewKustomization('/w', (p) => f[p]).findings.filter((x) => x.rule === 'missing-config-key');
  };

  it('reports a key the generated ConfigMap lacks, at the reference in the pod’s file', () => {
    const [finding] = missingKey('LOG_LEVL');
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe('ConfigMap "web-config-hf678c7m2b" has no key "LOG_LEVL".');
    expect(finding?.origin).toEqual({
      path: '/w/web.yaml',
      range: { start: { line: 10, character: 49 }, end: { line: 10, character: 57 } },
    });
  });

  it('finds the key the env file gives the generated ConfigMap', () => {
    expect(missingKey('LOG_LEVEL')).toEqual([]);
  });
});
