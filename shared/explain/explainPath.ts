/** Dispatches a field path of a document to the explanation of what that field does in this manifest. */

import type { WorkspaceObjects } from '../analysis/workspace/types';
import { defaultedFields } from '../k8s';
import { admitLimitRanges, type LimitRangerResult } from '../k8s/admission/limitRanger';
import { type ManifestDocument, type PodView, resolvePod } from '../model';
import { type FieldPath, formatPath } from '../util/range';
import { explainContainerPath } from './container';
import { serviceLinksLine } from './env';
import { limitRangeLines } from './limitRange';
import { explainMetadataKey } from './metadata';
import { explainPullSecrets, explainRuntimeClass } from './podFields';
import { explainPartialResources, explainPodResources, quantityLine } from './resources';
import { explainRestartPolicy } from './restart';
import { explainTermination } from './termination';
import { code, joinAnd, plural } from './text';

function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
}

function explainMetadata(pod: PodView, path: FieldPath): string[] | undefined {
  for (const meta of [pod.podMetadata, pod.metadata]) {
    if (!startsWith(path, meta.path)) continue;
    const [kind, key] = path.slice(meta.path.length);
    if ((kind === 'labels' || kind === 'annotations') && typeof key === 'string') {
      return explainMetadataKey(kind, key, pod, meta === pod.podMetadata && pod.workload !== 'Pod');
    }
  }
  return undefined;
}

function explainLists(pod: PodView): string[] {
  const inits = pod.initContainers.filter((c) => c.role === 'init').length;
  const sidecars = pod.initContainers.length - inits;
  const parts = [];
  if (inits) parts.push(`${plural(inits, 'init container')} one at a time, each to completion`);
  if (sidecars) parts.push(`${plural(sidecars, 'native sidecar')} started in place and kept running`);
  parts.push(`then ${plural(pod.containers.length, 'container')} together`);
  return [`Start order: ${parts.join('; ')}.`];
}

const MAX_FILLED = 6;

/** "Filled in by the API server: `dnsPolicy: ClusterFirst`, …" for the fields under `path` (direct ones first). */
function filledIn(pod: PodView, path: FieldPath): string[] {
  const prefix = `${formatPath(path)}.`;
  const entries = Object.entries(defaultedFields(pod))
    .filter(([k]) => k.startsWith(prefix))
    .map(([k, v]) => `${k.slice(prefix.length)}: ${v}`)
    .sort((a, b) => Number(a.includes('.')) - Number(b.includes('.')));
  if (entries.length === 0) return [];
  const shown = entries.slice(0, MAX_FILLED).map((e) => code(e));
  return [`Filled in by the API server: ${shown.join(', ')}${entries.length > MAX_FILLED ? ', …' : ''}`];
}

function explainSpec(pod: PodView, rel: FieldPath, partial: boolean): string[] {
  const [head, second, third] = rel;
  if (head === undefined) return filledIn(pod, pod.specPath);
  if (
    (head === 'containers' || head === 'initContainers') &&
    typeof second === 'number' &&
    (rel.length === 2 || (rel.length === 3 && third === 'name'))
  ) {
    const c = (head === 'containers' ? pod.containers : pod.initContainers).find((x) => x.index === second);
    if (c) return [...explainContainerPath(pod, c, rel.slice(2), partial), ...filledIn(pod, c.path)];
  }
  switch (head) {
    case 'containers':
    case 'initContainers': {
      const list = head === 'containers' ? pod.containers : pod.initContainers;
      const c = typeof second === 'number' ? list.find((x) => x.index === second) : undefined;
      return c ? explainContainerPath(pod, c, rel.slice(2), partial) : explainLists(pod);
    }
    case 'restartPolicy':
      return explainRestartPolicy(pod);
    case 'terminationGracePeriodSeconds':
      return explainTermination(pod);
    case 'runtimeClassName':
      return explainRuntimeClass(pod);
    case 'imagePullSecrets':
      return explainPullSecrets(pod);
    case 'enableServiceLinks':
      return [serviceLinksLine(pod)];
    case 'resources': {
      const entry =
        typeof second === 'string' && typeof third === 'string'
          ? pod.resources[second as 'requests']?.entries.get(third)
          : undefined;
      return [
        ...(entry?.kind === 'value' ? [quantityLine(third as string, entry.value)] : []),
        ...(partial ? explainPartialResources() : explainPodResources(pod)),
      ];
    }
    case 'volumes': {
      const v = typeof second === 'number' ? pod.volumes.find((x) => x.index === second) : undefined;
      const name = v?.name.kind === 'value' ? v.name.value : undefined;
      if (name === undefined) return [];
      const users = resolvePod(pod).views.filter((c) =>
        c.volumeMounts.some((m) => m.name.kind === 'value' && m.name.value === name),
      );
      return [
        users.length
          ? `Mounted by ${joinAnd(users.map((c) => code(c.name.kind === 'value' ? c.name.value : `#${c.index}`)))}.`
          : `No container mounts ${code(name)}.`,
      ];
    }
    default:
      return [];
  }
}

/**
 * Effective-value lines for the field at `path` of a document; empty when there is nothing beyond the schema.
 * @example explainPath(doc, ['spec', 'containers', 0, 'image']) // ['Image: registry `docker.io` (implicit) · …', …]
 */
export function explainPath(doc: ManifestDocument, path: FieldPath, workspace?: WorkspaceObjects): string[] {
  const written = doc.pod;
  if (!written) return [];
  const meta = explainMetadata(written, path);
  if (meta) return meta;
  if (!startsWith(path, written.specPath)) return [];
  const rel = path.slice(written.specPath.length);
  // A kustomize patch carries only the fields it changes: nothing pod-wide is computed from it alone.
  if (doc.partial || !workspace) return explainSpec(written, rel, !!doc.partial);
  // With the workspace, resources are explained as the LimitRanges of the namespace leave them.
  const limits = admitLimitRanges(written, workspace);
  const lines = explainSpec(limits.pod, rel, false);
  return [...resourceLimitLines(limits, rel), ...lines];
}

/** The LimitRange lines for a hover on resources: a container's own, or every container's on the pod's. */
function resourceLimitLines(limits: LimitRangerResult, rel: FieldPath): string[] {
  const [head, index, field] = rel;
  if (head === 'resources') return limitRangeLines(limits);
  if ((head !== 'containers' && head !== 'initContainers') || field !== 'resources') return [];
  const list = head === 'containers' ? limits.pod.containers : limits.pod.initContainers;
  const c = list.find((x) => x.index === index);
  return c ? limitRangeLines(limits, c) : [];
}
