// The workspace index over a fixture workspace: objects as kustomize builds them, generators, patches and Helm
// templates left out, per-file updates.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indexFile, resolveUri, selectedTemplates, WorkspaceIndex } from '../../../shared/analysis/workspace';

const ROOT = path.resolve(__dirname, '../../fixtures/workspace');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

function fixtureIndex(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const file of files(ROOT)) {
    index.update(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'), {
      helmTemplate: file.includes(`${path.sep}chart${path.sep}templates${path.sep}`),
    });
  }
  return index;
}

const uri = (rel: string) => pathToFileURL(path.join(ROOT, rel)).href;

describe('workspace index', () => {
  it('finds ConfigMaps and Secrets with their keys, by name and namespace', () => {
    const objects = fixtureIndex().objects();
    const [config] = objects.find('ConfigMap', 'app-config', 'shop');
    expect(config?.keys).toEqual(['LOG_LEVEL', 'THEME']);
    expect(config?.location.uri).toBe(uri('app/config.yaml'));
    expect(config?.location.nameRange).toEqual({ start: { line: 3, character: 8 }, end: { line: 3, character: 18 } });
    expect(objects.find('Secret', 'db-secret', 'shop')[0]?.keys).toEqual(['password']);
    expect(objects.find('ConfigMap', 'app-config', 'other')).toEqual([]);
    expect(objects.complete).toBe(false);
    expect(fixtureIndex().objects(true).complete).toBe(true);
  });

  it('reads a Service selector and ports, and the pod templates it selects', () => {
    const objects = fixtureIndex().objects();
    const [web] = objects.find('Service', 'web');
    expect(web?.selector).toEqual({ app: 'web' });
    expect(web?.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);
    expect(selectedTemplates(objects, { app: 'web' }, 'shop').map((o) => o.name)).toEqual(['web']);
    expect(objects.find('Deployment', 'web')[0]?.podTemplate).toEqual({
      labels: { app: 'web', tier: 'frontend' },
      ports: [{ container: 'app', name: 'http', containerPort: 8080 }],
    });
  });

  it('builds kustomize resources through the overlay: namespace, labels, selectors and generated ConfigMaps', () => {
    const objects = fixtureIndex().objects();
    const [api] = objects.find('Deployment', 'api');
    expect(api?.namespace).toBe('prod');
    expect(api?.podTemplate?.labels).toEqual({ app: 'api', component: 'server' });
    expect(api?.via).toBe(uri('kustomize/base/kustomization.yaml'));
    expect(objects.find('Service', 'api')[0]?.selector).toEqual({ component: 'server', app: 'api' });
    const [generated] = objects.find('ConfigMap', 'api-config', 'prod');
    expect(generated).toMatchObject({ keys: ['MODE'], generated: { hashSuffix: true }, namespace: 'prod' });
    // The patch defines no second Deployment.
    expect(objects.ofKind('Deployment').map((o) => o.name)).toEqual(['web', 'api']);
  });

  it('ignores Helm chart templates, non-Kubernetes YAML and broken files', () => {
    const index = fixtureIndex();
    expect(index.objects().find('Service', 'chart-web')).toEqual([]);
    expect(index.fileFacts(uri('other/workflow.yaml'))?.objects).toEqual([]);
    expect(index.fileFacts(uri('other/broken.yaml'))?.objects).toEqual([]);
  });

  it('updates one file at a time', () => {
    const index = fixtureIndex();
    const before = index.generation;
    index.update(
      uri('app/config.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  NEW: x\n',
    );
    expect(index.generation).toBeGreaterThan(before);
    expect(index.objects().find('ConfigMap', 'app-config')[0]?.keys).toEqual(['NEW']);
    expect(index.objects().find('Secret', 'db-secret')).toEqual([]);
    index.remove(uri('app/config.yaml'));
    expect(index.objects().find('ConfigMap', 'app-config')).toEqual([]);
  });

  it('moves ranges without a new generation when an edit only shifts lines', () => {
    const index = new WorkspaceIndex();
    const text = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: x\n';
    index.update('file:///w/s.yaml', text);
    const before = index.generation;
    expect(index.update('file:///w/s.yaml', `# the database\n${text}`)).toBe(false);
    expect(index.generation).toBe(before);
    expect(index.objects().find('Secret', 'db')[0]?.location.nameRange?.start.line).toBe(4);
    expect(index.update('file:///w/s.yaml', text.replace('password', 'token'))).toBe(true);
    expect(index.generation).toBe(before + 1);
  });

  it('keeps the spec of namespace policy kinds and never throws on odd input', () => {
    const facts = indexFile(
      'file:///w/limits.yaml',
      'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l\nspec:\n  limits:\n    - type: Container\n      default: {cpu: 500m}\n',
    );
    expect(facts.objects[0]?.object.body).toEqual({ limits: [{ type: 'Container', default: { cpu: '500m' } }] });
    for (const text of ['', ':::', 'a: &x [*x]', '- - - -', 'kind: Pod\napiVersion: v1\nspec: 3\n'])
      expect(() => indexFile('file:///w/x.yaml', text)).not.toThrow();
  });

  it('resolves kustomization paths against its directory', () => {
    expect(resolveUri('file:///w/overlays/prod', '../../base/app.yaml')).toBe('file:///w/base/app.yaml');
    expect(resolveUri('file:///w/a', './b c.yaml')).toBe('file:///w/a/b%20c.yaml');
  });
});
