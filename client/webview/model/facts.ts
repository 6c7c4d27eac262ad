/**
 * The assumption editor's forms: a container run, a probe answer, a hook and the SIGTERM behaviour as flat
 * form values and back to the scenario format, plus the note the simulation attached to each inferred fact.
 */
import type { ScenarioInput } from '../../../shared/sim';
import { formatPath } from '../../../shared/util/range';
import type { FactPath } from './overrides';

type ContainerInput = NonNullable<ScenarioInput['containers']>[string];
export type RunInput = NonNullable<ContainerInput['runs']>[number];
export type ProbeInput = NonNullable<NonNullable<ContainerInput['probes']>['startup']>;
type HookInput = NonNullable<ContainerInput['postStart']>;
type SigtermInput = NonNullable<ContainerInput['onSigterm']>;

type RunMode = 'exit' | 'forever' | 'oom' | 'memory';

export interface RunForm {
  mode: RunMode;
  exitCode: number;
  afterSeconds: number;
  memory: string;
}

export const RUN_MODES: { value: RunMode; label: string }[] = [
  { value: 'exit', label: 'exits with code' },
  { value: 'forever', label: 'runs until stopped' },
  { value: 'oom', label: 'is OOM-killed' },
  { value: 'memory', label: 'peaks at memory' },
];

export function runToForm(run: RunInput): RunForm {
  const afterSeconds = run.afterSeconds ?? 0;
  if (run.forever) return { mode: 'forever', exitCode: 0, afterSeconds: 0, memory: '' };
  if (run.oom) return { mode: 'oom', exitCode: 137, afterSeconds, memory: '' };
  if (run.memory !== undefined)
    return { mode: 'memory', exitCode: run.exitCode ?? 0, afterSeconds, memory: run.memory };
  return { mode: 'exit', exitCode: run.exitCode ?? 0, afterSeconds, memory: '' };
}

export function formToRun(f: RunForm): RunInput {
  switch (f.mode) {
    case 'forever':
      return { forever: true };
    case 'oom':
      return { oom: true, afterSeconds: f.afterSeconds };
    case 'memory':
      return { memory: f.memory || '1Gi', afterSeconds: f.afterSeconds };
    case 'exit':
      return { exitCode: f.exitCode, afterSeconds: f.afterSeconds };
  }
}

type ProbeMode = 'success' | 'failure' | 'healthyWhileAgeBelow' | 'successFromAge';

export const PROBE_MODES: { value: ProbeMode; label: string }[] = [
  { value: 'success', label: 'always passes' },
  { value: 'failure', label: 'always fails' },
  { value: 'successFromAge', label: 'passes from age' },
  { value: 'healthyWhileAgeBelow', label: 'fails from age' },
];

export function probeToForm(p: ProbeInput): { mode: ProbeMode; seconds: number } {
  if (p.healthyWhileAgeBelow !== undefined) return { mode: 'healthyWhileAgeBelow', seconds: p.healthyWhileAgeBelow };
  if (p.successFromAge !== undefined) return { mode: 'successFromAge', seconds: p.successFromAge };
  return { mode: p.always === 'failure' ? 'failure' : 'success', seconds: 0 };
}

export function formToProbe(mode: ProbeMode, seconds: number, previous: ProbeInput | undefined): ProbeInput {
  const extra = previous?.responseSeconds === undefined ? {} : { responseSeconds: previous.responseSeconds };
  switch (mode) {
    case 'success':
    case 'failure':
      return { always: mode, ...extra };
    case 'healthyWhileAgeBelow':
      return { healthyWhileAgeBelow: seconds, ...extra };
    case 'successFromAge':
      return { successFromAge: seconds, ...extra };
  }
}

export function hookToForm(h: HookInput | undefined): { result: 'success' | 'failure'; durationSeconds: number } {
  return { result: h?.result ?? 'success', durationSeconds: h?.durationSeconds ?? 0 };
}

export function sigtermToForm(s: SigtermInput | undefined): {
  ignore: boolean;
  exitCode: number;
  afterSeconds: number;
} {
  if (s === 'ignore') return { ignore: true, exitCode: 137, afterSeconds: 0 };
  return { ignore: false, exitCode: s?.exitCode ?? 143, afterSeconds: s?.afterSeconds ?? 0 };
}

/** The note the simulation wrote for a fact, looked up by the fact's path and then its parents. */
export function noteFor(notes: Record<string, string>, path: FactPath): string | null {
  for (let n = path.length; n > 0; n--) {
    const note = notes[formatPath(path.slice(0, n))];
    if (note) return note;
  }
  return null;
}

/** A number typed by the user, or null while the field does not hold one. */
export function readNumber(text: string, min = 0, max = 1_000_000, integer = false): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) return null;
  return n;
}
