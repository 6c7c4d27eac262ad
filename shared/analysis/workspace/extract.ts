/**
 * Reads the facts the index keeps from one parsed manifest document: the object's identity, labels, ConfigMap
 * and Secret keys, a Service's selector and ports, and a pod template's references, labels and ports. Lint rules
 * use the same readers on the document they check, so the editor and the index never disagree.
 */
import { isScalar, type Node, type YAMLMap } from 'yaml';
import {
  type Field,
  fieldValue,
  isAnalysable,
  type ManifestDocument,
  mapAt,
  type PodView,
  readers,
  readMetadata,
  resolveScalar,
} from '../../model';
import type { FieldPath } from '../../util/range';
import type {
  KeySite,
  LabelSite,
  ObjectFacts,
  PodTemplateFacts,
  PortSite,
  ReferenceKind,
  ReferenceSite,
  ServiceFacts,
} from './facts';
import type { IndexedObject } from './types';

/** Kinds whose whole spec the index keeps (`body`): the namespace policies admission applies to pods. */
const BODY_KINDS = new Set(['LimitRange', 'ResourceQuota', 'RuntimeClass', 'PriorityClass']);

function reference(
  kind: ReferenceKind,
  name: Field<string>,
  path: FieldPath,
  optional: Field<boolean> = { kind: 'absent' },
  key?: Field<string>,
): ReferenceSite[] {
  if (name.kind !== 'value' || name.value === '') return [];
  const keyValue = key?.kind === 'value' ? { name: key.value, range: key.range } : undefined;
  return [
    {
      kind,
      name: name.value,
      range: name.range,
      path,
      ...(keyValue && { key: keyValue }),
      optional: fieldValue(optional) === true,
    },
  ];
}

/** Every place a pod spec names a ConfigMap, Secret, PVC, ServiceAccount, PriorityClass or RuntimeClass. */
export function podReferences(pod: PodView): ReferenceSite[] {
  const spec = pod.specPath;
  const out: ReferenceSite[] = [];
  for (const c of [...pod.initContainers, ...pod.containers]) {
    for (const e of c.env) {
      for (const s of e.valueFrom?.sources ?? []) {
        const kind = s.kind === 'configMapKeyRef' ? 'ConfigMap' : s.kind === 'secretKeyRef' ? 'Secret' : undefined;
        if (kind) out.push(...reference(kind, s.name, [...e.path, 'valueFrom', s.kind, 'name'], s.optional, s.key));
      }
    }
    for (const e of c.envFrom) {
      const kind = e.kind === 'configMapRef' ? 'ConfigMap' : e.kind === 'secretRef' ? 'Secret' : undefined;
      if (kind) out.push(...reference(kind, e.name, [...e.path, e.kind as string, 'name'], e.optional));
    }
  }
  for (const v of pod.volumes) {
    out.push(...reference('ConfigMap', v.configMapName, [...v.path, 'configMap', 'name'], v.configMapOptional));
    out.push(...reference('Secret', v.secretName, [...v.path, 'secret', 'secretName'], v.secretOptional));
    out.push(...reference('PersistentVolumeClaim', v.claimName, [...v.path, 'persistentVolumeClaim', 'claimName']));
    for (const p of v.projected) {
      out.push(
        ...reference(p.kind === 'configMap' ? 'ConfigMap' : 'Secret', p.name, [...v.path, 'projected'], p.optional),
      );
    }
  }
  for (const s of pod.imagePullSecrets) {
    out.push(...reference('Secret', s.name, [...spec, 'imagePullSecrets', s.index, 'name']));
  }
  out.push(...reference('ServiceAccount', pod.serviceAccountName, [...spec, 'serviceAccountName']));
  out.push(...reference('PriorityClass', pod.priorityClassName, [...spec, 'priorityClassName']));
  out.push(...reference('RuntimeClass', pod.runtimeClassName, [...spec, 'runtimeClassName']));
  return out;
}

function labelSites(labels: PodView['metadata']['labels']): LabelSite[] {
  const out: LabelSite[] = [];
  for (const [key, l] of labels) {
    if (l.value.kind === 'value')
      out.push({ key, value: l.value.value, keyRange: l.keyRange, valueRange: l.value.range });
  }
  return out;
}

/** The container ports a pod template declares. */
export function podPorts(pod: PodView): PortSite[] {
  const out: PortSite[] = [];
  // A Service reaches regular and sidecar containers only (FindPort, pkg/api/v1/pod/util.go, v1.36).
  for (const c of [...pod.initContainers, ...pod.containers]) {
    if (c.role === 'init') continue;
    const container = fieldValue(c.name) ?? '';
    for (const p of c.ports) {
      const name = fieldValue(p.name);
      const containerPort = fieldValue(p.containerPort);
      const range =
        p.name.kind === 'value' ? p.name.range : p.containerPort.kind === 'value' ? p.containerPort.range : p.range;
      out.push({
        container,
        ...(name !== undefined && { name }),
        ...(containerPort !== undefined && { containerPort }),
        ...(p.protocol.kind === 'value' && { protocol: p.protocol.value }),
        range,
      });
    }
  }
  return out;
}

function workloadSelector(doc: ManifestDocument, pod: PodView): LabelSite[] {
  if (pod.workload === 'Pod') return [];
  const root = doc.ctx.asMap(doc.ast.contents);
  const selector = mapAt(doc.ctx, root, [...pod.specPath.slice(0, -2).map(String), 'selector']);
  const map = pod.workload === 'ReplicationController' ? selector : doc.ctx.asMap(doc.ctx.get(selector, 'matchLabels'));
  return selectorSites(doc, map);
}

export function podTemplateFacts(doc: ManifestDocument, pod: PodView): PodTemplateFacts {
  return {
    document: doc.index,
    kind: pod.workload,
    name: fieldValue(pod.metadata.name) ?? '',
    ...(pod.metadata.namespace.kind === 'value' && { namespace: pod.metadata.namespace.value }),
    labels: labelSites(pod.podMetadata.labels),
    selector: workloadSelector(doc, pod),
    ports: podPorts(pod),
    references: podReferences(pod),
    ...((pod.podMetadata.labelsRange ?? pod.specKeyRange) && {
      anchor: pod.podMetadata.labelsRange ?? pod.specKeyRange,
    }),
  };
}

function mapKeys(doc: ManifestDocument, map: YAMLMap | undefined): KeySite[] {
  const out: KeySite[] = [];
  for (const pair of map?.items ?? []) {
    const key = doc.ctx.keyText(pair);
    const range = doc.ctx.range(pair.key as Node);
    if (key !== undefined && range) out.push({ key, range });
  }
  return out;
}

/** `data` and `binaryData` of a ConfigMap, `data` and `stringData` of a Secret, with where each key is written. */
function dataKeys(doc: ManifestDocument, root: YAMLMap | undefined, kind: string): KeySite[] | undefined {
  const fields = kind === 'ConfigMap' ? ['data', 'binaryData'] : kind === 'Secret' ? ['data', 'stringData'] : [];
  if (fields.length === 0) return undefined;
  return fields.flatMap((f) => mapKeys(doc, doc.ctx.asMap(doc.ctx.get(root, f))));
}

function selectorSites(doc: ManifestDocument, selector: YAMLMap | undefined): LabelSite[] {
  const out: LabelSite[] = [];
  for (const pair of selector?.items ?? []) {
    const key = doc.ctx.keyText(pair);
    const value = doc.ctx.deref(pair.value);
    const keyRange = doc.ctx.range(pair.key as Node);
    const valueRange = doc.ctx.range(value);
    if (key === undefined || !isScalar(value) || !keyRange || !valueRange) continue;
    out.push({ key, value: String(resolveScalar(value).value ?? ''), keyRange, valueRange });
  }
  return out;
}

function serviceFacts(doc: ManifestDocument, root: YAMLMap | undefined) {
  const spec = mapAt(doc.ctx, root, ['spec']);
  const selector = selectorSites(doc, doc.ctx.asMap(doc.ctx.get(spec, 'selector')));
  const ports: NonNullable<IndexedObject['ports']>[number][] = [];
  const targetPorts: ServiceFacts['targetPorts'] = [];
  doc.ctx.asSeq(doc.ctx.get(spec, 'ports'))?.items.forEach((item, i) => {
    const m = doc.ctx.asMap(item);
    const port = fieldValue(readers.int(doc.ctx, m, 'port'));
    if (port === undefined) return;
    const target = readers.intOrString(doc.ctx, m, 'targetPort');
    const name = fieldValue(readers.string(doc.ctx, m, 'name'));
    const protocol = fieldValue(readers.string(doc.ctx, m, 'protocol'));
    ports.push({
      port,
      ...(name !== undefined && { name }),
      ...(target.kind === 'value' && { targetPort: target.value }),
      ...(protocol !== undefined && { protocol }),
    });
    if (target.kind === 'value')
      targetPorts.push({
        protocol: protocol ?? 'TCP',
        value: target.value,
        range: target.range,
        path: ['spec', 'ports', i, 'targetPort'],
      });
  });
  return { selector, ports, targetPorts };
}

function plainBody(doc: ManifestDocument, root: YAMLMap | undefined): unknown {
  try {
    const spec = doc.ctx.get(root, 'spec');
    // PriorityClass keeps its fields at the top level (value, globalDefault, preemptionPolicy).
    return (spec ?? root)?.toJSON();
  } catch {
    return undefined;
  }
}

function recordOf(sites: readonly LabelSite[]): Record<string, string> {
  return Object.fromEntries(sites.map((s) => [s.key, s.value]));
}

/** The facts of one document, or undefined when it is not a whole, named Kubernetes object podlens reads. */
export function objectFacts(doc: ManifestDocument, uri: string): ObjectFacts | undefined {
  if (!isAnalysable(doc) || doc.partial) return undefined;
  const kind = fieldValue(doc.kind);
  const apiVersion = fieldValue(doc.apiVersion);
  const root = doc.ctx.asMap(doc.ast.contents);
  const meta = doc.pod?.metadata ?? readMetadata(doc.ctx, root, []);
  const name = fieldValue(meta.name);
  if (!kind || !apiVersion || !name) return undefined;
  const labels = labelSites(meta.labels);
  const namespace = fieldValue(meta.namespace);
  const keys = dataKeys(doc, root, kind);
  const service = kind === 'Service' ? serviceFacts(doc, root) : undefined;
  const pod = doc.pod ? podTemplateFacts(doc, doc.pod) : undefined;
  const object: IndexedObject = {
    apiVersion,
    kind,
    name,
    ...(namespace !== undefined && { namespace }),
    labels: recordOf(labels),
    location: { uri, range: doc.range, ...(meta.name.kind === 'value' && { nameRange: meta.name.range }) },
    ...(keys && { keys: [...new Set(keys.map((k) => k.key))] }),
    ...(service && service.selector.length > 0 && { selector: recordOf(service.selector) }),
    ...(service && { ports: service.ports }),
    ...(BODY_KINDS.has(kind) && { body: plainBody(doc, root) }),
    ...(pod && { podTemplate: { labels: recordOf(pod.labels), ports: pod.ports.map(({ range: _, ...p }) => p) } }),
  };
  return {
    document: doc.index,
    object,
    labels,
    ...(keys && { keys }),
    ...(service && { service: { selector: service.selector, targetPorts: service.targetPorts } }),
    ...(pod && { pod }),
  };
}
