/**
 * The cluster a manifest is checked against: a Kubernetes minor version and the feature gates that differ from
 * that version's defaults. Validation, defaulting, completion, hover and the simulated kubelet all read it.
 */
export interface KubernetesTarget {
  /** Minor version of Kubernetes 1.x, e.g. 36 for v1.36. */
  minor: number;
  /** Feature gates the cluster turns on or off, against the version's defaults. */
  featureGates: Readonly<Record<string, boolean>>;
}

/** The oldest and newest minors podlens has API data for. */
export const OLDEST_MINOR = 29;
export const NEWEST_MINOR = 36;

export const DEFAULT_TARGET: KubernetesTarget = { minor: NEWEST_MINOR, featureGates: {} };

/** `v1.31` for a minor. */
export function versionLabel(minor: number): string {
  return `v1.${minor}`;
}

/** True when two sets of feature-gate overrides set the same gates to the same values. */
export function sameGates(a: Readonly<Record<string, boolean>>, b: Readonly<Record<string, boolean>>): boolean {
  const gates = Object.keys(a);
  return gates.length === Object.keys(b).length && gates.every((g) => Object.hasOwn(b, g) && a[g] === b[g]);
}

/** True for the same minor and the same feature-gate overrides. */
export function sameTarget(a: KubernetesTarget, b: KubernetesTarget): boolean {
  return a.minor === b.minor && sameGates(a.featureGates, b.featureGates);
}
