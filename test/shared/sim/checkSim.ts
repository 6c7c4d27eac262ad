// One helper for the data-driven simulation tests: runs a case from test/fixtures/sim and checks its
// expectations (snapshots at given instants, exact event times such as the back-off schedule, summary).
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { parseManifests } from '../../../shared/model';
import {
  type ContainerSnapshot,
  fileObjects,
  predictionSummary,
  type SimulationResult,
  type Snapshot,
  simulate,
} from '../../../shared/sim';

export const FIXTURES = path.resolve(__dirname, '../../fixtures');

type ContainerExpect = Partial<Omit<ContainerSnapshot, 'name' | 'type'>>;

export interface Expectation {
  t: number;
  /** The state right after `t` (the `after` step), instead of at `t`. */
  after?: boolean;
  exists?: boolean;
  phase?: string;
  reason?: string | null;
  STATUS?: string;
  READY?: string;
  RESTARTS?: string;
  /** `true`/`false` checks the status only; an object checks the listed fields. */
  conditions?: Record<string, boolean | { status: boolean; reason?: string; message?: string } | null>;
  containers?: Record<string, ContainerExpect>;
}

export interface SimCase {
  name: string;
  /** The Kubernetes source (function, test or doc section) the expectations come from. */
  source: string;
  manifest?: string;
  /** A manifest file under test/fixtures (the seed manifests). */
  manifestFile?: string;
  scenario?: unknown;
  options?: { until?: number; deleteAt?: number };
  expect?: Expectation[];
  /** Exact times of an event reason, optionally for one container (e.g. `Started` for the back-off schedule). */
  events?: { reason: string; container?: string; times: number[] }[];
  summary?: string;
  /** Error fields expected instead of a timeline. */
  errors?: string[];
  /** The file holds no pod document at all. */
  noPod?: boolean;
  /** Assumption notes that must be present (field -> substring). */
  notes?: Record<string, string>;
  /** Defaulted fields that must be reported with these values. */
  defaulted?: Record<string, unknown>;
}

export function loadCases(file: string): SimCase[] {
  return parse(fs.readFileSync(path.join(FIXTURES, 'sim', file), 'utf8')) as SimCase[];
}

/** The published state at `t` (or right after it): the last step at or before that instant. */
export function snapshotAt(result: SimulationResult, t: number, after = false): Snapshot {
  let found: Snapshot | undefined;
  for (const step of result.steps) {
    if (step.t > t || (step.t === t && step.after && !after)) break;
    found = step.snapshot;
  }
  if (!found) throw new Error(`no step at or before t=${t}`);
  return found;
}

/** Times of events with this reason (for one container when given): one entry per event. */
export function eventTimes(result: SimulationResult, reason: string, container?: string): number[] {
  return result.steps.flatMap((s) =>
    s.events.filter((e) => e.reason === reason && (!container || e.object.endsWith(`{${container}}`))).map(() => s.t),
  );
}

/** The case's pod and the objects its file defines next to it (what exists with no scenario). */
function podOf(c: SimCase) {
  const text = c.manifestFile ? fs.readFileSync(path.join(FIXTURES, c.manifestFile), 'utf8') : (c.manifest ?? '');
  const documents = parseManifests(text).documents;
  return { pod: documents.find((d) => d.pod && !d.templated)?.pod, objects: fileObjects(documents) };
}

function checkSnapshot(snap: Snapshot, e: Expectation, where: string): void {
  const got: Record<string, unknown> = {};
  const want: Record<string, unknown> = {};
  const take = (key: string, value: unknown, actual: unknown) => {
    if (value === undefined) return;
    want[key] = value;
    got[key] = actual;
  };
  take('exists', e.exists, snap.exists);
  take('phase', e.phase, snap.phase);
  take('reason', e.reason, snap.reason);
  take('STATUS', e.STATUS, snap.kubectl.STATUS);
  take('READY', e.READY, snap.kubectl.READY);
  take('RESTARTS', e.RESTARTS, snap.kubectl.RESTARTS);
  for (const [type, c] of Object.entries(e.conditions ?? {})) {
    const actual = snap.conditions[type as keyof Snapshot['conditions']];
    if (c === null || typeof c === 'boolean') take(`condition ${type}`, c, actual ? actual.status : null);
    else
      take(
        `condition ${type}`,
        c,
        actual && Object.fromEntries(Object.keys(c).map((k) => [k, actual[k as keyof typeof actual]])),
      );
  }
  const all = [...snap.initContainers, ...snap.containers];
  for (const [name, c] of Object.entries(e.containers ?? {})) {
    const actual = all.find((x) => x.name === name);
    take(
      `container ${name}`,
      c,
      actual && Object.fromEntries(Object.keys(c).map((k) => [k, actual[k as keyof typeof actual]])),
    );
  }
  expect(got, where).toEqual(want);
}

/** Runs one case and checks everything it states. */
export function checkSim(c: SimCase): SimulationResult | undefined {
  const { pod, objects } = podOf(c);
  if (c.noPod) {
    expect(pod, `${c.name}: expected no pod document`).toBeUndefined();
    return undefined;
  }
  if (!pod) throw new Error(`${c.name}: no pod document`);
  const times = (c.expect ?? []).map((e) => e.t);
  const result = simulate(pod, c.scenario as Parameters<typeof simulate>[1], { ...c.options, at: times, objects });
  if (c.errors) {
    expect(result.errors.map((e) => e.field)).toEqual(c.errors);
    expect(result.steps).toEqual([]);
    return result;
  }
  expect(result.errors, `${c.name}: errors`).toEqual([]);
  for (const e of c.expect ?? [])
    checkSnapshot(snapshotAt(result, e.t, e.after), e, `${c.name} at t=${e.t}${e.after ? '+' : ''}`);
  for (const e of c.events ?? []) {
    expect(eventTimes(result, e.reason, e.container), `${c.name}: ${e.reason} ${e.container ?? ''} times`).toEqual(
      e.times,
    );
  }
  if (c.summary !== undefined) expect(predictionSummary(result), `${c.name}: summary`).toBe(c.summary);
  for (const [field, value] of Object.entries(c.defaulted ?? {})) {
    expect(result.defaulted[field], `${c.name}: defaulted ${field}`).toEqual(value);
  }
  for (const [field, text] of Object.entries(c.notes ?? {})) {
    expect(result.assumptions?.notes[field], `${c.name}: note ${field}`).toContain(text);
  }
  return result;
}
