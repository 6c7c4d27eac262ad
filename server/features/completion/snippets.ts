/**
 * Snippet completions, offered where they fit: a whole manifest in an empty document, containers (regular,
 * init, native sidecar) in a fresh list item, probes with each handler, lifecycle hooks, resources, env from a
 * ConfigMap or Secret and a volume + mount pair in a container. Text is indented absolutely at the cursor.
 */
import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type TextEdit,
} from 'vscode-languageserver';
import { type KeySlot, slotType } from './slot';
import * as B from './snippetBodies';
import { volumeEdit } from './volumePair';

interface Snippet {
  label: string;
  /** The word that finds it: the key the body starts with. */
  filter: string;
  body: B.Body;
  extra?: TextEdit[];
}

function render(slot: KeySlot, body: B.Body): string {
  const dash = slot.needsDash ? '- ' : '';
  const indent = ' '.repeat(slot.indent + (slot.needsDash ? 2 : 0));
  return dash + body.map((line, i) => (i === 0 ? line : indent + line)).join('\n');
}

/** The snippet as plain YAML for the docs pane: placeholders show their defaults. */
function preview(body: B.Body): string {
  const text = body
    .join('\n')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+\}/g, '');
  return `\`\`\`yaml\n${text}\n\`\`\``;
}

function toItem(slot: KeySlot, s: Snippet): CompletionItem {
  return {
    label: s.label,
    kind: CompletionItemKind.Snippet,
    detail: 'podlens snippet',
    documentation: { kind: MarkupKind.Markdown, value: preview(s.body) },
    sortText: `2${s.label}`,
    filterText: s.filter,
    textEdit: { range: slot.range, newText: render(slot, s.body) },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    ...(s.extra && { additionalTextEdits: s.extra }),
  };
}

function probes(kind: string, port: string, wrapped: boolean): Snippet[] {
  return Object.entries(B.PROBE_HANDLERS).map(([handler, make]) => ({
    label: `${kind} (${handler})`,
    filter: wrapped ? kind : handler,
    body: wrapped ? B.under(kind, [...make(port), ...(B.PROBE_TIMING[kind] ?? [])]) : make(port),
  }));
}

const hooks = (wrap: (b: B.Body) => B.Body): Snippet[] => [
  { label: 'postStart hook', filter: 'postStart', body: wrap(B.under('postStart', B.POST_START)) },
  { label: 'preStop hook', filter: 'preStop', body: wrap(B.under('preStop', B.PRE_STOP)) },
];

function envs(wrap: (key: string, b: B.Body) => B.Body): Snippet[] {
  return [
    { label: 'env from ConfigMap key', filter: 'env', body: wrap('env', B.ENV_CONFIGMAP) },
    { label: 'env from Secret key', filter: 'env', body: wrap('env', B.ENV_SECRET) },
  ];
}

function envFroms(wrap: (key: string, b: B.Body) => B.Body): Snippet[] {
  return [
    { label: 'envFrom ConfigMap', filter: 'envFrom', body: wrap('envFrom', B.ENV_FROM_CONFIGMAP) },
    { label: 'envFrom Secret', filter: 'envFrom', body: wrap('envFrom', B.ENV_FROM_SECRET) },
  ];
}

function volumeAndMount(slot: KeySlot, wrapped: boolean): Snippet[] {
  const v = volumeEdit(slot);
  if (!v) return [];
  const body = B.mount(v.name);
  return [
    {
      label: 'volume + mount (emptyDir)',
      filter: wrapped ? 'volumeMounts' : 'name',
      body: wrapped ? B.listOf('volumeMounts', body) : body,
      extra: [v.edit],
    },
  ];
}

/** The first named port of the container the slot is in, for probe snippets; 8080 when there is none. */
function containerPort(slot: KeySlot): string {
  const pod = slot.doc?.pod;
  const rel = pod ? slot.owner.slice(pod.specPath.length) : [];
  const list =
    rel[0] === 'containers' ? pod?.containers : rel[0] === 'initContainers' ? pod?.initContainers : undefined;
  const named = list?.find((x) => x.index === rel[1])?.ports.find((p) => p.name.kind === 'value');
  return named?.name.kind === 'value' ? named.name.value : '8080';
}

const asItem = (_key: string, b: B.Body) => b;

function containerSnippets(slot: KeySlot, has: (k: string) => boolean): Snippet[] {
  const out: Snippet[] = [];
  const list = slot.owner.at(-2);
  if (slot.freshItem && list === 'containers') out.push({ label: 'container', filter: 'name', body: B.CONTAINER });
  if (slot.freshItem && list === 'initContainers') {
    out.push(
      { label: 'init container', filter: 'name', body: B.INIT_CONTAINER },
      { label: 'native sidecar', filter: 'name', body: B.SIDECAR },
    );
  }
  for (const kind of ['readinessProbe', 'livenessProbe', 'startupProbe'])
    if (!has(kind)) out.push(...probes(kind, containerPort(slot), true));
  if (!has('lifecycle')) out.push(...hooks((b) => B.under('lifecycle', b)));
  if (!has('resources')) out.push({ label: 'resources (requests + limits)', filter: 'resources', body: B.RESOURCES });
  if (!has('env')) out.push(...envs(B.listOf));
  if (!has('envFrom')) out.push(...envFroms(B.listOf));
  if (!has('volumeMounts')) out.push(...volumeAndMount(slot, true));
  return out;
}

function forType(slot: KeySlot, type: string | undefined): Snippet[] {
  const has = (k: string) => slot.siblings.includes(k);
  switch (type) {
    case 'Container':
      return containerSnippets(slot, has);
    case 'Probe':
      return ['exec', 'httpGet', 'tcpSocket', 'grpc'].some(has)
        ? []
        : probes(String(slot.owner.at(-1)), containerPort(slot), false);
    case 'Lifecycle':
      return hooks((b) => b).filter((s) => !has(s.filter));
    case 'EnvVar':
      return slot.freshItem ? envs(asItem) : [];
    case 'EnvFromSource':
      return slot.freshItem ? envFroms(asItem) : [];
    case 'VolumeMount':
      return slot.freshItem ? volumeAndMount(slot, false) : [];
    case 'PodSpec':
      return has('initContainers')
        ? []
        : [
            { label: 'init container', filter: 'initContainers', body: B.listOf('initContainers', B.INIT_CONTAINER) },
            { label: 'native sidecar', filter: 'initContainers', body: B.listOf('initContainers', B.SIDECAR) },
          ];
    default:
      return [];
  }
}

/** Every snippet for a key slot. */
export function snippetItems(slot: KeySlot): CompletionItem[] {
  if (slot.existing) return [];
  if (slot.owner.length === 0) {
    const empty = !slot.field && slot.siblings.length === 0;
    const manifests = [
      { label: 'Pod', filter: 'Pod', body: B.POD },
      { label: 'Deployment', filter: 'Deployment', body: B.DEPLOYMENT },
      { label: 'CronJob', filter: 'CronJob', body: B.CRONJOB },
    ];
    return empty ? manifests.map((s) => toItem(slot, s)) : [];
  }
  return forType(slot, slotType(slot)).map((s) => toItem(slot, s));
}
