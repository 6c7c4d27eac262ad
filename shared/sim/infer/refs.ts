/**
 * ConfigMap and Secret references of a pod: env/envFrom (a missing one gives CreateContainerConfigError)
 * and volumes (a missing one keeps the pod in ContainerCreating with FailedMount events).
 */
import type { Field } from '../../model/field';
import { resolvePod } from '../../model/resolvedPod';
import type { ContainerView, PodView } from '../../model/types';
import type { Range } from '../../util/range';

export type RefKind = 'configMap' | 'secret';

export interface Reference {
  kind: RefKind;
  name: string;
  optional: boolean;
  range: Range;
  /** The key a configMapKeyRef/secretKeyRef reads. */
  key?: string;
}

const value = <T>(f: Field<T>): T | undefined => (f.kind === 'value' ? f.value : undefined);

/** What the kubelet's error says: `configmap "x" not found`, `secret "x" not found`. */
export function notFound(ref: Reference): string {
  return `${ref.kind === 'configMap' ? 'configmap' : 'secret'} "${ref.name}" not found`;
}

/** env/envFrom references in the order makeEnvironmentVariables resolves them: envFrom first, then env. */
export function envReferences(c: ContainerView): Reference[] {
  const out: Reference[] = [];
  for (const e of c.envFrom) {
    const name = value(e.name);
    if (!e.kind || name === undefined) continue;
    out.push({
      kind: e.kind === 'configMapRef' ? 'configMap' : 'secret',
      name,
      optional: value(e.optional) === true,
      range: e.range,
    });
  }
  for (const e of c.env) {
    for (const s of e.valueFrom?.sources ?? []) {
      const name = value(s.name);
      if ((s.kind !== 'configMapKeyRef' && s.kind !== 'secretKeyRef') || name === undefined) continue;
      out.push({
        kind: s.kind === 'configMapKeyRef' ? 'configMap' : 'secret',
        name,
        optional: value(s.optional) === true,
        range: e.range,
        ...(value(s.key) === undefined ? {} : { key: value(s.key) }),
      });
    }
  }
  return out;
}

/** Volumes some container mounts, with their ConfigMap/Secret sources (projected ones included). */
export function volumeReferences(pod: PodView): { volume: string; refs: Reference[] }[] {
  const mounted = new Set<string>();
  for (const c of resolvePod(pod).views) {
    for (const m of c.volumeMounts) {
      const name = value(m.name);
      if (name !== undefined) mounted.add(name);
    }
  }
  const out: { volume: string; refs: Reference[] }[] = [];
  for (const v of pod.volumes) {
    const volume = value(v.name);
    if (volume === undefined || !mounted.has(volume)) continue;
    const refs: Reference[] = [];
    const cm = value(v.configMapName);
    if (cm !== undefined)
      refs.push({ kind: 'configMap', name: cm, optional: value(v.configMapOptional) === true, range: v.range });
    const secret = value(v.secretName);
    if (secret !== undefined)
      refs.push({ kind: 'secret', name: secret, optional: value(v.secretOptional) === true, range: v.range });
    for (const p of v.projected) {
      const name = value(p.name);
      if (name !== undefined) refs.push({ kind: p.kind, name, optional: value(p.optional) === true, range: v.range });
    }
    if (refs.length > 0) out.push({ volume, refs });
  }
  return out;
}

/** Every referenced name of one kind, first-seen order: what the inferred scenario assumes exists. */
export function referencedNames(pod: PodView, kind: RefKind): string[] {
  const names = new Set<string>();
  for (const c of resolvePod(pod).views) {
    for (const r of envReferences(c)) if (r.kind === kind) names.add(r.name);
  }
  for (const v of volumeReferences(pod)) for (const r of v.refs) if (r.kind === kind) names.add(r.name);
  return [...names];
}
