/**
 * fast-check arbitraries for realistic manifest files: Pods and every workload kind with init containers, native
 * sidecars, probes, hooks, ports, env, volumes and resources, rendered as YAML in mixed styles (block and flow,
 * quoted scalars, comments, anchors and aliases for shared objects, several documents per file).
 */
import fc from 'fast-check';
import { Document, Scalar, visit } from 'yaml';
import { WORKLOAD_KINDS, type WorkloadKind } from '../../../shared/model/types';

type Obj = Record<string, unknown>;

/** Mostly valid values, now and then one the API server would reject (lint rules must meet those too). */
const mostly = <T, U>(valid: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: odd });

const name = mostly(
  fc.constantFrom('app', 'web', 'sidecar', 'init-db', 'log-shipper', 'x'),
  fc.constantFrom('Bad_Name', 'a'.repeat(70), ''),
);
const image = mostly(
  fc.constantFrom(
    'nginx',
    'nginx:latest',
    'nginx:1.27',
    'registry.example:5000/team/app:1.4.2',
    `busybox@sha256:${'a'.repeat(64)}`,
    'ghcr.io/org/app:v2-rc.1',
  ),
  fc.constantFrom('Bad:Image', ' nginx:1 ', ''),
);
const port = mostly(
  fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constantFrom('http', 'metrics')),
  fc.constantFrom(-5, 0, 70000, '8080', 'no such port'),
);
const seconds = mostly(fc.integer({ min: 0, max: 120 }), fc.constantFrom(-3, 400, '10', 1.5, null));
const quantity = mostly(
  fc.constantFrom('250m', '1', 1, 0.5, '0.5', '64Mi', '1G', '1e3', '2Ki', '100m', 3),
  fc.constantFrom('lots', '-1', '1.5.5'),
);
const command = fc.constantFrom(
  ['sh', '-c', 'exit 1'],
  ['sleep', '3600'],
  ['sh', '-c', 'sleep 5; exit 0'],
  ['/bin/true'],
  ['sh', '-c', 'until nslookup db; do sleep 2; done'],
  ['nginx', '-g', 'daemon off;'],
);

const handler = fc.oneof(
  fc.record({ httpGet: fc.record({ path: fc.constantFrom('/', '/healthz', '/ready'), port }, { requiredKeys: [] }) }),
  fc.record({ tcpSocket: fc.record({ port }) }),
  fc.record({ exec: fc.record({ command }) }),
  fc.record({ grpc: fc.record({ port, service: fc.constantFrom('', 'health') }, { requiredKeys: ['port'] }) }),
);

const probe = fc
  .tuple(
    handler,
    fc.record(
      {
        initialDelaySeconds: seconds,
        periodSeconds: seconds,
        timeoutSeconds: seconds,
        failureThreshold: seconds,
        successThreshold: seconds,
        terminationGracePeriodSeconds: seconds,
      },
      { requiredKeys: [] },
    ),
  )
  .map(([h, timing]) => ({ ...h, ...timing }));

const hook = fc.oneof(handler, fc.record({ sleep: fc.record({ seconds }) }));

const envVar = fc.oneof(
  fc.record({
    name: fc.constantFrom('MODE', 'LOG_LEVEL', '1BAD', 'PATH'),
    value: fc.constantFrom('on', '', '$(MODE)', 'x'),
  }),
  fc.record({
    name: fc.constantFrom('DB_HOST', 'TOKEN'),
    valueFrom: fc.oneof(
      fc.record({ configMapKeyRef: fc.record({ name: fc.constantFrom('cfg', 'missing'), key: fc.constant('k') }) }),
      fc.record({
        secretKeyRef: fc.record({ name: fc.constant('creds'), key: fc.constant('token'), optional: fc.boolean() }),
      }),
      fc.record({ fieldRef: fc.record({ fieldPath: fc.constantFrom('metadata.name', 'status.podIP') }) }),
    ),
  }),
);

const resources = fc.record(
  {
    requests: fc.record({ cpu: quantity, memory: quantity }, { requiredKeys: [] }),
    limits: fc.record({ cpu: quantity, memory: quantity, 'nvidia.com/gpu': quantity }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const containerFields = {
  image,
  imagePullPolicy: mostly(fc.constantFrom('Always', 'IfNotPresent', 'Never'), fc.constant('Sometimes')),
  command,
  args: fc.array(fc.constantFrom('--port=80', '-v', '$(MODE)'), { maxLength: 3 }),
  ports: fc.array(
    fc.record(
      {
        name: fc.constantFrom('http', 'metrics', 'HTTP', 'x'),
        containerPort: port,
        protocol: fc.constantFrom('TCP', 'UDP'),
        hostPort: port,
      },
      { requiredKeys: ['containerPort'] },
    ),
    { maxLength: 3 },
  ),
  env: fc.array(envVar, { maxLength: 4 }),
  envFrom: fc.array(fc.record({ configMapRef: fc.record({ name: fc.constantFrom('cfg', 'other') }) }), {
    maxLength: 2,
  }),
  resources,
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: fc.record({ postStart: hook, preStop: hook }, { requiredKeys: [] }),
  volumeMounts: fc.array(
    fc.record(
      {
        name: fc.constantFrom('data', 'cfg', 'nope'),
        mountPath: fc.constantFrom('/data', '/etc/cfg', 'relative'),
        subPath: fc.constantFrom('a', '../x'),
      },
      { requiredKeys: ['name', 'mountPath'] },
    ),
    { maxLength: 3 },
  ),
  securityContext: fc.record(
    { privileged: fc.boolean(), allowPrivilegeEscalation: fc.boolean(), runAsUser: fc.integer({ min: -1, max: 2000 }) },
    { requiredKeys: [] },
  ),
  terminationMessagePolicy: fc.constantFrom('File', 'FallbackToLogsOnError'),
};

const container = fc.record({ name, ...containerFields }, { requiredKeys: ['name', 'image'] });
const sidecar = container.map((c) => ({ ...c, restartPolicy: 'Always' }));

const volume = fc.oneof(
  fc.record({
    name: fc.constantFrom('data', 'scratch'),
    emptyDir: fc.record({ sizeLimit: quantity }, { requiredKeys: [] }),
  }),
  fc.record({ name: fc.constant('cfg'), configMap: fc.record({ name: fc.constantFrom('cfg', 'missing') }) }),
  fc.record({
    name: fc.constant('creds'),
    secret: fc.record({ secretName: fc.constant('creds'), optional: fc.boolean() }),
  }),
  fc.record({ name: fc.constant('host'), hostPath: fc.record({ path: fc.constantFrom('/var/log', '/') }) }),
  fc.record({
    name: fc.constant('both'),
    emptyDir: fc.constant({}),
    configMap: fc.record({ name: fc.constant('cfg') }),
  }),
);

const podSpec = fc.record(
  {
    initContainers: fc.array(fc.oneof(container, sidecar), { maxLength: 3 }),
    containers: fc.array(container, { minLength: 1, maxLength: 3 }),
    restartPolicy: mostly(fc.constantFrom('Always', 'OnFailure', 'Never'), fc.constant('Sometimes')),
    terminationGracePeriodSeconds: seconds,
    activeDeadlineSeconds: seconds,
    volumes: fc.array(volume, { maxLength: 3 }),
    nodeSelector: fc.dictionary(fc.constantFrom('disk', 'zone'), fc.constantFrom('ssd', 'a')),
    hostNetwork: fc.boolean(),
    imagePullSecrets: fc.array(fc.record({ name: fc.constant('regcred') }), { maxLength: 1 }),
    runtimeClassName: fc.constantFrom('gvisor', 'kata'),
  },
  { requiredKeys: ['containers'] },
);

/** How the generated objects share structure; shared objects become anchors and aliases in the YAML. */
export interface Sharing {
  probes: boolean;
  env: boolean;
  resources: boolean;
}

function share(spec: Obj, sharing: Sharing): Obj {
  const containers = [...((spec.initContainers as Obj[]) ?? []), ...(spec.containers as Obj[])];
  const first = containers[0];
  if (!first) return spec;
  for (const c of containers.slice(1)) {
    if (sharing.env && first.env) c.env = first.env;
    if (sharing.resources && first.resources) c.resources = first.resources;
  }
  if (sharing.probes && first.livenessProbe) first.readinessProbe = first.livenessProbe;
  return spec;
}

/** Wraps a pod spec in the object of each kind, where the API puts it. */
function wrap(kind: WorkloadKind, spec: Obj, labels: Obj, podName: string): Obj {
  const metadata = { name: podName, labels };
  const template = { metadata: { labels }, spec };
  switch (kind) {
    case 'Pod':
      return { apiVersion: 'v1', kind, metadata, spec };
    case 'ReplicationController':
      return { apiVersion: 'v1', kind, metadata, spec: { replicas: 2, selector: labels, template } };
    case 'Job':
      return { apiVersion: 'batch/v1', kind, metadata, spec: { backoffLimit: 3, template } };
    case 'CronJob':
      return {
        apiVersion: 'batch/v1',
        kind,
        metadata,
        spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template } } },
      };
    default:
      return {
        apiVersion: 'apps/v1',
        kind,
        metadata,
        spec: { replicas: 3, selector: { matchLabels: labels }, template },
      };
  }
}

const workload = fc
  .record({
    kind: fc.constantFrom(...WORKLOAD_KINDS),
    spec: podSpec,
    labels: fc.dictionary(
      fc.constantFrom('app', 'tier', 'app.kubernetes.io/name'),
      fc.constantFrom('web', 'db', '{{ .Values.x }}'),
      { minKeys: 1 },
    ),
    podName: name,
    sharing: fc.record({ probes: fc.boolean(), env: fc.boolean(), resources: fc.boolean() }),
  })
  .map(({ kind, spec, labels, podName, sharing }) => wrap(kind, share(spec as Obj, sharing), labels, podName));

const otherObject = fc.constantFrom<Obj>(
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { k: 'v' } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } },
  { plain: 'yaml', list: [1, 2, 3] },
);

/** A small deterministic PRNG (mulberry32): rendering choices come from a seed fast-check generated. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALAR_STYLES = [Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE] as const;

/** YAML for one object: some collections in flow style, some strings quoted, a few comments. */
function render(obj: Obj, seed: number): string {
  const rand = prng(seed);
  const doc = new Document(obj, { aliasDuplicateObjects: true });
  visit(doc, {
    Map(_, node) {
      if (rand() < 0.12) node.flow = true;
      if (rand() < 0.05) node.commentBefore = ' a comment';
    },
    Seq(_, node) {
      if (rand() < 0.2) node.flow = true;
    },
    Scalar(key, node) {
      if (key === 'value' && typeof node.value === 'string' && rand() < 0.3) {
        node.type = SCALAR_STYLES[Math.floor(rand() * SCALAR_STYLES.length)];
      }
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** A file: one to four documents, mostly workloads, with the usual separators and the odd preamble. */
export const manifestFile = fc
  .record({
    objects: fc.array(fc.oneof({ weight: 4, arbitrary: workload }, { weight: 1, arbitrary: otherObject }), {
      minLength: 1,
      maxLength: 4,
    }),
    seed: fc.integer(),
    leadingMarker: fc.boolean(),
    preamble: fc.constantFrom('', '# generated\n', '%YAML 1.2\n---\n'),
  })
  .map(({ objects, seed, leadingMarker, preamble }) => {
    const body = objects.map((o, i) => render(o, seed + i)).join('---\n');
    return `${preamble}${leadingMarker && !preamble.includes('---') ? '---\n' : ''}${body}`;
  });
