// Components in the preview: applied in the order listed, after the including kustomization's resources and
// generators, their own resources, generators and patches acting on everything accumulated so far (a patch in
// one component reaches a ConfigMap another one generated), nested components too. The fixture follows
// kustomize's api/krusty/component_test.go and examples/components.md; the expected objects are what
// `kubectl kustomize` (kustomize v5.5.0) printed for these files.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderKustomization } from '../../../shared/model/kustomizeRender';
import { emitObjects, originAt } from '../../../shared/model/kustomizeRender/emit';

const COMPONENT = 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n';

const FILES: Record<string, string> = {
  '/c/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
  '/c/base/deployment.yaml': `apiVersion: apps/v1
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
`,
  '/c/ldap/kustomization.yaml': `${COMPONENT}configMapGenerator:
- name: ldap-config
  literals: [URL=ldap://ldap.example]
patches:
- path: envfrom.yaml
components:
- ../nested
`,
  '/c/ldap/envfrom.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
      - name: app
        envFrom:
        - configMapRef: {name: ldap-config}
`,
  '/c/nested/kustomization.yaml': `${COMPONENT}commonAnnotations: {nested: "yes"}\n`,
  '/c/metrics/kustomization.yaml': `${COMPONENT}resources: [service.yaml]
patches:
- target: {kind: ConfigMap, name: ldap-config}
  patch: |-
    - op: add
      path: /data/METRICS
      value: "on"
`,
  '/c/metrics/service.yaml':
    'apiVersion: v1\nkind: Service\nmetadata: {name: metrics}\nspec: {ports: [{port: 9090}]}\n',
  '/c/overlay/kustomization.yaml': 'resources: [../base]\nnamePrefix: dev-\ncomponents: [../ldap, ../metrics]\n',
};

function render(dir: string, files: Record<string, string> = FILES) {
  const result = renderKustomization(dir, (p) => files[p]);
  const { text, spans } = emitObjects(result.objects);
  return { ...result, text, spans, docs: text.split(/^---$/m).map((d) => parse(d)) };
}

describe('components', () => {
  const out = render('/c/overlay');
  const byKind = (kind: string) => out.docs.find((d) => d.kind === kind);

  it('renders what kustomize builds: the components’ ConfigMap, Service and patches, then the overlay’s prefix', () => {
    expect(out.problems).toEqual([]);
    expect(byKind('ConfigMap')).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'dev-ldap-config-mhf2btgdtd', annotations: { nested: 'yes' } },
      data: { URL: 'ldap://ldap.example', METRICS: 'on' },
    });
    expect(byKind('Service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'dev-metrics' },
      spec: { ports: [{ port: 9090 }] },
    });
    expect(byKind('Deployment')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'dev-web', annotations: { nested: 'yes' } },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' }, annotations: { nested: 'yes' } },
          spec: {
            containers: [
              { name: 'app', image: 'nginx:1.27', envFrom: [{ configMapRef: { name: 'dev-ldap-config-mhf2btgdtd' } }] },
            ],
          },
        },
      },
    });
  });

  it('maps a component’s patch to the component’s file', () => {
    const lines = out.text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('  METRICS: '));
    const end = (lines[line] as string).length;
    const at = originAt(out.spans, { start: { line, character: 11 }, end: { line, character: end } });
    // `      value: "on"` is line 9 of the component's kustomization (its inline JSON patch).
    expect(at).toEqual({
      path: '/c/metrics/kustomization.yaml',
      range: { start: { line: 8, character: 13 }, end: { line: 8, character: 17 } },
    });
  });

  it('reports a Component under resources, a Kustomization under components and a cycle with kustomize’s messages', () => {
    const files = {
      ...FILES,
      '/c/bad/kustomization.yaml': 'resources: [../ldap]\ncomponents: [../base]\n',
      '/c/a/kustomization.yaml': `${COMPONENT}components: [../b]\n`,
      '/c/b/kustomization.yaml': `${COMPONENT}components: [../a]\n`,
      '/c/top/kustomization.yaml': 'components: [../a]\n',
    };
    expect(render('/c/bad', files).problems.map((p) => p.message)).toEqual([
      "expected kind != 'Component' for path '/c/ldap'",
      "expected kind 'Component' for path '/c/base' but got 'Kustomization'",
    ]);
    expect(render('/c/top', files).problems.map((p) => p.message)).toEqual([
      "cycle detected: candidate root '/c/a' contains visited root '/c/a'",
    ]);
  });
});
