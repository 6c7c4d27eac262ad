/**
 * The Job controller's pods one after another (Job and CronJob documents): when each was created and ended,
 * how, and the Job's final condition. The lanes above show the first pod; this lists them all.
 */
import type { JobResult } from '../../../shared/sim';
import { h } from './dom';

const COLUMNS = ['Pod', 'Index', 'Created', 'Ended', 'Phase', 'Exit'];

function outcome(job: JobResult): string {
  const end = job.conditions.find((c) => c.type === 'Complete' || c.type === 'Failed');
  if (job.pods.length === 0) return 'Suspended: the Job creates no pods.';
  if (!end) return 'The Job has not finished within the simulated time.';
  return `${end.type} (${end.reason}) at ${end.t} s: ${end.message}`;
}

function row(p: JobResult['pods'][number]): HTMLElement {
  const exit = p.exit ? `${p.exit.container} exit ${p.exit.exitCode} (${p.exit.reason})` : '';
  const extra = [p.action && p.action !== 'Count' ? p.action : '', p.restarts > 0 ? `${p.restarts} restarts` : '']
    .filter(Boolean)
    .join(', ');
  const cells = [
    p.name,
    p.index === null ? '–' : String(p.index),
    `${p.createdAt} s`,
    p.endedAt === null ? '–' : `${p.endedAt} s`,
    p.phase,
    [exit, extra].filter(Boolean).join('; '),
  ];
  return h('tr', { 'data-testid': 'job-pod', 'data-phase': p.phase }, ...cells.map((c) => h('td', {}, c)));
}

export class JobPodsView {
  readonly el = h('div', { class: 'job-pods', 'data-testid': 'job-pods' });

  /** Renders the Job's pods; an empty view for documents that are not Jobs. */
  setJob(job: JobResult | undefined): void {
    if (!job) {
      this.el.replaceChildren();
      return;
    }
    const table = h(
      'table',
      { class: 'kubectl', 'aria-label': `Pods of Job ${job.name}, in creation order` },
      h('thead', {}, h('tr', {}, ...COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...job.pods.map(row)),
    );
    this.el.replaceChildren(
      h('p', { class: 'job-outcome', 'data-testid': 'job-outcome' }, outcome(job)),
      h('div', { class: 'kubectl-wrap' }, table),
    );
  }
}
