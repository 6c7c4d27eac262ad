/**
 * Text output of `podlens simulate`: the timeline as `kubectl get pods -w` rows next to `kubectl describe`
 * events (the message column wrapped to the width), the container states at each `--at` instant, the Job
 * controller's pods, a legend, and every assumption with the manifest line it came from.
 */
import type { PodView } from '../../shared/model';
import { type JobResult, predictionSummary, type SimulationResult, type Snapshot, type Step } from '../../shared/sim';
import { noteSource } from '../../shared/sim/noteSource';
import { wrap } from './wrap';

export const DEFAULT_WIDTH = 120;
/** Below this many columns for events, they go on their own lines under the row. */
const MIN_EVENT_COLUMN = 40;

const pad = (s: string, n: number) => s.padEnd(n);

/** Text wrapped to `width`, the first line after `first`, the others after `indent` spaces. */
function hanging(first: string, text: string, width: number, indent = first.length): string[] {
  const lines = wrap(text, width - indent);
  return lines.map((l, i) => `${i === 0 ? first.padEnd(indent) : ' '.repeat(indent)}${l}`.trimEnd());
}

function containerLine(c: Snapshot['containers'][number]): string {
  const state = c.state === null ? 'no status' : `${c.state}${c.reason ? ` (${c.reason})` : ''}`;
  const exit = c.exitCode === null ? '' : ` exit ${c.exitCode}`;
  const last = c.lastState
    ? `, last: ${c.lastState.reason} exit ${c.lastState.exitCode} at ${c.lastState.finishedAt}s`
    : '';
  const flags = `${c.ready ? 'ready' : 'not ready'}, restarts ${c.restartCount}`;
  return `${c.name} [${c.type}]: ${state}${exit}; ${flags}${last}`;
}

/** `spec.containers{app}` -> `app`: the container column of describe, short. */
const objectName = (object: string) => /\{(.*)\}$/.exec(object)?.[1] ?? object;

function eventText(e: Step['events'][number]): string {
  return `${e.type === 'Warning' ? '! ' : ''}${e.reason} (${objectName(e.object)}): ${e.message}`;
}

function timelineRows(result: SimulationResult, at: readonly number[], width: number): string[] {
  const rows = result.steps.map((step) => {
    const k = step.snapshot.kubectl;
    return {
      step,
      cells: [
        `${step.t}s${step.after ? '+' : ''}`,
        step.snapshot.exists ? k.STATUS : `${k.STATUS} (deleted)`,
        k.READY,
        k.RESTARTS,
      ],
    };
  });
  const header = ['TIME', 'STATUS', 'READY', 'RESTARTS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] as string).length)) + 2);
  const eventsAt = widths.reduce((a, b) => a + b, 0);
  const inline = width - eventsAt >= MIN_EVENT_COLUMN;
  const lines = [`${header.map((h, i) => pad(h, widths[i] as number)).join('')}${inline ? 'EVENTS' : ''}`];
  const wanted = new Set(at);
  for (const { step, cells } of rows) {
    const row = cells.map((c, i) => pad(c, widths[i] as number)).join('');
    const events = step.events.map(eventText);
    if (!inline) {
      lines.push(row.trimEnd());
      for (const e of events)
        lines.push(...hanging('    ', e, width, 6).map((l, i) => (i === 0 ? `    ${l.trim()}` : l)));
    } else if (events.length === 0) lines.push(row.trimEnd());
    else {
      events.forEach((e, i) => {
        lines.push(
          ...hanging(i === 0 ? row : ' '.repeat(eventsAt), e, width, eventsAt).map((l, j) => (j === 0 ? l : `  ${l}`)),
        );
      });
    }
    if (wanted.has(step.t) && !step.after) {
      lines.push(`    at ${step.t}s: phase ${step.snapshot.phase}`);
      for (const c of [...step.snapshot.initContainers, ...step.snapshot.containers])
        lines.push(...hanging('      ', containerLine(c), width));
    }
  }
  return lines;
}

function jobLines(job: JobResult, width: number): string[] {
  const end = job.conditions.find((c) => c.type === 'Complete' || c.type === 'Failed');
  const mode = job.completionMode === 'Indexed' ? 'Indexed, ' : '';
  const counts = `${mode}completions ${job.completions ?? 'unset'}, parallelism ${job.parallelism}, backoffLimit ${job.backoffLimit}`;
  const outcome = end
    ? `${end.type} (${end.reason}) at ${end.t}s: ${end.message}`
    : 'not finished within the simulation';
  const lines = ['', ...hanging('', `Job ${job.name} (${counts}): ${outcome}`, width)];
  if (job.pods.length === 0) return [...lines, '  no pods (spec.suspend)'];
  const name = Math.max(4, ...job.pods.map((p) => p.name.length)) + 2;
  lines.push(`  ${pad('POD', name)}${pad('INDEX', 7)}${pad('CREATED', 9)}${pad('ENDED', 9)}${pad('PHASE', 11)}EXIT`);
  for (const p of job.pods) {
    const exit = p.exit ? `${p.exit.container} exit ${p.exit.exitCode} (${p.exit.reason})` : '';
    const action = p.action && p.action !== 'Count' ? `, ${p.action}` : '';
    const restarts = p.restarts > 0 ? `${exit ? ', ' : ''}${p.restarts} restarts` : '';
    const cells = `${pad(p.name, name)}${pad(p.index === null ? '-' : String(p.index), 7)}${pad(`${p.createdAt}s`, 9)}`;
    lines.push(
      `  ${cells}${pad(p.endedAt === null ? '-' : `${p.endedAt}s`, 9)}${pad(p.phase, 11)}${exit}${action}${restarts}`.trimEnd(),
    );
  }
  const others =
    job.completionMode === 'Indexed'
      ? 'the others run the same template, each with its own JOB_COMPLETION_INDEX.'
      : 'the others run the same template.';
  lines.push(...hanging('  ', `The timeline above is the first pod; ${others}`, width));
  return lines;
}

const LEGEND = [
  '`12s` is simulated seconds since the pod was created; `12s+` is the state right after what happened at 12s, once the kubelet reacted at the same instant (a restart, a back-off, the next init container).',
  'RESTARTS `(5s ago)` counts from the newest restart, as kubectl prints it. `!` marks a Warning event; `(name)` is the container an event concerns.',
];

function assumptionLines(result: SimulationResult, pod: PodView | undefined, width: number): string[] {
  const notes = Object.entries(result.assumptions?.notes ?? {});
  if (notes.length === 0) return [];
  const title = 'Assumptions (override them with --scenario; line = where in the manifest the fact comes from):';
  const lines = ['', ...hanging('', title, width)];
  for (const [field, note] of notes) {
    const range = pod ? noteSource(pod, field) : undefined;
    const where = range ? `line ${range.start.line + 1}` : '-';
    lines.push(...hanging(`  ${pad(where, 10)}`, `${field}: ${note}`, width));
  }
  return lines;
}

/**
 * @example formatSimulationText(result, { file: 'pod.yaml', document: 0, at: [] }) // 'pod/web (pod.yaml, document 0) ...'
 */
export function formatSimulationText(
  result: SimulationResult,
  options: { file: string; document: number; at: readonly number[]; pod?: PodView; width?: number },
): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const lines: string[] = [];
  lines.push(
    ...hanging(
      '',
      `pod/${result.pod} (${options.file}, document ${options.document}), ${result.until} s simulated`,
      width,
    ),
    ...hanging('Prediction: ', predictionSummary(result), width),
    '',
  );
  lines.push(...timelineRows(result, options.at, width));
  if (result.job) lines.push(...jobLines(result.job, width));
  lines.push('', 'Legend:');
  for (const l of LEGEND) lines.push(...hanging('  ', l, width));
  lines.push(...assumptionLines(result, options.pod, width));
  return `${lines.join('\n')}\n`;
}
