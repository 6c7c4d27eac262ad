// replacements in the preview: a value copied from a source field into target fields after every other
// transformer. The fixture follows kustomize's api/filters/replacement/replacement_test.go and
// examples/replacements.md (a ConfigMap source, [name=value] and * field paths, delimiter/index on both ends,
// create, reject, a label selector, a `path:` file); the expected objects are what `kubectl kustomize`
// (kustomize v5.5.0) printed for these files.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderKustomization } from '../../../shared/model/kustomizeRender';
import { emitObjects, originAt } from '../../../shared/model/kustomizeRender/emit';
import { matchesLabelSelector } from '../../../shared/model/kustomizeRender/replacements';
import { parseTrees } from '../../../shared/model/kustomizeRender/tree';

const FILES: Record<string, string> = {
  '/r/kustomization.yaml': `resources: [resources.yaml]
namePrefix: p-
configMapGenerator:
- name: env
  literals: [HOST=db.prod.svc, PORT="5432", IMAGE_TAG=1.27, REPLICAS="3"]
replacements:
- source:
    kind: ConfigMap
    name: env
    fieldPath: data.HOST
  targets:
  - select: {kind: Deployment}
    reject:
    - name: other
    fieldPaths:
    - spec.template.spec.containers.[name=app].env.[name=DB_HOST].value
  - select: {labelSelector: "tier=web"}
    fieldPaths: [metadata.annotations.db]
    options: {create: true}
- source: {kind: ConfigMap, name: env, fieldPath: data.IMAGE_TAG}
  targets:
  - select: {kind: Deployment, name: web}
    fieldPaths: [spec.template.spec.containers.*.image]
    options: {delimiter: ":", index: 1}
- path: more.yaml
`,
  '/r/more.yaml': `- source: {kind: ConfigMap, name: env, fieldPath: data.REPLICAS}
  targets:
  - select: {kind: Deployment}
    fieldPaths: [spec.replicas]
- source: {kind: Service, name: db, fieldPath: metadata.name}
  targets:
  - select: {kind: Deployment, name: web}
    fieldPaths: [spec.template.spec.containers.0.args.1]
- source:
    kind: Deployment
    name: web
    fieldPath: spec.template.spec.containers.[name=app].image
    options: {delimiter: ":", index: 0}
  targets:
  - select: {kind: Service}
    fieldPaths: [metadata.labels.image]
    options: {create: true}
`,
  '/r/resources.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {tier: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: nginx:1.25
        args: [--db, placeholder]
        env:
        - {name: DB_HOST, value: localhost}
      - name: side
        image: busybox:1.36
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: other
spec:
  replicas: 2
  selector: {matchLabels: {app: o}}
  template:
    metadata: {labels: {app: o}}
    spec:
      containers:
      - name: app
        image: nginx:1.25
        env:
        - {name: DB_HOST, value: localhost}
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {ports: [{port: 5432}]}
`,
};

function render(files: Record<string, string> = FILES) {
  const result = renderKustomization('/r', (p) => files[p]);
  const { text, spans } = emitObjects(result.objects);
  const docs = text.split(/^---$/m).map((d) => parse(d));
  return { ...result, text, spans, byName: (name: string) => docs.find((d) => d.metadata.name === name) };
}

describe('replacements', () => {
  const out = render();

  it('copies values as kustomize does: into [name=value] and * paths, by delimiter, created, not into rejected', () => {
    expect(out.problems).toEqual([]);
    expect(out.byName('p-web')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'p-web', labels: { tier: 'web' }, annotations: { db: 'db.prod.svc' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              {
                name: 'app',
                image: 'nginx:1.27',
                args: ['--db', 'p-db'],
                env: [{ name: 'DB_HOST', value: 'db.prod.svc' }],
              },
              { name: 'side', image: 'busybox:1.27' },
            ],
          },
        },
      },
    });
    // Rejected by name: its env keeps localhost; still selected by the replicas replacement.
    expect(out.byName('p-other').spec.template.spec.containers[0].env).toEqual([
      { name: 'DB_HOST', value: 'localhost' },
    ]);
    expect(out.byName('p-other').spec.replicas).toBe(3);
    // From a Deployment's image cut at ":", into a label the target did not have (create).
    expect(out.byName('p-db').metadata.labels).toEqual({ image: 'nginx' });
    expect(out.byName('p-env-t5hh55fgg9').data).toEqual({
      HOST: 'db.prod.svc',
      IMAGE_TAG: '1.27',
      PORT: '5432',
      REPLICAS: '3',
    });
  });

  it('keeps the type of a scalar target: the replicas stay a number', () => {
    expect(out.text).toMatch(/^ {2}replicas: 3$/m);
  });

  it('maps a replaced value to the source that produced it: the ConfigMap literal in the kustomization', () => {
    const lines = out.text.split('\n');
    const line = lines.findIndex((l) => l.trim() === 'value: db.prod.svc');
    const start = (lines[line] as string).indexOf('db.prod.svc');
    const origin = originAt(out.spans, { start: { line, character: start }, end: { line, character: start + 11 } });
    const k = (FILES['/r/kustomization.yaml'] as string).split('\n');
    const kLine = k.findIndex((l) => l.includes('HOST=db.prod.svc'));
    const kStart = (k[kLine] as string).indexOf('db.prod.svc');
    expect(origin).toEqual({
      path: '/r/kustomization.yaml',
      range: { start: { line: kLine, character: kStart }, end: { line: kLine, character: kStart + 11 } },
    });
  });

  it('selects targets by regular expression, as kustomize does since v5.8 (api/types/replacement.go, #5863)', () => {
    const files = {
      ...FILES,
      '/r/kustomization.yaml': (FILES['/r/kustomization.yaml'] as string).replace(
        'select: {kind: Deployment, name: web}',
        'select: {kind: Deployment, name: "w.*"}',
      ),
    };
    expect(render(files).byName('p-web').spec.template.spec.containers[1].image).toBe('busybox:1.27');
  });

  it('reports what kustomize fails the build on, and skips that replacement', () => {
    const problems = (replacements: string) =>
      render({
        ...FILES,
        '/r/kustomization.yaml': `resources: [resources.yaml]\nreplacements:\n${replacements}`,
      }).problems.map((p) => p.message);
    expect(problems('- source: {kind: Secret}\n  targets: [{select: {kind: Service}}]\n')).toEqual([
      'nothing selected by replacement source kind Secret',
    ]);
    expect(problems('- source: {kind: Deployment}\n  targets: [{select: {kind: Service}}]\n')).toEqual([
      'more than one object selected by replacement source kind Deployment',
    ]);
    expect(
      problems('- source: {kind: Service, fieldPath: spec.nope}\n  targets: [{select: {kind: Service}}]\n'),
    ).toEqual(['fieldPath `spec.nope` is missing for replacement source kind Service']);
    expect(
      problems(
        '- source: {kind: Service}\n  targets: [{select: {kind: Deployment}, fieldPaths: [spec.nope.deeper]}]\n',
      ),
    ).toEqual([
      'unable to find field "spec.nope.deeper" in replacement target web',
      'unable to find field "spec.nope.deeper" in replacement target other',
    ]);
    expect(problems('- path: none.yaml\n- {targets: []}\n')).toEqual([
      'replacement file none.yaml cannot be read',
      'replacements must specify a source and at least one target',
    ]);
  });

  it('reads label selectors as Kubernetes does: equality, inequality, existence and sets', () => {
    const labels = parseTrees('{tier: web, env: prod}', '/x')[0];
    expect(matchesLabelSelector('tier=web,env!=dev', labels)).toBe(true);
    expect(matchesLabelSelector('tier==web,!team', labels)).toBe(true);
    expect(matchesLabelSelector('env in (prod, stage),tier notin (db)', labels)).toBe(true);
    expect(matchesLabelSelector('env in (dev)', labels)).toBe(false);
    expect(matchesLabelSelector('team', labels)).toBe(false);
  });
});
