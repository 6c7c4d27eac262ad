/** Builds the pod view of one document from its AST. Total over any input: bad shapes become fields, not throws. */
import { isScalar, type Node, type YAMLMap } from 'yaml';
import type { FieldPath, Range } from '../util/range';
import { resolveScalar } from '../yaml/scalar';
import { converters, type Field, readers, readPair } from './field';
import { readJob } from './jobView';
import type { DocContext } from './nodes';
import { readScheduling } from './schedulingView';
import type {
  ContainerList,
  ContainerView,
  EnvFromView,
  EnvSourceKind,
  EnvSourceView,
  EnvView,
  HandlerType,
  HandlerView,
  HookKind,
  HookView,
  MetadataView,
  PodView,
  PortView,
  ProbeKind,
  ProbeView,
  ResourceListView,
  ResourcesView,
  SecurityContextView,
  VolumeMountView,
  VolumeView,
  WorkloadKind,
} from './types';
import { POD_SPEC_PATH } from './types';

const { string, int, bool, intOrString, stringList } = readers;

const PROBE_HANDLERS: HandlerType[] = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const HOOK_HANDLERS: HandlerType[] = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
const ENV_SOURCES: EnvSourceKind[] = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'];

function keyRangeOf(ctx: DocContext, map: YAMLMap | undefined, key: string): Range | undefined {
  const p = ctx.pair(map, key);
  return p ? ctx.range(p.key as Node) : undefined;
}

/** Map items of a list field, each with its index, path and range (non-map items are skipped). */
function items(ctx: DocContext, map: YAMLMap | undefined, key: string, path: FieldPath) {
  const seq = ctx.asSeq(ctx.get(map, key));
  const out: { map: YAMLMap; index: number; path: FieldPath; range: Range }[] = [];
  if (!seq) return out;
  seq.items.forEach((item, index) => {
    const m = ctx.asMap(item);
    const range = ctx.range(item as Node);
    if (m && range) out.push({ map: m, index, path: [...path, key, index], range });
  });
  return out;
}

export function readMetadata(ctx: DocContext, owner: YAMLMap | undefined, path: FieldPath): MetadataView {
  const meta = ctx.asMap(ctx.get(owner, 'metadata'));
  // One pass, the last duplicate winning as in ctx.pair: a lookup per key would be quadratic in big maps.
  const readStringMap = (key: string) => {
    const out = new Map<string, { keyRange: Range; value: Field<string> }>();
    const m = ctx.asMap(ctx.get(meta, key));
    for (const pair of m?.items ?? []) {
      const k = ctx.keyText(pair);
      const keyRange = ctx.range(pair.key as Node);
      if (k === undefined || !keyRange) continue;
      out.set(k, { keyRange, value: readPair(ctx, pair, converters.str) });
    }
    return out;
  };
  return {
    path: [...path, 'metadata'],
    keyRange: keyRangeOf(ctx, owner, 'metadata'),
    name: string(ctx, meta, 'name'),
    generateName: string(ctx, meta, 'generateName'),
    namespace: string(ctx, meta, 'namespace'),
    labels: readStringMap('labels'),
    labelsRange: keyRangeOf(ctx, meta, 'labels'),
    annotations: readStringMap('annotations'),
  };
}

function readHandlers(ctx: DocContext, map: YAMLMap, path: FieldPath, allowed: HandlerType[]): HandlerView[] {
  const out: HandlerView[] = [];
  for (const pair of map.items) {
    const k = ctx.keyText(pair);
    if (!k || !(allowed as string[]).includes(k)) continue;
    const h = ctx.asMap(pair.value);
    const keyRange = ctx.range(pair.key as Node) as Range;
    const range = ctx.range(pair.value as Node) ?? keyRange;
    out.push({
      type: k as HandlerType,
      path: [...path, k],
      keyRange,
      range,
      command: stringList(ctx, h, 'command'),
      port: intOrString(ctx, h, 'port'),
      httpPath: string(ctx, h, 'path'),
      scheme: string(ctx, h, 'scheme'),
      host: string(ctx, h, 'host'),
      seconds: int(ctx, h, 'seconds'),
    });
  }
  return out;
}

function readProbe(ctx: DocContext, container: YAMLMap, kind: ProbeKind, path: FieldPath): ProbeView | undefined {
  const pair = ctx.pair(container, kind);
  if (!pair) return undefined;
  const m = ctx.asMap(pair.value);
  const keyRange = ctx.range(pair.key as Node) as Range;
  const p = [...path, kind];
  return {
    kind,
    path: p,
    keyRange,
    range: ctx.range(pair.value as Node) ?? keyRange,
    handlers: m ? readHandlers(ctx, m, p, PROBE_HANDLERS) : [],
    initialDelaySeconds: int(ctx, m, 'initialDelaySeconds'),
    periodSeconds: int(ctx, m, 'periodSeconds'),
    timeoutSeconds: int(ctx, m, 'timeoutSeconds'),
    successThreshold: int(ctx, m, 'successThreshold'),
    failureThreshold: int(ctx, m, 'failureThreshold'),
    terminationGracePeriodSeconds: int(ctx, m, 'terminationGracePeriodSeconds'),
  };
}

function readHook(
  ctx: DocContext,
  lifecycle: YAMLMap | undefined,
  kind: HookKind,
  path: FieldPath,
): HookView | undefined {
  const pair = ctx.pair(lifecycle, kind);
  if (!pair) return undefined;
  const m = ctx.asMap(pair.value);
  const keyRange = ctx.range(pair.key as Node) as Range;
  const p = [...path, 'lifecycle', kind];
  return {
    kind,
    path: p,
    keyRange,
    range: ctx.range(pair.value as Node) ?? keyRange,
    handlers: m ? readHandlers(ctx, m, p, HOOK_HANDLERS) : [],
  };
}

function readResourceList(ctx: DocContext, resources: YAMLMap | undefined, key: string): ResourceListView {
  const pair = ctx.pair(resources, key);
  const m = ctx.asMap(pair?.value);
  const entries = new Map<string, Field<string>>();
  for (const item of m?.items ?? []) {
    const k = ctx.keyText(item);
    if (k !== undefined) entries.set(k, readPair(ctx, item, converters.quantityText));
  }
  return {
    keyRange: pair ? ctx.range(pair.key as Node) : undefined,
    range: pair ? ctx.range(pair.value as Node) : undefined,
    entries,
  };
}

export function readResources(ctx: DocContext, owner: YAMLMap | undefined): ResourcesView {
  const pair = ctx.pair(owner, 'resources');
  const m = ctx.asMap(pair?.value);
  return {
    keyRange: pair ? ctx.range(pair.key as Node) : undefined,
    range: pair ? ctx.range(pair.value as Node) : undefined,
    requests: readResourceList(ctx, m, 'requests'),
    limits: readResourceList(ctx, m, 'limits'),
  };
}

function readSecurityContext(ctx: DocContext, container: YAMLMap): SecurityContextView {
  const m = ctx.asMap(ctx.get(container, 'securityContext'));
  return {
    keyRange: keyRangeOf(ctx, container, 'securityContext'),
    privileged: bool(ctx, m, 'privileged'),
    allowPrivilegeEscalation: bool(ctx, m, 'allowPrivilegeEscalation'),
    runAsNonRoot: bool(ctx, m, 'runAsNonRoot'),
    runAsUser: int(ctx, m, 'runAsUser'),
    readOnlyRootFilesystem: bool(ctx, m, 'readOnlyRootFilesystem'),
  };
}

function readEnvSource(ctx: DocContext, kind: EnvSourceKind, node: unknown, keyRange: Range): EnvSourceView {
  const m = ctx.asMap(node);
  return {
    kind,
    keyRange,
    name: string(ctx, m, kind === 'fileKeyRef' ? 'volumeName' : 'name'),
    key: string(ctx, m, 'key'),
    optional: bool(ctx, m, 'optional'),
    fieldPath: string(ctx, m, 'fieldPath'),
    resource: string(ctx, m, 'resource'),
  };
}

function readEnv(ctx: DocContext, container: YAMLMap, path: FieldPath): EnvView[] {
  return items(ctx, container, 'env', path).map(({ map, index, path: p, range }) => {
    const vfPair = ctx.pair(map, 'valueFrom');
    let valueFrom: EnvView['valueFrom'];
    // `valueFrom: null` (or no value) decodes to a nil pointer, as if absent; in a patch it deletes the field.
    const isNull = isScalar(vfPair?.value) && resolveScalar(vfPair.value).type === 'null';
    if (vfPair?.value && !isNull) {
      const vf = ctx.asMap(vfPair.value);
      const keyRange = ctx.range(vfPair.key as Node) as Range;
      const sources: EnvSourceView[] = [];
      for (const pair of vf?.items ?? []) {
        const k = ctx.keyText(pair);
        if (k && (ENV_SOURCES as string[]).includes(k)) {
          sources.push(readEnvSource(ctx, k as EnvSourceKind, pair.value, ctx.range(pair.key as Node) as Range));
        }
      }
      valueFrom = { keyRange, range: ctx.range(vfPair.value as Node) ?? keyRange, sources };
    }
    return { index, path: p, range, name: string(ctx, map, 'name'), value: string(ctx, map, 'value'), valueFrom };
  });
}

function readEnvFrom(ctx: DocContext, container: YAMLMap, path: FieldPath): EnvFromView[] {
  return items(ctx, container, 'envFrom', path).map(({ map, index, path: p, range }) => {
    const kind = ctx.pair(map, 'configMapRef') ? 'configMapRef' : ctx.pair(map, 'secretRef') ? 'secretRef' : undefined;
    const ref = kind ? ctx.asMap(ctx.get(map, kind)) : undefined;
    return {
      index,
      path: p,
      range,
      kind,
      name: string(ctx, ref, 'name'),
      optional: bool(ctx, ref, 'optional'),
      prefix: string(ctx, map, 'prefix'),
    };
  });
}

function readPorts(ctx: DocContext, container: YAMLMap, path: FieldPath): PortView[] {
  return items(ctx, container, 'ports', path).map(({ map, index, path: p, range }) => ({
    index,
    path: p,
    range,
    name: string(ctx, map, 'name'),
    containerPort: int(ctx, map, 'containerPort'),
    hostPort: int(ctx, map, 'hostPort'),
    hostIP: string(ctx, map, 'hostIP'),
    protocol: string(ctx, map, 'protocol'),
  }));
}

function readMounts(ctx: DocContext, container: YAMLMap, path: FieldPath): VolumeMountView[] {
  return items(ctx, container, 'volumeMounts', path).map(({ map, index, path: p, range }) => ({
    index,
    path: p,
    range,
    name: string(ctx, map, 'name'),
    mountPath: string(ctx, map, 'mountPath'),
    subPath: string(ctx, map, 'subPath'),
    readOnly: bool(ctx, map, 'readOnly'),
  }));
}

function readContainers(ctx: DocContext, spec: YAMLMap | undefined, list: ContainerList, specPath: FieldPath) {
  return items(ctx, spec, list, specPath).map(({ map, index, path, range }): ContainerView => {
    const restartPolicy = string(ctx, map, 'restartPolicy');
    const isSidecar = list === 'initContainers' && restartPolicy.kind === 'value' && restartPolicy.value === 'Always';
    const lifecycle = ctx.asMap(ctx.get(map, 'lifecycle'));
    return {
      list,
      index,
      role: list === 'containers' ? 'regular' : isSidecar ? 'sidecar' : 'init',
      path,
      range,
      name: string(ctx, map, 'name'),
      image: string(ctx, map, 'image'),
      imagePullPolicy: string(ctx, map, 'imagePullPolicy'),
      command: stringList(ctx, map, 'command'),
      args: stringList(ctx, map, 'args'),
      workingDir: string(ctx, map, 'workingDir'),
      restartPolicy,
      ports: readPorts(ctx, map, path),
      env: readEnv(ctx, map, path),
      envFrom: readEnvFrom(ctx, map, path),
      volumeMounts: readMounts(ctx, map, path),
      resources: readResources(ctx, map),
      livenessProbe: readProbe(ctx, map, 'livenessProbe', path),
      readinessProbe: readProbe(ctx, map, 'readinessProbe', path),
      startupProbe: readProbe(ctx, map, 'startupProbe', path),
      lifecycle: {
        keyRange: keyRangeOf(ctx, map, 'lifecycle'),
        postStart: readHook(ctx, lifecycle, 'postStart', path),
        preStop: readHook(ctx, lifecycle, 'preStop', path),
      },
      securityContext: readSecurityContext(ctx, map),
      terminationMessagePath: string(ctx, map, 'terminationMessagePath'),
      terminationMessagePolicy: string(ctx, map, 'terminationMessagePolicy'),
    };
  });
}

function readVolumes(ctx: DocContext, spec: YAMLMap | undefined, specPath: FieldPath): VolumeView[] {
  return items(ctx, spec, 'volumes', specPath).map(({ map, index, path, range }) => {
    const sources: VolumeView['sources'] = [];
    for (const pair of map.items) {
      const k = ctx.keyText(pair);
      if (k && k !== 'name') sources.push({ type: k, keyRange: ctx.range(pair.key as Node) as Range });
    }
    const cm = ctx.asMap(ctx.get(map, 'configMap'));
    const secret = ctx.asMap(ctx.get(map, 'secret'));
    const pvc = ctx.asMap(ctx.get(map, 'persistentVolumeClaim'));
    const projectedSources = ctx.asSeq(ctx.get(ctx.asMap(ctx.get(map, 'projected')), 'sources'));
    const projected: VolumeView['projected'] = [];
    for (const item of projectedSources?.items ?? []) {
      const src = ctx.asMap(item);
      for (const kind of ['configMap', 'secret'] as const) {
        const ref = ctx.asMap(ctx.get(src, kind));
        if (ref) projected.push({ kind, name: string(ctx, ref, 'name'), optional: bool(ctx, ref, 'optional') });
      }
    }
    return {
      index,
      path,
      range,
      name: string(ctx, map, 'name'),
      sources,
      configMapName: string(ctx, cm, 'name'),
      secretName: string(ctx, secret, 'secretName'),
      configMapOptional: bool(ctx, cm, 'optional'),
      secretOptional: bool(ctx, secret, 'optional'),
      claimName: string(ctx, pvc, 'claimName'),
      projected,
    };
  });
}

/** The map at a path of plain keys, or undefined when any step is missing or not a map. */
export function mapAt(ctx: DocContext, root: YAMLMap | undefined, path: readonly string[]): YAMLMap | undefined {
  let cur = root;
  for (const key of path) {
    cur = ctx.asMap(ctx.get(cur, key));
    if (!cur) return undefined;
  }
  return cur;
}

export function buildPodView(ctx: DocContext, root: YAMLMap, workload: WorkloadKind): PodView {
  const specPath = POD_SPEC_PATH[workload];
  const spec = mapAt(ctx, root, specPath);
  const parentOfSpec = specPath.length > 1 ? mapAt(ctx, root, specPath.slice(0, -1)) : root;
  const templatePath = specPath.slice(0, -1);
  const pullSecrets = items(ctx, spec, 'imagePullSecrets', specPath).map(({ map, index, range }) => ({
    index,
    range,
    name: string(ctx, map, 'name'),
  }));
  const job = workload === 'Job' || workload === 'CronJob' ? readJob(ctx, root, workload) : undefined;
  return {
    workload,
    specPath,
    specKeyRange: keyRangeOf(ctx, parentOfSpec, 'spec'),
    metadata: readMetadata(ctx, root, []),
    podMetadata: workload === 'Pod' ? readMetadata(ctx, root, []) : readMetadata(ctx, parentOfSpec, templatePath),
    restartPolicy: string(ctx, spec, 'restartPolicy'),
    terminationGracePeriodSeconds: int(ctx, spec, 'terminationGracePeriodSeconds'),
    activeDeadlineSeconds: int(ctx, spec, 'activeDeadlineSeconds'),
    dnsPolicy: string(ctx, spec, 'dnsPolicy'),
    hostNetwork: bool(ctx, spec, 'hostNetwork'),
    hostPID: bool(ctx, spec, 'hostPID'),
    hostIPC: bool(ctx, spec, 'hostIPC'),
    enableServiceLinks: bool(ctx, spec, 'enableServiceLinks'),
    runtimeClassName: string(ctx, spec, 'runtimeClassName'),
    serviceAccountName: string(ctx, spec, 'serviceAccountName'),
    nodeName: string(ctx, spec, 'nodeName'),
    schedulerName: string(ctx, spec, 'schedulerName'),
    priorityClassName: string(ctx, spec, 'priorityClassName'),
    scheduling: readScheduling(ctx, spec),
    ...(job ? { job } : {}),
    imagePullSecrets: pullSecrets,
    imagePullSecretsKeyRange: keyRangeOf(ctx, spec, 'imagePullSecrets'),
    initContainers: readContainers(ctx, spec, 'initContainers', specPath),
    containers: readContainers(ctx, spec, 'containers', specPath),
    initContainersKeyRange: keyRangeOf(ctx, spec, 'initContainers'),
    containersKeyRange: keyRangeOf(ctx, spec, 'containers'),
    volumes: readVolumes(ctx, spec, specPath),
    volumesKeyRange: keyRangeOf(ctx, spec, 'volumes'),
    resources: readResources(ctx, spec),
  };
}
