// Reading kustomization files: resources, patches and what they add; chains of kustomizations combined.
import { describe, expect, it } from 'vitest';
import { combineKustomizations, parseManifests, readKustomization } from '../../../shared/model';

const BASE = `resources:
- deployment.yaml
bases:
- ../legacy
commonLabels:
  app: web
labels:
- includeSelectors: true
  pairs: {k8s-app: metrics}
- includeTemplates: true
  pairs: {tier: front}
- pairs: {team: a}
commonAnnotations: {owner: sre}
namespace: kube-system
namePrefix: base-
images:
- name: nginx
  newTag: "1.27"
- name: registry.example/app
  newName: mirror.example/app
  digest: sha256:${'a'.repeat(64)}
replicas:
- name: web
  count: 3
patches:
- path: ha.yaml
`;

describe('readKustomization', () => {
  it('reads resources, legacy bases, patches and everything kustomize adds', () => {
    const k = readKustomization(BASE);
    expect(k.resources).toEqual(['deployment.yaml', '../legacy']);
    expect(k.patches).toEqual(['ha.yaml']);
    expect(k.selectorLabels).toEqual({ app: 'web', 'k8s-app': 'metrics' });
    expect(k.templateLabels).toEqual({ tier: 'front' });
    expect(k.metadataLabels).toEqual({ team: 'a' });
    expect(k.labelFields).toEqual({ app: 'commonLabels', 'k8s-app': 'labels', tier: 'labels', team: 'labels' });
    expect(k.annotations).toEqual({ owner: 'sre' });
    expect(k.namespace).toBe('kube-system');
    expect(k.namePrefix).toBe('base-');
    expect(k.images).toEqual([
      { name: 'nginx', newTag: '1.27' },
      { name: 'registry.example/app', newName: 'mirror.example/app', digest: `sha256:${'a'.repeat(64)}` },
    ]);
    expect(k.replicas).toEqual([{ name: 'web', count: 3 }]);
  });

  it('adds nothing for broken or non-map files', () => {
    for (const text of ['', '- a\n- b\n', 'resources: [a\n', 'commonLabels: [x]\nimages: {a: 1}\n']) {
      const k = readKustomization(text);
      expect(k.selectorLabels).toEqual({});
      expect(k.images).toEqual([]);
    }
  });

  it('combines a chain innermost first: outer labels add, outer namespace and images win, prefixes nest', () => {
    const inner = readKustomization(
      'namespace: a\nnamePrefix: in-\ncommonLabels: {app: web}\nimages: [{name: nginx, newTag: "1"}]\n',
    );
    const outer = readKustomization(
      'namespace: b\nnamePrefix: out-\ncommonLabels: {env: prod}\nimages: [{name: nginx, newTag: "2"}]\n',
    );
    const ctx = combineKustomizations([
      { source: 'base/kustomization.yaml', k: inner },
      { source: 'kustomization.yaml', k: outer },
    ]);
    expect(ctx).toMatchObject({
      source: 'base/kustomization.yaml',
      namespace: 'b',
      namePrefix: 'out-in-',
      selectorLabels: { app: 'web', env: 'prod' },
      images: [{ name: 'nginx', newTag: '2' }],
    });
    expect(combineKustomizations([])).toBeUndefined();
  });

  it('gives the model the image kustomize writes, keeping the written one', () => {
    const kustomize = combineKustomizations([{ source: 'kustomization.yaml', k: readKustomization(BASE) }]);
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: nginx\n  - name: b\n    image: registry.example/app:2.0\n  - name: c\n    image: redis:7\n';
    const pod = parseManifests(text, { kustomize }).documents[0]?.pod;
    const images = pod?.containers.map((c) => [c.image.kind === 'value' ? c.image.value : undefined, c.imageAsWritten]);
    expect(images).toEqual([
      ['nginx:1.27', 'nginx'],
      [`mirror.example/app@sha256:${'a'.repeat(64)}`, 'registry.example/app:2.0'],
      ['redis:7', undefined],
    ]);
  });
});
