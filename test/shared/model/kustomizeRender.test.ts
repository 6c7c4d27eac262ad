// Rendering a kustomization (base + overlay) from its files' texts, and where each rendered value comes from.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderKustomization } from '../../../shared/model/kustomizeRender';
import { emitObjects, originAt } from '../../../shared/model/kustomizeRender/emit';
import type { Range } from '../../../shared/util/range';

const ROOT = path.resolve(__dirname, '../../fixtures/kustomize-render');
const OVERLAY = path.join(ROOT, 'overlay');

function disk(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

/** Renders a kustomization from in-memory files (paths under /k). */
function renderFiles(files: Record<string, string>, dir = '/k') {
  const result = renderKustomization(dir, (p) => files[p]);
  const { text, spans } = emitObjects(result.objects);
  return { ...result, text, spans, docs: text.split(/^---$/m).map((d) => parse(d)) };
}

/** The range of `needle` on the first line of `file` containing `line` (0-based, as LSP). */
function rangeIn(file: string, line: string, needle: string): Range {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const n = lines.findIndex((l) => l.includes(line));
  const c = (lines[n] as string).indexOf(needle, (lines[n] as string).indexOf(line));
  return { start: { line: n, character: c }, end: { line: n, character: c + needle.length } };
}

function renderedRange(text: string, line: string, needle: string): Range {
  const lines = text.split('\n');
  const n = lines.findIndex((l) => l.includes(line));
  const c = (lines[n] as string).indexOf(needle, (lines[n] as string).indexOf(line));
  return { start: { line: n, character: c }, end: { line: n, character: c + needle.length } };
}

describe('renderKustomization: the fixture overlay over its base', () => {
  const result = renderKustomization(OVERLAY, disk);
  const { text, spans } = emitObjects(result.objects);
  const deployment = parse(text);
  const pod = deployment.spec.template;

  it('renders without problems, as kustomize build would', () => {
    expect(result.problems).toEqual([]);
    expect(result.objects).toHaveLength(1);
  });

  it('applies namespace, name prefix, replicas and the image tag', () => {
    expect(deployment.metadata.namespace).toBe('prod');
    expect(deployment.metadata.name).toBe('prod-web');
    expect(deployment.spec.replicas).toBe(3);
    expect(pod.spec.containers[0].image).toBe('nginx:1.27');
  });

  it('puts commonLabels on selectors and templates, and includeTemplates labels on templates only', () => {
    expect(deployment.metadata.labels).toEqual({ tier: 'frontend', env: 'prod' });
    expect(deployment.spec.selector.matchLabels).toEqual({ app: 'web', tier: 'frontend' });
    expect(pod.metadata.labels).toEqual({ app: 'web', tier: 'frontend', env: 'prod' });
    expect(pod.metadata.annotations).toEqual({ team: 'web' });
  });

  it('merges the strategic-merge patch by container and env name, and deletes with $patch: delete', () => {
    expect(pod.spec.containers.map((c: { name: string }) => c.name)).toEqual(['app', 'sidecar']);
    expect(pod.spec.containers[0].imagePullPolicy).toBe('Sometimes');
    expect(pod.spec.containers[0].env).toEqual([
      { name: 'MODE', value: 'prod' },
      { name: 'EXTRA', value: '1' },
    ]);
  });

  it('applies JSON 6902 ops from an inline patch and from a patch file', () => {
    expect(pod.spec.containers[1].image).toBe('busybox:1.37');
    expect(pod.spec.terminationGracePeriodSeconds).toBe(45);
    expect(pod.spec.containers[0].ports).toBeUndefined();
    expect(pod.spec.containers[1].command).toEqual(['sleep', '3600']);
  });

  it('maps a patched value to the patch file', () => {
    const origin = originAt(spans, renderedRange(text, 'imagePullPolicy', 'Sometimes'));
    expect(origin).toEqual({
      path: path.join(OVERLAY, 'pull-policy.yaml'),
      range: rangeIn(path.join(OVERLAY, 'pull-policy.yaml'), 'imagePullPolicy', 'Sometimes'),
    });
  });

  it('maps transformer-set values to their kustomization line, and untouched values to the base', () => {
    const k = path.join(OVERLAY, 'kustomization.yaml');
    expect(originAt(spans, renderedRange(text, 'namespace:', 'prod'))).toEqual({
      path: k,
      range: rangeIn(k, 'namespace:', 'prod'),
    });
    expect(originAt(spans, renderedRange(text, 'image: nginx', 'nginx:1.27'))).toEqual({
      path: k,
      range: rangeIn(k, 'newTag', '"1.27"'),
    });
    expect(originAt(spans, renderedRange(text, 'replicas:', '3'))).toEqual({
      path: k,
      range: rangeIn(k, 'count:', '3'),
    });
    const base = path.join(ROOT, 'base', 'deployment.yaml');
    expect(originAt(spans, renderedRange(text, 'command', 'command'))).toEqual({
      path: base,
      range: rangeIn(base, 'command', 'command'),
    });
  });

  it('maps a value of an inline JSON patch to its line inside kustomization.yaml', () => {
    const k = path.join(OVERLAY, 'kustomization.yaml');
    expect(originAt(spans, renderedRange(text, 'image: busybox', 'busybox:1.37'))).toEqual({
      path: k,
      range: rangeIn(k, 'value: busybox', 'busybox:1.37'),
    });
  });
});

describe('renderKustomization: transformers and patches on small inputs', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: c
      image: registry.example:5000/team/app@sha256:${'a'.repeat(64)}
`;

  it('replaces an image name and digest, matching the name before a registry port and digest', () => {
    const { docs } = renderFiles({
      '/k/kustomization.yaml': `resources: [pod.yaml]\nimages:\n  - name: registry.example:5000/team/app\n    newName: mirror.example/app\n    newTag: v2\n`,
      '/k/pod.yaml': pod,
    });
    expect(docs[0].spec.containers[0].image).toBe('mirror.example/app:v2');
  });

  it('adds nameSuffix, leaves cluster-scoped objects out of the namespace, and sets a Service selector', () => {
    const { docs } = renderFiles({
      '/k/kustomization.yaml':
        'resources: [all.yaml]\nnamespace: ns\nnameSuffix: -v2\ncommonLabels: {app: a}\nlabels: [{pairs: {app: b, x: y}}]\n',
      '/k/all.yaml': `${pod}---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n`,
    });
    // In kustomize's legacy output order: Namespace, Service, then the Pod (sortordertransformer).
    expect(docs.map((d) => d.metadata.name)).toEqual(['ns', 's-v2', 'p-v2']);
    expect(docs.map((d) => d.metadata.namespace)).toEqual([undefined, 'ns', 'ns']);
    expect(docs[1].spec.selector).toEqual({ app: 'a' });
    // commonLabels runs after the labels entries: its value wins on a shared key.
    expect(docs[1].metadata.labels).toEqual({ app: 'a', x: 'y' });
  });

  it('reports missing files, Helm charts and failing JSON patches instead of throwing', () => {
    const { problems, docs } = renderFiles({
      '/k/kustomization.yaml':
        'resources: [pod.yaml, missing.yaml]\nhelmCharts: [{name: c, repo: https://charts.example}]\npatches:\n  - target: {kind: Pod}\n    patch: "[{op: remove, path: /spec/nothing}]"\n',
      '/k/pod.yaml': pod,
    });
    expect(problems.map((p) => p.message)).toEqual([
      'helmCharts is not rendered in the preview',
      'resource missing.yaml cannot be read',
      'JSON patch on p: path "/spec/nothing" does not exist',
    ]);
    expect(docs[0].metadata.name).toBe('p');
  });

  it('a directory without a kustomization, a cycle and broken YAML render nothing and never throw', () => {
    expect(renderFiles({}).problems).toEqual([{ path: '/k', message: 'no kustomization.yaml in this directory' }]);
    const cycle = renderFiles({ '/k/kustomization.yaml': 'resources: [., ../k, .]\n' });
    expect(cycle.objects).toEqual([]);
    expect(cycle.problems.map((p) => p.message)).toEqual(
      // errIfArgEqualOrHigher in kustomize's api/internal/loader/fileloader.go
      Array(3).fill("cycle detected: candidate root '/k' contains visited root '/k'"),
    );
    expect(renderFiles({ '/k/kustomization.yaml': 'resources: [a.yaml\n', '/k/a.yaml': pod }).objects).toEqual([]);
    const broken = renderFiles({
      '/k/kustomization.yaml': 'resources: [a.yaml]\n',
      '/k/a.yaml': `${pod}---\nkind: [\n`,
    });
    expect(broken.docs.map((d) => d.metadata.name)).toEqual(['p']);
    expect(broken.problems).toEqual([
      { path: '/k/a.yaml', message: 'YAML syntax errors: the broken documents are left out' },
    ]);
  });

  it('quotes strings that would read back as another type', () => {
    const { text, docs } = renderFiles({
      '/k/kustomization.yaml': 'resources: [cm.yaml]\n',
      '/k/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "true", b: "0x1", c: "x: y", d: "#", e: ""}\n',
    });
    expect(docs[0].data).toEqual({ a: 'true', b: '0x1', c: 'x: y', d: '#', e: '' });
    expect(text).toContain('a: "true"');
  });
});

describe('renderKustomization: overlays naming objects by their base names', () => {
  it('patches an object its base renamed, keeping the rendered name, and maps repeated values to the base', () => {
    const { docs, text, spans } = renderFiles(
      {
        '/base/kustomization.yaml': 'resources: [pod.yaml]\nnamePrefix: base-\n',
        '/base/pod.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: a:1\n',
        '/o/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: patch.yaml\n',
        '/o/patch.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: a:2\n',
      },
      '/o',
    );
    expect(docs[0].metadata.name).toBe('base-p');
    expect(docs[0].spec.containers).toEqual([{ name: 'c', image: 'a:2' }]);
    expect(originAt(spans, renderedRange(text, '- name: c', 'c'))?.path).toBe('/base/pod.yaml');
    expect(originAt(spans, renderedRange(text, 'image:', 'a:2'))?.path).toBe('/o/patch.yaml');
  });
});

describe('renderKustomization: output order', () => {
  const all = [
    ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'v'],
    ['v1', 'Pod', 'b', 'z'],
    ['v1', 'Pod', 'a', 'z'],
    ['v1', 'Pod', 'c'],
    ['example.com/v1', 'Widget', 'w'],
    ['batch/v1', 'Job', 'j'],
    ['v1', 'Service', 's'],
    ['other.io/v1', 'Namespace', 'odd'],
    ['v1', 'Namespace', 'ns'],
    ['apps/v1', 'DaemonSet', 'd'],
  ]
    .map(
      ([apiVersion, kind, name, ns]) =>
        `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: ${name}${ns ? `, namespace: ${ns}` : ''}}\n`,
    )
    .join('---\n');
  const names = (kustomization: string) =>
    renderFiles({ '/k/kustomization.yaml': kustomization, '/k/all.yaml': all }).docs.map(
      (d) => `${d.kind}/${d.metadata.name}`,
    );

  it('writes objects in kustomize’s legacy order by default, as `kubectl kustomize` (v5.5.0) printed them', () => {
    expect(names('resources: [all.yaml]\n')).toEqual([
      'Namespace/ns',
      'Namespace/odd',
      'Service/s',
      'DaemonSet/d',
      'Job/j',
      'Widget/w',
      'Pod/a',
      'Pod/b',
      'Pod/c',
      'ValidatingWebhookConfiguration/v',
    ]);
  });

  it('keeps the listed order with sortOptions fifo, and follows legacySortOptions as kubectl kustomize does', () => {
    expect(names('resources: [all.yaml]\nsortOptions: {order: fifo}\n')[0]).toBe('ValidatingWebhookConfiguration/v');
    expect(
      names(
        'resources: [all.yaml]\nsortOptions:\n  order: legacy\n  legacySortOptions: {orderFirst: [Pod], orderLast: [Namespace]}\n',
      ),
    ).toEqual([
      'Pod/a',
      'Pod/b',
      'Pod/c',
      'ValidatingWebhookConfiguration/v',
      'DaemonSet/d',
      'Job/j',
      'Widget/w',
      // The core group's "~G" sorts after every named group.
      'Service/s',
      'Namespace/ns',
      'Namespace/odd',
    ]);
  });
});
