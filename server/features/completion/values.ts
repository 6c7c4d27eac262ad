/**
 * Value completions: enums (narrowed where the API narrows them), booleans, container port names for probe
 * and hook ports, volume names for mounts, container names where a field refers to one, common quantities,
 * and kind/apiVersion at the top of a document.
 */
import { type CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver';
import { CONTROLLERS, enumDocs, KIND_VERSIONS, quantityLine } from '../../../shared/explain';
import { effectivePullPolicy } from '../../../shared/k8s';
import type { ContainerView, PodView } from '../../../shared/model';
import type { ValueSlot } from './slot';

const CPU = ['100m', '250m', '500m', '1'];
const MEMORY = ['64Mi', '128Mi', '256Mi', '512Mi', '1Gi'];

interface Value {
  label: string;
  detail?: string;
  docs?: string;
  preselect?: boolean;
}

function toItems(slot: ValueSlot, values: Value[]): CompletionItem[] {
  return values.map((v, i) => ({
    label: v.label,
    kind: CompletionItemKind.Value,
    detail: v.detail,
    ...(v.docs && { documentation: { kind: MarkupKind.Markdown, value: v.docs } }),
    ...(v.preselect && { preselect: true }),
    sortText: String(i).padStart(3, '0'),
    filterText: v.label,
    textEdit: { range: slot.range, newText: `${slot.needsSpace ? ' ' : ''}${v.label}` },
  }));
}

function containerAt(pod: PodView, slot: ValueSlot): ContainerView | undefined {
  const rel = slot.path.slice(pod.specPath.length);
  const list = rel[0] === 'containers' ? pod.containers : rel[0] === 'initContainers' ? pod.initContainers : undefined;
  return list?.find((c) => c.index === rel[1]);
}

const names = (cs: ContainerView[]) => cs.flatMap((c) => (c.name.kind === 'value' ? [c.name.value] : []));

function restartPolicies(pod: PodView | undefined, slot: ValueSlot, c: ContainerView | undefined): Value[] {
  if (c?.list === 'initContainers')
    return [
      {
        label: 'Always',
        detail: 'native sidecar',
        docs: 'The only value allowed on an init container: it becomes a native sidecar that keeps running.',
      },
    ];
  if (c) return [{ label: 'Always' }, { label: 'OnFailure' }, { label: 'Never' }];
  const workload = pod?.workload ?? slot.doc?.workload;
  if (workload && CONTROLLERS.has(workload))
    return [{ label: 'Always', detail: `the only value a ${workload} accepts`, preselect: true }];
  if (workload === 'Job' || workload === 'CronJob') {
    return [
      { label: 'OnFailure', detail: 'restart the container in place' },
      { label: 'Never', detail: 'a new Pod per failure' },
    ];
  }
  return [
    { label: 'Always', detail: 'default: every exit restarts', preselect: true },
    { label: 'OnFailure', detail: 'non-zero exits restart' },
    { label: 'Never', detail: 'no restarts' },
  ];
}

function pullPolicies(slot: ValueSlot, c: ContainerView): Value[] {
  const image = c.image.kind === 'value' ? c.image.value : undefined;
  const def = effectivePullPolicy(image, undefined);
  const docs = enumDocs(slot.field?.description);
  return ['Always', 'IfNotPresent', 'Never'].map((p) => ({
    label: p,
    ...(p === def.policy && { detail: `default here: ${def.reason}` }),
    docs: docs.get(p),
  }));
}

function portValues(c: ContainerView | undefined, grpc: boolean): Value[] {
  const out: Value[] = [];
  for (const p of c?.ports ?? []) {
    const number = p.containerPort.kind === 'value' ? p.containerPort.value : undefined;
    const name = p.name.kind === 'value' ? p.name.value : undefined;
    if (name && !grpc) out.push({ label: name, detail: number === undefined ? 'named port' : `port ${number}` });
    if (number !== undefined) out.push({ label: String(number), detail: name ? `port ${name}` : 'container port' });
  }
  return out;
}

function quantities(resource: string): Value[] {
  const list = resource === 'cpu' ? CPU : resource === 'memory' || resource === 'sizeLimit' ? MEMORY : [];
  const kind = resource === 'sizeLimit' ? 'memory' : resource;
  return list.map((q) => ({ label: q, docs: quantityLine(kind, q) }));
}

/** Values for the path's last key that the schema alone does not know. */
function special(slot: ValueSlot): Value[] | undefined {
  const pod = slot.doc?.pod;
  const key = slot.path.at(-1);
  const parent = slot.path.at(-2);
  const c = pod ? containerAt(pod, slot) : undefined;
  if (slot.path.length === 1 && key === 'kind') return Object.keys(KIND_VERSIONS).map((k) => ({ label: k }));
  if (slot.path.length === 1 && key === 'apiVersion') {
    const kind = slot.doc?.kind.kind === 'value' ? slot.doc.kind.value : undefined;
    const version = kind && Object.hasOwn(KIND_VERSIONS, kind) ? KIND_VERSIONS[kind] : undefined;
    return (version ? [version] : ['v1', 'apps/v1', 'batch/v1']).map((v) => ({ label: v }));
  }
  if (key === 'restartPolicy') return restartPolicies(pod, slot, c);
  if (key === 'imagePullPolicy' && c) return pullPolicies(slot, c);
  if (key === 'port' && c) return portValues(c, parent === 'grpc');
  if (key === 'name' && slot.path.at(-3) === 'volumeMounts' && pod) {
    return pod.volumes.flatMap((v) =>
      v.name.kind === 'value' ? [{ label: v.name.value, detail: v.sources[0]?.type ?? 'volume' }] : [],
    );
  }
  if ((key === 'containerName' || key === 'targetContainerName') && pod) {
    return names([...pod.initContainers, ...pod.containers]).map((n) => ({ label: n, detail: 'container' }));
  }
  if (key === 'kubectl.kubernetes.io/default-container' && pod)
    return names(pod.containers).map((n) => ({ label: n, detail: 'container' }));
  if ((parent === 'requests' || parent === 'limits') && typeof key === 'string') return quantities(key);
  if (key === 'sizeLimit') return quantities('sizeLimit');
  return undefined;
}

/** Every value completion for a value slot. */
export function valueItems(slot: ValueSlot): CompletionItem[] {
  const custom = special(slot);
  if (custom) return toItems(slot, custom);
  const field = slot.field;
  if (field?.kind === 'boolean') return toItems(slot, [{ label: 'true' }, { label: 'false' }]);
  if (field?.enum?.length) {
    const docs = enumDocs(field.description);
    return toItems(
      slot,
      field.enum.map((v) => ({ label: v, docs: docs.get(v) })),
    );
  }
  return [];
}
