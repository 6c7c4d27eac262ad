// Document-level behaviour of the manifest model: multi-document files, anchors, flow style, templates,
// kustomize patches and YAML that is not Kubernetes.
import { describe, expect, it } from 'vitest';
import { isAnalysable, parseManifests } from '../../../shared/model';

describe('parseManifests', () => {
  it('numbers documents like the yaml package, comments and empty documents included', () => {
    const text = '# leading comment\n---\napiVersion: v1\nkind: Pod\n---\n---\napiVersion: v1\nkind: Pod\n...\n';
    const file = parseManifests(text);
    expect(file.documents.map((d) => d.isKubernetes)).toEqual([true, false, true]);
    expect(file.documents.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(file.documents[2]?.range.start.line).toBe(5);
  });

  it('follows anchors and aliases for shared container fragments', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - &base
      name: a
      image: nginx:1.27
      resources: &res
        limits: {memory: 128Mi}
    - name: b
      image: redis:7
      resources: *res
`;
    const pod = parseManifests(text).documents[0]!.pod!;
    const b = pod.containers[1]!;
    expect(b.resources.limits.entries.get('memory')).toMatchObject({ kind: 'value', value: '128Mi' });
  });

  it('keeps an alias bomb cheap: nested aliases are not expanded', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'apiVersion: v1',
      'kind: Pod',
      'spec: {containers: [{name: x, image: nginx, args: *g}]}',
    ].join('\n');
    const doc = parseManifests(bomb).documents[0]!;
    expect(doc.pod?.containers[0]?.args.kind).toBe('invalid');
  });

  it('reads flow-style documents', () => {
    const text =
      '{apiVersion: v1, kind: Pod, metadata: {name: f}, spec: {containers: [{name: c, image: "nginx:1.27"}]}}\n';
    const doc = parseManifests(text).documents[0]!;
    expect(doc.workload).toBe('Pod');
    expect(doc.pod?.containers[0]?.image).toMatchObject({ kind: 'value', value: 'nginx:1.27' });
  });

  it('ignores YAML that is not a Kubernetes object', () => {
    const doc = parseManifests('services:\n  web:\n    image: nginx\n').documents[0]!;
    expect(doc.isKubernetes).toBe(false);
    expect(isAnalysable(doc)).toBe(false);
    expect(doc.pod).toBeUndefined();
  });

  it('degrades a Helm template to one informational notice, without syntax storms', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          {{- with .Values.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
`;
    const file = parseManifests(text);
    expect(file.documents[0]?.templated).toBeDefined();
    expect(isAnalysable(file.documents[0]!)).toBe(false);
    expect(file.templateNotice?.severity).toBe('info');
    expect(file.templateNotice?.range.start).toEqual({ line: 3, character: 8 });
  });

  it('treats {{ }} inside quoted strings as an unknown value, not a template document', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {shard: "{{shard}}"}\nspec:\n  containers:\n    - name: c\n      image: "{{ image }}"\n';
    const doc = parseManifests(text).documents[0]!;
    expect(doc.templated).toBeUndefined();
    expect(doc.pod?.containers[0]?.image.kind).toBe('template');
  });

  it('marks kustomize patches as partial: $patch, patch file names, and files a kustomization names', () => {
    const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: lg\n$patch: delete\n';
    expect(parseManifests(patch).documents[0]?.partial).toBe('$patch');
    const ha = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: m}\nspec: {replicas: 2}\n';
    expect(parseManifests(ha, { path: 'components/high-availability/patch.yaml' }).documents[0]?.partial).toBe(
      'patch-file-name',
    );
    expect(
      parseManifests(ha, { path: 'overlays/prod/replicas.yaml', kustomizePatch: true }).documents[0]?.partial,
    ).toBe('kustomize-patch-file');
    expect(parseManifests(ha, { path: 'base/deployment.yaml' }).documents[0]?.partial).toBeUndefined();
  });

  it('keeps half-typed fields as absent or invalid instead of throwing', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name:\n      imagePu\n      ports: 80\n';
    const c = parseManifests(text).documents[0]?.pod?.containers[0];
    expect(c?.name.kind).toBe('absent');
    expect(c?.ports).toEqual([]);
  });

  it('reports YAML 1.1 booleans where a string is expected as invalid with the type seen', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: c\n      image: nginx:1\n      env:\n        - name: FLAG\n          value: on\n';
    const env = parseManifests(text).documents[0]?.pod?.containers[0]?.env[0];
    expect(env?.value).toMatchObject({ kind: 'invalid', expected: 'a string', got: 'a boolean' });
  });
});
