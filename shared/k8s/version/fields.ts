/**
 * Which Kubernetes minors have a field of the newest schema, and its stage there: queries over the generated
 * ./api-versions.json (scripts/gen/gen-versions.mjs). A minor the data does not cover (no npm package carries it) counts
 * as having the field, so podlens never calls a field unknown that the cluster may accept.
 */
import data from './api-versions.json';
import { gateState, isKnownGate } from './gates';
import { minorAtLeast } from './reads';
import { DEFAULT_TARGET, type KubernetesTarget, versionLabel } from './target';

export type Stage = 'alpha' | 'beta' | 'ga';

interface RawAvailability {
  /** The newest minor known not to have the field. */
  absent?: number;
  /** The oldest minor, after `absent`, known to have it. */
  since?: number;
  /** [minor, stage, gate?]: the stage from that minor on, as the upstream description words it. */
  stages?: [number, string, string?][];
}

interface RawVersionData {
  generator: string;
  sources: Record<string, string>;
  fields: Record<string, Record<string, RawAvailability>>;
  removedApiVersions: Record<string, string[]>;
}

const raw = data as unknown as RawVersionData;

export interface FieldStage {
  stage: Stage;
  gate?: string;
}

function availability(typeName: string, field: string): RawAvailability | undefined {
  const byField = Object.hasOwn(raw.fields, typeName) ? raw.fields[typeName] : undefined;
  return byField && Object.hasOwn(byField, field) ? byField[field] : undefined;
}

/**
 * The minor a field arrived in, when it is newer than the oldest supported minor; `after` is the newest minor known
 * without it (they differ by more than one where a minor has no data).
 * @example
 *   fieldArrival('io.k8s.api.core.v1.Lifecycle', 'stopSignal') // { since: 33, after: 32 }
 */
export function fieldArrival(typeName: string, field: string): { since: number; after: number } | undefined {
  const a = availability(typeName, field);
  return a?.absent !== undefined && a.since !== undefined ? { since: a.since, after: a.absent } : undefined;
}

/** True when the target's minor is known not to have the field. */
export function missingInTarget(typeName: string, field: string, target: KubernetesTarget): boolean {
  const a = availability(typeName, field);
  return a?.absent !== undefined && !minorAtLeast(target, a.absent + 1);
}

/**
 * The field's stage in a minor, as the upstream description of that minor words it; undefined for fields whose
 * descriptions never named a stage.
 * @example
 *   fieldStage('io.k8s.api.core.v1.PodSpec', 'resources', 32) // { stage: 'alpha', gate: 'PodLevelResources' }
 */
export function fieldStage(typeName: string, field: string, minor: number): FieldStage | undefined {
  const stages = availability(typeName, field)?.stages;
  let found: FieldStage | undefined;
  for (const [from, stage, gate] of stages ?? []) {
    if (from > minor) break;
    found = { stage: stage as Stage, ...(gate && { gate }) };
  }
  return found;
}

/**
 * The field's stage in the target: from the gates table (./gates) when it follows the field's gate, since upstream
 * descriptions keep saying "alpha" after a promotion; else as the target minor's description words it.
 */
function targetStage(typeName: string, field: string, target: KubernetesTarget): FieldStage | undefined {
  const described = fieldStage(typeName, field, target.minor);
  if (!described?.gate || !isKnownGate(described.gate)) return described;
  const stage = gateState(target, described.gate).stage;
  return stage ? { stage, gate: described.gate } : described;
}

/**
 * What the hover says about a field's version: "since v1.33", "since v1.32, alpha (PodLevelResources)".
 * Undefined for a field every supported minor has with no stage named.
 */
export function versionNote(typeName: string, field: string, target = DEFAULT_TARGET): string | undefined {
  const arrival = fieldArrival(typeName, field);
  const stage = targetStage(typeName, field, target);
  const parts: string[] = [];
  if (arrival) {
    const unknown = arrival.since - arrival.after > 1;
    parts.push(`since ${unknown ? `${versionLabel(arrival.after + 1)} or ` : ''}${versionLabel(arrival.since)}`);
  }
  if (stage && stage.stage !== 'ga') parts.push(stage.gate ? `${stage.stage} (${stage.gate})` : stage.stage);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** apiVersions a minor no longer serves that the minor before it did. */
export function removedApiVersions(minor: number): readonly string[] {
  return raw.removedApiVersions[String(minor)] ?? [];
}

/** The npm package each minor's data was read from; minors without an entry have no data. */
export function versionSources(): Readonly<Record<string, string>> {
  return raw.sources;
}
