/**
 * The targets over which a computation's result is provably the same. Lint reads the target through a recorder:
 * a comparison of the minor with a bound narrows an interval of minors, a raw read of the minor (a message that
 * prints it) pins the interval to that minor, and a read of a feature-gate override records the value seen. A
 * result stays valid for every target inside what was recorded, so switching the target keeps it without
 * re-analysis. Anything that reads the target without these helpers reads the recorder's properties and pins
 * them: unknown code is sound, only less reusable.
 */
import { type KubernetesTarget, sameGates } from './target';

/** Plain data (posted from worker threads with each analysis). */
export interface TargetRange {
  /** Lowest minor the result holds for; unbounded when absent. */
  lo?: number;
  /** Highest minor the result holds for; unbounded when absent. */
  hi?: number;
  /** Feature-gate overrides read, with the value seen (null: not set). */
  gates?: Readonly<Record<string, boolean | null>>;
  /** The whole set of overrides, when it was read as a whole. */
  allGates?: Readonly<Record<string, boolean>>;
}

/** Holds for every target. */
export const ANY_TARGET: TargetRange = Object.freeze({});

function overrideOf(target: KubernetesTarget, gate: string): boolean | null {
  return Object.hasOwn(target.featureGates, gate) ? (target.featureGates[gate] as boolean) : null;
}

/** True when a result recorded as `range` is the result for `target` too. */
export function holdsFor(range: TargetRange, target: KubernetesTarget): boolean {
  if (range.lo !== undefined && target.minor < range.lo) return false;
  if (range.hi !== undefined && target.minor > range.hi) return false;
  if (range.allGates && !sameGates(range.allGates, target.featureGates)) return false;
  for (const [gate, value] of Object.entries(range.gates ?? {})) if (overrideOf(target, gate) !== value) return false;
  return true;
}

/**
 * A target that records how it is read. Its `minor` and `featureGates` are enumerable own getters, so even a spread
 * copy of it records a read of both.
 */
export class TargetRecorder implements KubernetesTarget {
  declare readonly minor: number;
  declare readonly featureGates: Readonly<Record<string, boolean>>;
  private lo: number | undefined;
  private hi: number | undefined;
  private readonly gates: Record<string, boolean | null> = {};
  private allGates: Readonly<Record<string, boolean>> | undefined;

  constructor(readonly target: KubernetesTarget) {
    Object.defineProperties(this, {
      minor: { enumerable: true, get: () => this.pinMinor() },
      featureGates: { enumerable: true, get: () => this.pinGates() },
    });
  }

  private pinMinor(): number {
    const m = this.target.minor;
    this.narrow(m, m);
    return m;
  }

  private pinGates(): Readonly<Record<string, boolean>> {
    this.allGates = this.target.featureGates;
    return this.target.featureGates;
  }

  private narrow(lo: number | undefined, hi: number | undefined): void {
    if (lo !== undefined) this.lo = this.lo === undefined ? lo : Math.max(this.lo, lo);
    if (hi !== undefined) this.hi = this.hi === undefined ? hi : Math.min(this.hi, hi);
  }

  atLeast(minor: number): boolean {
    const yes = this.target.minor >= minor;
    if (yes) this.narrow(minor, undefined);
    else this.narrow(undefined, minor - 1);
    return yes;
  }

  override(gate: string): boolean | undefined {
    const value = overrideOf(this.target, gate);
    this.gates[gate] = value;
    return value ?? undefined;
  }

  /** Takes in what another computation recorded, when this one reuses its result. */
  absorb(range: TargetRange): void {
    this.narrow(range.lo, range.hi);
    Object.assign(this.gates, range.gates);
    if (range.allGates) this.allGates = range.allGates;
  }

  range(): TargetRange {
    const gates = Object.keys(this.gates).length > 0 ? { ...this.gates } : undefined;
    return {
      ...(this.lo !== undefined && { lo: this.lo }),
      ...(this.hi !== undefined && { hi: this.hi }),
      ...(gates && { gates }),
      ...(this.allGates && { allGates: this.allGates }),
    };
  }
}

/** The target itself, without recording a read. */
export function plainTarget(target: KubernetesTarget): KubernetesTarget {
  return target instanceof TargetRecorder ? target.target : target;
}

/** `target.minor >= minor`, recorded as a comparison. */
export function minorAtLeast(target: KubernetesTarget, minor: number): boolean {
  return target instanceof TargetRecorder ? target.atLeast(minor) : target.minor >= minor;
}

/** The target's override of a feature gate, if it sets one; recorded as a read of that gate alone. */
export function gateOverride(target: KubernetesTarget, gate: string): boolean | undefined {
  if (target instanceof TargetRecorder) return target.override(gate);
  return overrideOf(target, gate) ?? undefined;
}

/** Records, on a recording target, that a result reused from elsewhere was made over `range`. */
export function recordReuse(target: KubernetesTarget, range: TargetRange): void {
  if (target instanceof TargetRecorder) target.absorb(range);
}
