/**
 * Quick fixes on one container: pin an image tag, make the pull policy explicit, insert probe and resources
 * skeletons. Each returns undefined when the container cannot be edited safely (flow style, aliases, escapes).
 */
import { isScalar, type Scalar } from 'yaml';
import type { ContainerView, ManifestDocument } from '../../model';
import type { Fix, TextEdit } from '../types';
import { appendToMap, blockMapAt, insertAfterPair, replaceNode, type YamlBlock } from './blockMap';
import { snippetLiteral, tabStop, yamlPlain } from './text';
import { upsertBlock } from './upsert';

/** The `image` scalar of a container and the file offset where its text (inside any quotes) starts. */
function imageScalar(doc: ManifestDocument, container: ContainerView): { node: Scalar; start: number } | undefined {
  const map = blockMapAt(doc.ctx, container.path);
  const node = map ? doc.ctx.pair(map, 'image')?.value : undefined;
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const source = doc.ctx.lines.text.slice(node.range[0], node.range[1]);
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const inner = quoted ? source.slice(1, -1) : source;
  // Escapes or folded lines would shift offsets: only text written exactly as its value is edited.
  if (inner !== node.value) return undefined;
  return { node, start: node.range[0] + (quoted ? 1 : 0) };
}

/**
 * "Pin the image to a tag": selects the tag for typing, as the snippet `:${1:latest}` over a `:latest` tag or
 * after an untagged reference. The placeholder is what the reference already means, so leaving the snippet with
 * Escape changes nothing the kubelet sees (and the finding stays); a made-up word such as `tag` would be saved and
 * pulled. Only the user knows the version, so clients that cannot apply snippets do not get this fix.
 */
export function pinTagFix(doc: ManifestDocument, container: ContainerView): Fix | undefined {
  const image = imageScalar(doc, container);
  if (!image) return undefined;
  const text = image.node.value as string;
  const hasLatest = text.endsWith(':latest') && !text.slice(text.lastIndexOf(':')).includes('/');
  const from = image.start + (hasLatest ? text.length - ':latest'.length : text.length);
  const to = image.start + text.length;
  const lines = doc.ctx.lines;
  return {
    title: hasLatest ? 'Replace :latest with a pinned tag' : 'Pin the image to a tag',
    isPreferred: true,
    snippet: true,
    typed: true,
    edits: [
      { range: { start: lines.positionAt(from), end: lines.positionAt(to) }, newText: `:${tabStop(1, 'latest')}` },
    ],
  };
}

/** "Set imagePullPolicy: <policy>": replaces the current value, or adds the key right after `image`. */
export function pullPolicyFix(doc: ManifestDocument, container: ContainerView, policy: string): Fix | undefined {
  const ctx = doc.ctx;
  const map = blockMapAt(ctx, container.path);
  if (!map) return undefined;
  const existing = ctx.pair(map, 'imagePullPolicy');
  const imagePair = ctx.pair(map, 'image');
  let edit: TextEdit | undefined;
  if (existing) {
    // `imagePullPolicy:` with no value has an empty range: writing there would glue the value to the colon.
    const value = existing.value;
    edit =
      isScalar(value) && value.range && value.range[1] > value.range[0] ? replaceNode(ctx, value, policy) : undefined;
  } else {
    const entry = { imagePullPolicy: policy };
    edit = imagePair ? insertAfterPair(ctx, map, imagePair, entry) : appendToMap(ctx, map, entry);
  }
  if (!edit) return undefined;
  return { title: `Set imagePullPolicy: ${policy} explicitly`, edits: [edit] };
}

/** The port a probe skeleton should use: the first declared port (by name when it has one), else a placeholder. */
function probePort(container: ContainerView): string {
  for (const port of container.ports) {
    if (port.name.kind === 'value' && port.name.value) return snippetLiteral(yamlPlain(port.name.value));
    if (port.containerPort.kind === 'value') return String(port.containerPort.value);
  }
  return tabStop(2, '8080');
}

/**
 * Skeletons follow the API server's own convention (`/readyz`, `/livez`) so the two probes differ. The
 * liveness skeleton waits 10 s before the first probe: with the defaults (period 10 s, failureThreshold 3) the
 * earliest kill is then 30 s after start (the Kubernetes v1.36 kubelet), enough for most apps to start.
 */
const PROBE_SKELETONS = {
  readinessProbe: (port: string): YamlBlock => ({
    httpGet: { path: tabStop(1, '/readyz'), port },
    periodSeconds: '10',
    failureThreshold: '3',
  }),
  livenessProbe: (port: string): YamlBlock => ({
    httpGet: { path: tabStop(1, '/livez'), port },
    initialDelaySeconds: '10',
    periodSeconds: '10',
    failureThreshold: '3',
  }),
};

/** "Add a readinessProbe" / "Add a livenessProbe" at the end of the container. */
export function insertProbeFix(
  doc: ManifestDocument,
  container: ContainerView,
  kind: 'readinessProbe' | 'livenessProbe',
): Fix | undefined {
  const map = blockMapAt(doc.ctx, container.path);
  if (!map || doc.ctx.pair(map, kind)) return undefined;
  const edit = upsertBlock(doc.ctx, map, kind, PROBE_SKELETONS[kind](probePort(container)));
  return edit ? { title: `Add a ${kind} skeleton`, snippet: true, edits: [edit] } : undefined;
}

/** "Add resource requests and limits": cpu and memory requests and a memory limit equal to the request. */
export function insertResourcesFix(doc: ManifestDocument, container: ContainerView): Fix | undefined {
  const map = blockMapAt(doc.ctx, container.path);
  if (!map) return undefined;
  const edit = upsertBlock(doc.ctx, map, 'resources', {
    requests: { cpu: tabStop(1, '100m'), memory: tabStop(2, '128Mi') },
    limits: { memory: tabStop(2, '128Mi') },
  });
  return edit ? { title: 'Add resource requests and a memory limit', snippet: true, edits: [edit] } : undefined;
}

/** "Add a memory limit": equal to the memory request when there is one (Guaranteed-style memory). */
export function insertMemoryLimitFix(doc: ManifestDocument, container: ContainerView): Fix | undefined {
  const ctx = doc.ctx;
  const map = blockMapAt(ctx, container.path);
  if (!map) return undefined;
  const request = container.resources.requests.entries.get('memory');
  const value = tabStop(1, request?.kind === 'value' ? request.value : '128Mi');
  const resources = blockMapAt(ctx, [...container.path, 'resources']);
  const edit = resources
    ? upsertBlock(ctx, resources, 'limits', { memory: value })
    : upsertBlock(ctx, map, 'resources', { limits: { memory: value } });
  return edit ? { title: 'Add a memory limit', snippet: true, edits: [edit] } : undefined;
}
