// configMapGenerator and secretGenerator in the preview, compared field by field with what `kustomize build`
// prints. The fixture follows kustomize's api/krusty/configmaps_test.go (literals, env files, files, behavior
// merge/replace over a base, generatorOptions, disableNameSuffixHash, immutable) and its
// examples/configGeneration.md; the expected objects are what `kubectl kustomize` (kustomize v5.5.0) printed for
// these very files.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderKustomization } from '../../../shared/model/kustomizeRender';
import { emitObjects, originAt } from '../../../shared/model/kustomizeRender/emit';
import type { Range } from '../../../shared/util/range';

const FILES: Record<string, string> = {
  '/g/base/kustomization.yaml': `resources:
- deployment.yaml
configMapGenerator:
- name: app-config
  literals:
  - MODE=fast
  - 'GREETING="hello world"'
  envs:
  - app.env
  files:
  - config.json
  - motd=banner.txt
secretGenerator:
- name: app-secret
  literals:
  - password=s3cr3t
- name: tls
  type: kubernetes.io/tls
  files:
  - tls.crt
  - tls.key
generatorOptions:
  labels:
    generated: "true"
`,
  '/g/base/app.env': '# comment\n\n   \nLOG_LEVEL=debug\n  INDENTED=yes\nEMPTY=\nURL=http://x?a=b\n',
  '/g/base/config.json': '{"a": 1}\n',
  '/g/base/banner.txt': 'Welcome <ünïcode> & more\n',
  '/g/base/tls.crt': 'CERT\n',
  '/g/base/tls.key': 'KEY\n',
  '/g/base/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      imagePullSecrets:
      - name: app-secret
      containers:
      - name: app
        image: nginx:1.27
        envFrom:
        - configMapRef:
            name: app-config
        - secretRef:
            name: app-secret
        env:
        - name: P
          valueFrom:
            secretKeyRef: {name: app-secret, key: password}
        - name: X
          valueFrom:
            configMapKeyRef: {name: unrelated, key: x}
      volumes:
      - name: certs
        secret:
          secretName: tls
      - name: cfg
        configMap:
          name: app-config
      - name: both
        projected:
          sources:
          - configMap: {name: app-config}
          - secret: {name: extra}
`,
  '/g/overlay/kustomization.yaml': `resources:
- ../base
namePrefix: prod-
namespace: prod
commonLabels:
  env: prod
configMapGenerator:
- name: app-config
  behavior: merge
  literals:
  - MODE=slow
  options:
    annotations:
      note: merged
secretGenerator:
- name: app-secret
  behavior: replace
  literals:
  - password=other
- name: extra
  literals:
  - k=v
  options:
    disableNameSuffixHash: true
    immutable: true
`,
};

function render(dir: string, files = FILES) {
  const result = renderKustomization(dir, (p) => files[p]);
  const { text, spans } = emitObjects(result.objects);
  const docs = text.split(/^---$/m).map((d) => parse(d));
  const byName = (name: string) => docs.find((d) => d.metadata.name === name);
  return { ...result, text, spans, docs, byName };
}

/** The range of `needle` on the first line of `text` that contains `line`. */
function rangeOf(text: string, line: string, needle: string): Range {
  const lines = text.split('\n');
  const n = lines.findIndex((l) => l.includes(line));
  const c = (lines[n] as string).indexOf(needle, (lines[n] as string).indexOf(line));
  return { start: { line: n, character: c }, end: { line: n, character: c + needle.length } };
}

describe('generators: the base as kustomize v5 builds it', () => {
  const base = render('/g/base');

  it('generates the ConfigMap from env file, literals and files, with the hash kustomize gives it', () => {
    expect(base.problems).toEqual([]);
    expect(base.byName('app-config-46d75dd6tt')).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app-config-46d75dd6tt', labels: { generated: 'true' } },
      data: {
        EMPTY: '',
        GREETING: 'hello world',
        INDENTED: 'yes',
        LOG_LEVEL: 'debug',
        MODE: 'fast',
        URL: 'http://x?a=b',
        'config.json': '{"a": 1}\n',
        motd: 'Welcome <ünïcode> & more\n',
      },
    });
  });

  it('generates Secrets with base64 data, their type, and hashes that cover the type', () => {
    expect(base.byName('app-secret-25k92892fb')).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'app-secret-25k92892fb', labels: { generated: 'true' } },
      data: { password: 'czNjcjN0' },
      type: 'Opaque',
    });
    expect(base.byName('tls-2bk8c2k248')).toMatchObject({
      data: { 'tls.crt': 'Q0VSVAo=', 'tls.key': 'S0VZCg==' },
      type: 'kubernetes.io/tls',
    });
  });

  it('points every pod-spec reference at the hashed names, and leaves names it does not generate', () => {
    const spec = base.byName('web').spec.template.spec;
    expect(spec.imagePullSecrets).toEqual([{ name: 'app-secret-25k92892fb' }]);
    expect(spec.containers[0].envFrom).toEqual([
      { configMapRef: { name: 'app-config-46d75dd6tt' } },
      { secretRef: { name: 'app-secret-25k92892fb' } },
    ]);
    expect(spec.containers[0].env[0].valueFrom.secretKeyRef.name).toBe('app-secret-25k92892fb');
    expect(spec.containers[0].env[1].valueFrom.configMapKeyRef.name).toBe('unrelated');
    expect(
      spec.volumes.map(
        (v: { secret?: unknown; configMap?: unknown; projected?: unknown }) => v.secret ?? v.configMap ?? v.projected,
      ),
    ).toEqual([
      { secretName: 'tls-2bk8c2k248' },
      { name: 'app-config-46d75dd6tt' },
      { sources: [{ configMap: { name: 'app-config-46d75dd6tt' } }, { secret: { name: 'extra' } }] },
    ]);
  });
});

describe('generators: the overlay merging into and replacing the base’s', () => {
  const overlay = render('/g/overlay');
  const base = render('/g/base');

  it('merges the overlay’s literal into the base ConfigMap, prefixed, namespaced, labelled and rehashed', () => {
    expect(overlay.problems).toEqual([]);
    const cm = overlay.byName('prod-app-config-bt8g96462d');
    expect(cm.metadata).toEqual({
      name: 'prod-app-config-bt8g96462d',
      namespace: 'prod',
      labels: { generated: 'true', env: 'prod' },
      annotations: { note: 'merged' },
    });
    expect(cm.data.MODE).toBe('slow');
    expect(Object.keys(cm.data)).toHaveLength(8);
  });

  it('replaces the base Secret’s data but keeps its labels; an unhashed immutable Secret keeps its name', () => {
    expect(overlay.byName('prod-app-secret-ttm48h54d2')).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'prod-app-secret-ttm48h54d2', namespace: 'prod', labels: { generated: 'true', env: 'prod' } },
      data: { password: 'b3RoZXI=' },
      type: 'Opaque',
    });
    expect(overlay.byName('prod-extra')).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      immutable: true,
      metadata: { name: 'prod-extra', namespace: 'prod', labels: { env: 'prod' } },
      data: { k: 'dg==' },
      type: 'Opaque',
    });
    expect(overlay.byName('prod-tls-2bk8c2k248')).toBeDefined();
  });

  it('follows the prefixed, hashed names from the Deployment, the overlay’s Secret included', () => {
    const spec = overlay.byName('prod-web').spec.template.spec;
    expect(spec.containers[0].envFrom[0].configMapRef.name).toBe('prod-app-config-bt8g96462d');
    expect(spec.imagePullSecrets[0].name).toBe('prod-app-secret-ttm48h54d2');
    expect(spec.volumes[2].projected.sources[1].secret.name).toBe('prod-extra');
    expect(spec.containers[0].env[1].valueFrom.configMapKeyRef.name).toBe('unrelated');
  });

  it('maps each generated value back to the text that produced it', () => {
    const { text, spans } = overlay;
    const at = (line: string, needle: string) => originAt(spans, rangeOf(text, line, needle));
    const kOverlay = FILES['/g/overlay/kustomization.yaml'] as string;
    const kBase = FILES['/g/base/kustomization.yaml'] as string;
    // A literal's value: the part after `=` on the kustomization's line.
    expect(at('MODE: slow', 'slow')).toEqual({
      path: '/g/overlay/kustomization.yaml',
      range: rangeOf(kOverlay, 'MODE=slow', 'slow'),
    });
    // A quoted literal: the value inside the quotes.
    expect(at('GREETING:', 'hello world')).toEqual({
      path: '/g/base/kustomization.yaml',
      range: rangeOf(kBase, 'GREETING', 'hello world'),
    });
    // An env file's value: its line in the env file.
    expect(at('LOG_LEVEL:', 'debug')).toEqual({
      path: '/g/base/app.env',
      range: { start: { line: 3, character: 10 }, end: { line: 3, character: 15 } },
    });
    expect(at('INDENTED:', 'INDENTED')).toEqual({
      path: '/g/base/app.env',
      range: { start: { line: 4, character: 2 }, end: { line: 4, character: 10 } },
    });
    // A file's key is the kustomization's entry; the hashed name is the generator's name.
    expect(at('motd:', 'motd')).toEqual({
      path: '/g/base/kustomization.yaml',
      range: rangeOf(kBase, 'motd=banner.txt', 'motd=banner.txt'),
    });
    // A generated name is the generator's `name` (a prefix, when there is one, is the namePrefix line's).
    const lines = base.text.split('\n');
    const line = lines.indexOf('  name: app-config-46d75dd6tt');
    const name = { start: { line, character: 8 }, end: { line, character: 29 } };
    expect(originAt(base.spans, name)).toEqual({
      path: '/g/base/kustomization.yaml',
      range: rangeOf(kBase, '- name: app-config', 'app-config'),
    });
  });
});

describe('generators: what kustomize rejects', () => {
  const k = (text: string, more: Record<string, string> = {}) =>
    render('/k', { '/k/kustomization.yaml': text, ...more }).problems.map((p) => p.message);

  it('reports repeated keys, missing files and merges with nothing to merge into, and renders keys kustomize allows', () => {
    expect(k('configMapGenerator:\n- name: c\n  literals: [a=1, a=2]\n')).toEqual([
      'configmap c illegally repeats the key `a`',
    ]);
    // kustomize validates neither keys nor env names (api/internal/validate/fieldvalidator.go): they render.
    const loose = render('/k', {
      '/k/kustomization.yaml': 'configMapGenerator:\n- name: c\n  envs: [e.env]\n',
      '/k/e.env': '1BAD=x\n  FOO =y\n',
    });
    expect(loose.problems).toEqual([]);
    expect(loose.byName('c-fg55c44cm9').data).toEqual({ '1BAD': 'x', 'FOO ': 'y' });
    // A byte order mark is dropped from the first line only, as kv.go does; Go's TrimLeftFunc keeps U+FEFF.
    const bom = render('/k', {
      '/k/kustomization.yaml': 'configMapGenerator:\n- name: c\n  envs: [e.env]\n',
      '/k/e.env': '\uFEFFA=1\r\n\uFEFFB=2\n',
    });
    expect(Object.keys(bom.docs[0].data)).toEqual(['A', '\uFEFFB']);
    expect(k('secretGenerator:\n- name: s\n  files: [nope.txt]\n')).toEqual(['file nope.txt cannot be read']);
    expect(k('configMapGenerator:\n- name: c\n  behavior: merge\n  literals: [a=1]\n')).toEqual([
      'ConfigMap c does not exist; cannot merge or replace',
    ]);
    expect(k('configMapGenerator:\n- literals: [a=1]\n- name: d\n  literals: [novalue]\n')).toEqual([
      'a configMapGenerator entry has no name: kustomize rejects it',
      'invalid literal source novalue, expected key=value',
    ]);
  });
});
