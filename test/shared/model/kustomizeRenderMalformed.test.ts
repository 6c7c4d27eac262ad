// Generated broken kustomizations, patches, resources, env files and components (truncations, byte flips, wrong
// types): the preview never throws, and every finding it maps lands inside the text of the file it names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewKustomization } from '../../../shared/lint/kustomizePreview';

const FILES: Record<string, string> = {
  '/o/kustomization.yaml': `resources: [../b]
namespace: prod
namePrefix: p-
commonLabels: {tier: x}
images: [{name: nginx, newTag: "1.27"}]
replicas: [{name: web, count: 2}]
patches:
  - path: smp.yaml
  - target: {kind: Deployment, name: web}
    patch: |-
      - op: add
        path: /spec/template/spec/containers/0/imagePullPolicy
        value: Sometimes
patchesJson6902:
  - target: {kind: Deployment, name: "w.*"}
    path: ops.yaml
configMapGenerator:
  - name: cfg
    literals: [A=1, 'B="two"']
    envs: [app.env]
secretGenerator:
  - name: s
    files: [key=secret.txt]
components: [../c]
replacements:
  - source: {kind: ConfigMap, name: cfg, fieldPath: data.A}
    targets:
      - select: {kind: Deployment}
        fieldPaths: [spec.template.spec.containers.0.env.0.value]
vars:
  - name: CFG
    objref: {kind: ConfigMap, name: cfg, apiVersion: v1}
`,
  '/o/app.env': '# settings\nLEVEL=debug\n  EMPTY=\n',
  '/o/secret.txt': 'hunter2\n',
  '/c/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
configMapGenerator:
  - name: cfg
    behavior: merge
    literals: [C=3]
patches:
  - target: {kind: Deployment}
    patch: |-
      - op: add
        path: /spec/template/spec/containers/0/envFrom
        value: [{configMapRef: {name: cfg}}, {secretRef: {name: s}}]
`,
  '/o/smp.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: app
          env: [{name: A, value: "1"}]
        - {name: gone, $patch: delete}
`,
  '/o/ops.yaml': '- {op: replace, path: /spec/replicas, value: 4}\n- {op: remove, path: /metadata/labels/tier}\n',
  '/b/kustomization.yaml': 'resources: [web.yaml]\n',
  '/b/web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - {name: app, image: "nginx:1.25", ports: [{containerPort: 80}], command: [run, "--config=$(CFG)"]}
        - {name: gone, image: "busybox:1.36"}
`,
};

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    char: fc.constantFrom('[', ']', '{', ':', '-', '\t', '"', '\n', ' '),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom('- 1\n', 'x: [', '$patch: delete\n', '  ', '~1', ': :'),
  }),
);

function mutate(text: string, m: { kind: string; at: number; char?: string; text?: string }): string {
  const at = m.at % (text.length + 1);
  if (m.kind === 'truncate') return text.slice(0, at);
  if (m.kind === 'flip') return text.slice(0, at) + m.char + text.slice(at + 1);
  return text.slice(0, at) + m.text + text.slice(at);
}

describe('previewKustomization on broken input', () => {
  it('renders the intact fixture without problems: generators, a component, replacements and vars included', () => {
    const preview = previewKustomization('/o', (p) => FILES[p]);
    expect(preview.problems).toEqual([]);
    expect(preview.text).toMatch(/name: p-cfg-[a-z0-9]{10}\n/);
    expect(preview.text).toMatch(/--config=p-cfg-[a-z0-9]{10}/);
  });

  it('never throws, and each origin lies inside its file (200 inputs)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(FILES)), mutation, (file, m) => {
        const files = { ...FILES, [file]: mutate(FILES[file] as string, m) };
        const preview = previewKustomization('/o', (p) => files[p]);
        for (const f of preview.findings) {
          if (!f.origin) continue;
          const lines = (files[f.origin.path] as string).split('\n');
          expect(f.origin.range.end.line).toBeLessThan(lines.length);
          expect(f.origin.range.end.character).toBeLessThanOrEqual((lines[f.origin.range.end.line] as string).length);
        }
      }),
      { numRuns: 200, seed: 18 },
    );
  });
});
