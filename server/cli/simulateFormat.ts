/**
 * Text output of `podlens simulate`: the timeline as `kubectl get pods -w` rows next to `kubectl describe`
 * events, the container states at each `--at` instant, and the assumptions the prediction rests on.
 */
import { predictionSummary, type SimulationResult, type Snapshot } from '../../shared/sim';

const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s.padEnd(n));

function containerLine(c: Snapshot['containers'][number]): string {
  const state = c.state === null ? 'no status' : `${c.state}${c.reason ? ` (${c.reason})` : ''}`;
  const exit = c.exitCode === null ? '' : ` exit ${c.exitCode}`;
  const last = c.lastState
    ? `, last: ${c.lastState.reason} exit ${c.lastState.exitCode} at ${c.lastState.finishedAt}s`
    : '';
  const flags = `${c.ready ? 'ready' : 'not ready'}, restarts ${c.restartCount}`;
  return `    ${pad(`${c.name} [${c.type}]`, 28)}${state}${exit}; ${flags}${last}`;
}

/**
 * @example formatSimulationText(result, { file: 'pod.yaml', document: 0, at: [] }) // 'pod/web (pod.yaml, document 0) ...'
 */
export function formatSimulationText(
  result: SimulationResult,
  options: { file: string; document: number; at: readonly number[] },
): string {
  const lines: string[] = [];
  lines.push(`pod/${result.pod} (${options.file}, document ${options.document}), ${result.until} s simulated`);
  lines.push(`Prediction: ${predictionSummary(result)}`, '');
  lines.push(`${pad('TIME', 9)}${pad('STATUS', 26)}${pad('READY', 7)}${pad('RESTARTS', 16)}EVENTS`);
  const wanted = new Set(options.at);
  for (const step of result.steps) {
    const k = step.snapshot.kubectl;
    const time = `${step.t}s${step.after ? '+' : ''}`;
    const status = step.snapshot.exists ? k.STATUS : `${k.STATUS} (deleted)`;
    const row = `${pad(time, 9)}${pad(status, 26)}${pad(k.READY, 7)}${pad(k.RESTARTS, 16)}`;
    const events = step.events.map((e) => `${pad(e.type, 8)}${pad(e.reason, 20)}${pad(e.object, 30)}${e.message}`);
    lines.push(`${row}${events[0] ?? ''}`);
    for (const e of events.slice(1)) lines.push(`${' '.repeat(row.length)}${e}`);
    if (wanted.has(step.t) && !step.after) {
      lines.push(`    at ${step.t}s: phase ${step.snapshot.phase}`);
      for (const c of [...step.snapshot.initContainers, ...step.snapshot.containers]) lines.push(containerLine(c));
    }
  }
  const notes = Object.entries(result.assumptions?.notes ?? {});
  if (notes.length > 0) {
    lines.push('', 'Assumptions (override them with --scenario):');
    for (const [field, note] of notes) lines.push(`  ${field}: ${note}`);
  }
  return `${lines.join('\n')}\n`;
}
