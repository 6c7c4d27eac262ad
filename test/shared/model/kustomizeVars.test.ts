// vars (deprecated in kustomize v5, still applied): $(NAME) in container command, args, env values and mount
// paths becomes a field of the object the var names, after prefixes and name hashes. The fixture follows
// kustomize's api/krusty/vars_test.go and examples/wordpress; the expected pod is what `kubectl kustomize`
// (kustomize v5.5.0) printed for these files.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderKustomization } from '../../../shared/model/kustomizeRender';
import { emitObjects } from '../../../shared/model/kustomizeRender/emit';

const FILES: Record<string, string> = {
  '/v/base/kustomization.yaml': `resources: [res.yaml]
vars:
- name: DB_SERVICE
  objref: {kind: Service, name: db, apiVersion: v1}
- name: DB_PORT
  objref: {kind: Service, name: db, apiVersion: v1}
  fieldref: {fieldPath: "spec.ports[0].port"}
`,
  '/v/base/res.yaml': `apiVersion: v1
kind: Service
metadata: {name: db}
spec: {ports: [{port: 5432}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  initContainers:
  - name: wait
    image: busybox:1.36
    command: [sh, -c, "until nslookup $(DB_SERVICE); do sleep 1; done; echo $$HOME $(UNKNOWN) $(CFG)"]
  containers:
  - name: app
    image: app:1
    args: ["--db=$(DB_SERVICE):$(DB_PORT)", "$(DB_PORT)"]
    env:
    - {name: URL, value: "postgres://$(DB_SERVICE)"}
    - {name: CFG_NAME, value: "$(CFG)"}
    volumeMounts:
    - {name: d, mountPath: "/data/$(DB_SERVICE)"}
  volumes:
  - {name: d, emptyDir: {}}
`,
  '/v/ov/kustomization.yaml': `resources: [../base]
namePrefix: x-
configMapGenerator:
- name: cfg
  literals: [a=b]
vars:
- name: CFG
  objref: {kind: ConfigMap, name: cfg, apiVersion: v1}
`,
};

function render(dir: string, files: Record<string, string> = FILES) {
  const result = renderKustomization(dir, (p) => files[p]);
  const docs = emitObjects(result.objects)
    .text.split(/^---$/m)
    .map((d) => parse(d));
  return { ...result, pod: docs.find((d) => d.kind === 'Pod') };
}

describe('vars', () => {
  it('substitutes the final names and fields of the objects the vars name, across base and overlay', () => {
    const { pod, problems } = render('/v/ov');
    expect(problems).toEqual([]);
    expect(pod.spec.initContainers[0].command).toEqual([
      'sh',
      '-c',
      // $$ is an escaped $; an unknown var stays as written.
      'until nslookup x-db; do sleep 1; done; echo $HOME $(UNKNOWN) x-cfg-4h2mbtbbt6',
    ]);
    // A field that is one var takes its type: the port stays a number, as kustomize prints it.
    expect(pod.spec.containers[0].args).toEqual(['--db=x-db:5432', 5432]);
    expect(pod.spec.containers[0].env).toEqual([
      { name: 'URL', value: 'postgres://x-db' },
      { name: 'CFG_NAME', value: 'x-cfg-4h2mbtbbt6' },
    ]);
    expect(pod.spec.containers[0].volumeMounts).toEqual([{ name: 'd', mountPath: '/data/x-db' }]);
  });

  it('leaves $$ alone when there are no vars, and reports a var that names nothing or twice', () => {
    const files = {
      '/k/kustomization.yaml':
        'resources: [p.yaml]\nvars:\n- {name: A, objref: {kind: Service, name: nope}}\n- {name: B, objref: {kind: Pod, name: p}}\n- {name: B, objref: {kind: Pod, name: p}}\n',
      '/k/p.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: a:1\n    command: ["echo $$HOME $(A) $(B)"]\n',
    };
    const out = render('/k', files);
    expect(out.pod.spec.containers[0].command).toEqual(['echo $HOME $(A) p']);
    expect(out.problems.map((p) => p.message)).toEqual([
      "var 'A' cannot be mapped to a field in the set of known resources",
      "var 'B' already encountered",
    ]);
    const none = render('/k', { ...files, '/k/kustomization.yaml': 'resources: [p.yaml]\n' });
    expect(none.pod.spec.containers[0].command).toEqual(['echo $$HOME $(A) $(B)']);
  });
});
