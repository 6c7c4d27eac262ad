/**
 * The user's what-if edits, stored as a partial scenario (the CLI's scenario format) and addressed by fact
 * paths such as ['containers', 'app', 'runs']. Edits are immutable updates. What the simulation gets is the
 * overrides pruned to what the current manifest still has, so edits survive unrelated manifest changes.
 */
import type { PodView } from '../../../shared/model';
import { containerName, resolvePod } from '../../../shared/model';
import type { ScenarioInput } from '../../../shared/sim';

export type Overrides = ScenarioInput;
export type FactPath = readonly string[];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getIn(root: unknown, path: FactPath): unknown {
  let cur = root;
  for (const key of path) {
    if (!isObject(cur) || !Object.hasOwn(cur, key)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** A copy of `root` with `value` at `path` (objects created on the way). */
export function setIn<T extends Json>(root: T, path: FactPath, value: unknown): T {
  const [key, ...rest] = path;
  if (key === undefined) return root;
  const child = isObject(root[key]) ? (root[key] as Json) : {};
  return { ...root, [key]: rest.length === 0 ? value : setIn(child, rest, value) };
}

/** A copy of `root` without `path`; parents left empty are removed too. */
export function deleteIn<T extends Json>(root: T, path: FactPath): T {
  const [key, ...rest] = path;
  if (key === undefined || !Object.hasOwn(root, key)) return root;
  const copy: Json = { ...root };
  if (rest.length === 0 || !isObject(copy[key])) delete copy[key];
  else {
    const child = deleteIn(copy[key] as Json, rest);
    if (Object.keys(child).length === 0) delete copy[key];
    else copy[key] = child;
  }
  return copy as T;
}

export const isEdited = (overrides: Overrides, path: FactPath): boolean => getIn(overrides, path) !== undefined;

/**
 * The overrides the current manifest can take: containers, images and probes or hooks that no longer exist
 * are left out (the simulation rejects a scenario naming a container the pod does not have).
 */
export function pruneOverrides(overrides: Overrides, pod: PodView): Overrides {
  const views = resolvePod(pod).views;
  const out: Overrides = { ...overrides };
  if (overrides.containers) {
    const containers: NonNullable<Overrides['containers']> = {};
    for (const [name, given] of Object.entries(overrides.containers)) {
      const view = views.find((v) => containerName(v) === name);
      if (!view) continue;
      const c = { ...given };
      if (c.probes) {
        const probes = {
          ...(view.startupProbe && c.probes.startup && { startup: c.probes.startup }),
          ...(view.livenessProbe && c.probes.liveness && { liveness: c.probes.liveness }),
          ...(view.readinessProbe && c.probes.readiness && { readiness: c.probes.readiness }),
        };
        if (Object.keys(probes).length > 0) c.probes = probes;
        else delete c.probes;
      }
      if (!view.lifecycle.postStart) delete c.postStart;
      if (!view.lifecycle.preStop) delete c.preStop;
      if (Object.keys(c).length > 0) containers[name] = c;
    }
    out.containers = containers;
  }
  if (overrides.images) {
    const images = new Set(views.map((v) => (v.image.kind === 'value' ? v.image.value : '')));
    out.images = Object.fromEntries(Object.entries(overrides.images).filter(([image]) => images.has(image)));
  }
  return out;
}
