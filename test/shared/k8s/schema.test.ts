import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsUrl } from '../../../shared/k8s/docsLinks';
import {
  type FieldSchema,
  objectSchema,
  rootTypeOf,
  schemaAt,
  schemaSource,
  shortTypeName,
  typeLabel,
} from '../../../shared/k8s/schema';

const CORE = 'io.k8s.api.core.v1.';
const POD = `${CORE}Pod`;
const repoRoot = path.resolve(__dirname, '../../..');

const KINDS: readonly [string, string, string][] = [
  ['v1', 'Pod', POD],
  ['v1', 'ReplicationController', `${CORE}ReplicationController`],
  ['apps/v1', 'Deployment', 'io.k8s.api.apps.v1.Deployment'],
  ['apps/v1', 'ReplicaSet', 'io.k8s.api.apps.v1.ReplicaSet'],
  ['apps/v1', 'StatefulSet', 'io.k8s.api.apps.v1.StatefulSet'],
  ['apps/v1', 'DaemonSet', 'io.k8s.api.apps.v1.DaemonSet'],
  ['batch/v1', 'Job', 'io.k8s.api.batch.v1.Job'],
  ['batch/v1', 'CronJob', 'io.k8s.api.batch.v1.CronJob'],
];

function field(root: string, ...path: (string | number)[]): FieldSchema {
  const f = schemaAt(root, path).field;
  if (!f) throw new Error(`no field at ${path.join('.')}`);
  return f;
}

describe('rootTypeOf', () => {
  it.each(KINDS)('maps %s %s to %s, whose schema exists', (apiVersion, kind, type) => {
    expect(rootTypeOf(apiVersion, kind)).toBe(type);
    expect(objectSchema(type)?.properties.kind?.enum).toEqual([kind]);
  });

  it('has PodTemplateSpec as a root without a kind', () => {
    expect(objectSchema(`${CORE}PodTemplateSpec`)?.properties.spec?.type).toBe(`${CORE}PodSpec`);
  });

  it('knows no removed versions, other kinds or prototype names', () => {
    expect(rootTypeOf('extensions/v1beta1', 'DaemonSet')).toBeUndefined();
    expect(rootTypeOf('apps/v1beta2', 'Deployment')).toBeUndefined();
    expect(rootTypeOf('v1', 'Service')).toBeUndefined();
    expect(rootTypeOf('v1', 'constructor')).toBeUndefined();
    expect(rootTypeOf('__proto__', 'Pod')).toBeUndefined();
  });
});

describe('objectSchema', () => {
  it.each(['Container', 'PodSpec', 'Probe'])('gives every property of %s a description', (name) => {
    const schema = objectSchema(CORE + name);
    expect(Object.keys(schema?.properties ?? {}).length).toBeGreaterThan(5);
    for (const [key, f] of Object.entries(schema?.properties ?? {})) {
      expect(f.description?.trim(), `${name}.${key}`).toBeTruthy();
    }
  });

  it('carries the upstream enums', () => {
    const spec = objectSchema(`${CORE}PodSpec`)?.properties;
    expect(objectSchema(`${CORE}Container`)?.properties.imagePullPolicy?.enum).toEqual([
      'Always',
      'IfNotPresent',
      'Never',
    ]);
    expect(spec?.restartPolicy?.enum).toEqual(['Always', 'Never', 'OnFailure']);
    expect(spec?.dnsPolicy?.enum).toEqual(['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']);
    expect(objectSchema(`${CORE}ContainerPort`)?.properties.protocol?.enum).toEqual(['SCTP', 'TCP', 'UDP']);
  });

  it('lists required properties', () => {
    expect(objectSchema(`${CORE}Container`)?.required).toContain('name');
    expect(objectSchema(`${CORE}PodSpec`)?.required).toContain('containers');
    expect(objectSchema(`${CORE}ContainerPort`)?.required).toEqual(['containerPort']);
  });

  it('carries list and map merge semantics', () => {
    const spec = objectSchema(`${CORE}PodSpec`)?.properties;
    expect(spec?.containers).toMatchObject({ listType: 'map', listMapKeys: ['name'] });
    expect(spec?.topologySpreadConstraints?.listMapKeys).toEqual(['topologyKey', 'whenUnsatisfiable']);
    expect(spec?.tolerations?.listType).toBe('atomic');
    expect(spec?.nodeSelector).toMatchObject({ kind: 'map', mapType: 'atomic' });
    expect(field(POD, 'spec', 'containers', 0, 'ports')).toMatchObject({
      listType: 'map',
      listMapKeys: ['containerPort', 'protocol'],
    });
    expect(field(POD, 'metadata', 'finalizers').listType).toBe('set');
  });

  it('returns the same instance on every call and undefined for unknown or prototype names', () => {
    expect(objectSchema(`${CORE}Container`)).toBe(objectSchema(`${CORE}Container`));
    expect(objectSchema(`${CORE}Service`)).toBeUndefined();
    expect(objectSchema('toString')).toBeUndefined();
  });

  it('resolves every object type that any field refers to', () => {
    const seen = new Set<string>();
    const visit = (type: string) => {
      if (seen.has(type)) return;
      seen.add(type);
      const schema = objectSchema(type);
      expect(schema, type).toBeDefined();
      const check = (f: FieldSchema) => {
        if (f.kind === 'object') visit(f.type as string);
        if (f.items) check(f.items);
        if (f.values) check(f.values);
      };
      Object.values(schema?.properties ?? {}).forEach(check);
    };
    for (const [, , type] of KINDS) visit(type);
    expect(seen.size).toBeGreaterThan(150);
  });
});

describe('schemaAt', () => {
  it('walks a Deployment down to a container port', () => {
    const at = schemaAt('io.k8s.api.apps.v1.Deployment', [
      'spec',
      'template',
      'spec',
      'containers',
      0,
      'ports',
      1,
      'containerPort',
    ]);
    expect(at.field).toMatchObject({ kind: 'integer', format: 'int32' });
    expect(at.field?.description).toMatch(/port/i);
    expect(at.owner?.name).toBe(`${CORE}ContainerPort`);
    expect(at).toMatchObject({ property: 'containerPort', key: 'containerPort', depth: 8 });
  });

  it('walks a CronJob down to an init container restart policy', () => {
    const path = ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'initContainers', 0, 'restartPolicy'];
    const at = schemaAt('io.k8s.api.batch.v1.CronJob', path);
    expect(at.field?.kind).toBe('string');
    expect(at.field?.description).toMatch(/sidecar/);
    expect(at.owner?.name).toBe(`${CORE}Container`);
  });

  it('reports list items with the list property of the owner', () => {
    const at = schemaAt(POD, ['spec', 'containers', 2]);
    expect(at.field).toMatchObject({ kind: 'object', type: `${CORE}Container` });
    expect(at).toMatchObject({ property: 'containers', key: 2 });
    expect(at.owner?.name).toBe(`${CORE}PodSpec`);
  });

  it('resolves map values', () => {
    expect(field(POD, 'metadata', 'labels')).toMatchObject({ kind: 'map', values: { kind: 'string' } });
    const label = schemaAt(POD, ['metadata', 'labels', 'app']);
    expect(label.field?.kind).toBe('string');
    expect(label).toMatchObject({ property: 'labels', key: 'app' });
    expect(label.owner?.name).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    const limits = field(POD, 'spec', 'containers', 0, 'resources', 'limits');
    expect(limits.values?.kind).toBe('quantity');
    expect(field(POD, 'spec', 'containers', 0, 'resources', 'limits', 'cpu').kind).toBe('quantity');
  });

  it('resolves special leaves', () => {
    expect(field(POD, 'spec', 'containers', 0, 'livenessProbe', 'httpGet', 'port').kind).toBe('int-or-string');
    expect(field(POD, 'metadata', 'creationTimestamp').kind).toBe('time');
    expect(field(POD, 'metadata', 'managedFields', 0, 'fieldsV1', 'f:spec', 'x').kind).toBe('any');
  });

  it('names the volumeClaimTemplates of a StatefulSet PersistentVolumeClaim, with apiVersion optional', () => {
    const templates = field('io.k8s.api.apps.v1.StatefulSet', 'spec', 'volumeClaimTemplates');
    expect(templates.type).toBe(`${CORE}PersistentVolumeClaim`);
    expect(objectSchema(`${CORE}PersistentVolumeClaim`)?.required).toEqual([]);
    const storage = ['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests', 'storage'];
    expect(field('io.k8s.api.apps.v1.StatefulSet', ...storage).kind).toBe('quantity');
  });

  it('returns the root object for an empty path', () => {
    expect(schemaAt(POD, [])).toMatchObject({ field: { kind: 'object', type: POD }, depth: 0 });
    expect(schemaAt('io.k8s.api.core.v1.Nope', []).field).toBeUndefined();
  });

  it('stops at an unknown property and reports the object it searched', () => {
    const at = schemaAt(POD, ['spec', 'containerz', 0, 'image']);
    expect(at).toMatchObject({ field: undefined, key: 'containerz', depth: 1, property: undefined });
    expect(at.owner?.name).toBe(`${CORE}PodSpec`);
    expect(schemaAt(POD, ['spec', 'constructor']).field).toBeUndefined();
  });

  it('stops where the path shape does not fit the schema', () => {
    expect(schemaAt(POD, ['spec', 'containers', 'name'])).toMatchObject({ field: undefined, depth: 2 });
    expect(schemaAt(POD, ['spec', 0])).toMatchObject({ field: undefined, depth: 1 });
    expect(schemaAt(POD, ['spec', 'hostname', 'x'])).toMatchObject({ field: undefined, owner: undefined, depth: 2 });
  });
});

describe('typeLabel', () => {
  it.each([
    [['spec', 'hostname'], 'string'],
    [['spec', 'hostNetwork'], 'boolean'],
    [['spec', 'priority'], 'integer (int32)'],
    [['spec', 'terminationGracePeriodSeconds'], 'integer (int64)'],
    [['spec', 'securityContext', 'supplementalGroups'], '[]int64'],
    [['spec', 'containers'], '[]Container'],
    [['spec', 'containers', 0, 'ports'], '[]ContainerPort'],
    [['spec', 'containers', 0, 'args'], '[]string'],
    [['spec', 'containers', 0, 'livenessProbe'], 'Probe'],
    [['spec', 'containers', 0, 'resources', 'limits'], 'map[string]Quantity'],
    [['spec', 'containers', 0, 'resources', 'limits', 'memory'], 'Quantity'],
    [['spec', 'containers', 0, 'livenessProbe', 'tcpSocket', 'port'], 'IntOrString'],
    [['metadata', 'labels'], 'map[string]string'],
    [['metadata', 'deletionTimestamp'], 'Time'],
    [['metadata', 'managedFields', 0, 'fieldsV1'], 'FieldsV1'],
  ] as const)('labels %j as %s', (path, label) => {
    expect(typeLabel(field(POD, ...path))).toBe(label);
  });
});

describe('schemaSource and shortTypeName', () => {
  it('records the package, Kubernetes version and generator', () => {
    expect(schemaSource()).toEqual({
      package: 'kubernetes-models@5.1.0',
      kubernetes: '1.36',
      generator: 'scripts/gen/gen-schema.mjs',
    });
  });

  it('shortens upstream names', () => {
    expect(shortTypeName(`${CORE}Container`)).toBe('Container');
    expect(shortTypeName('Container')).toBe('Container');
  });
});

describe('docsUrl', () => {
  const ref = 'https://kubernetes.io/docs/reference/kubernetes-api/';
  it.each([
    [`${CORE}Container`, 'workload-resources/pod-v1/#Container'],
    [`${CORE}Probe`, 'workload-resources/pod-v1/#Probe'],
    [`${CORE}PodSpec`, 'workload-resources/pod-v1/#PodSpec'],
    [POD, 'workload-resources/pod-v1/'],
    ['io.k8s.api.apps.v1.Deployment', 'workload-resources/deployment-v1/'],
    ['io.k8s.api.apps.v1.DeploymentSpec', 'workload-resources/deployment-v1/#DeploymentSpec'],
    ['io.k8s.api.batch.v1.JobTemplateSpec', 'workload-resources/cron-job-v1/#JobTemplateSpec'],
    ['io.k8s.api.batch.v1.PodFailurePolicyRule', 'workload-resources/job-v1/#PodFailurePolicyRule'],
    [`${CORE}PodTemplateSpec`, 'workload-resources/pod-template-v1/#PodTemplateSpec'],
    [`${CORE}ConfigMapVolumeSource`, 'config-and-storage-resources/volume/#ConfigMapVolumeSource'],
    [
      `${CORE}PersistentVolumeClaimSpec`,
      'config-and-storage-resources/persistent-volume-claim-v1/#PersistentVolumeClaimSpec',
    ],
    ['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'common-definitions/object-meta/'],
    ['io.k8s.apimachinery.pkg.api.resource.Quantity', 'common-definitions/quantity/'],
    ['io.k8s.apimachinery.pkg.util.intstr.IntOrString', ''],
  ])('links %s to %s', (type, page) => {
    expect(docsUrl(type)).toBe(ref + page);
  });

  it('has no link for names that are not Kubernetes types', () => {
    expect(docsUrl('Container')).toBeUndefined();
  });
});

describe('gen-schema', () => {
  it('regenerates the committed schema and NOTICE byte for byte', { timeout: 60_000 }, () => {
    const out = mkdtempSync(path.join(tmpdir(), 'podlens-schema-'));
    try {
      execFileSync(process.execPath, [path.join(repoRoot, 'scripts/gen/gen-schema.mjs'), '--out', out], {
        stdio: 'pipe',
      });
      for (const file of ['k8s-schema.json', 'NOTICE']) {
        const committed = readFileSync(path.join(repoRoot, 'shared/k8s/schema', file));
        expect(readFileSync(path.join(out, file)).equals(committed), file).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
