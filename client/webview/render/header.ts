/**
 * The panel header: pod name, kind (and the workload it came from), the prediction in one line, and the
 * `kubectl get pods` columns of the current step exactly as the simulation printed them. Column widths
 * are fixed per timeline (the widest value over all steps), so stepping never reflows the header.
 */
import { type KubernetesTarget, versionLabel } from '../../../shared/k8s/version/target';
import type { Step } from '../../../shared/sim';
import { AFTER_MARK, AFTER_MARK_EXPLAINED, formatCompact, formatSeconds } from '../model/format';
import type { PodDocument } from '../model/pods';
import type { Timeline } from '../model/timeline';
import { h, icon, setText } from './dom';

const COLUMNS = ['READY', 'STATUS', 'RESTARTS', 'AGE'] as const;

export class Header {
  readonly el: HTMLElement;
  private readonly name = h('h1', { class: 'pod-name', id: 'pod-name', 'data-testid': 'pod-name' });
  private readonly kind = h('span', { class: 'pod-kind', id: 'pod-kind', 'data-testid': 'pod-kind' });
  private readonly file = h('span', { class: 'pod-file' });
  /** The kubelet version the timeline follows (podlens.kubernetesVersion). */
  private readonly kubelet = h('span', { class: 'pod-kubelet', id: 'pod-kubelet', 'data-testid': 'pod-kubelet' });
  private readonly summary = h('p', { class: 'prediction', id: 'prediction' });
  private readonly headline = h('span', { 'data-testid': 'prediction' });
  private readonly whatIf = h('span', { class: 'what-if-tag', 'data-testid': 'prediction-what-if', hidden: true });
  private readonly picker = h('select', {
    class: 'doc-picker',
    'aria-label': 'Pod document',
    'data-testid': 'doc-picker',
  });
  private readonly cells: Record<(typeof COLUMNS)[number], HTMLTableCellElement>;
  private readonly heads: Record<(typeof COLUMNS)[number], HTMLTableCellElement>;
  private readonly phase = h('span', { id: 'pod-phase', 'data-testid': 'pod-phase' });
  private readonly time = h('span', { id: 'pod-time', 'data-testid': 'pod-time' });

  constructor(onPick: (index: number) => void) {
    this.heads = {
      READY: h('th', { scope: 'col' }, 'READY'),
      STATUS: h('th', { scope: 'col' }, 'STATUS'),
      RESTARTS: h('th', { scope: 'col' }, 'RESTARTS'),
      AGE: h('th', { scope: 'col' }, 'AGE'),
    };
    this.cells = {
      READY: h('td', { id: 'pod-ready', 'data-testid': 'pod-ready' }),
      STATUS: h('td', { id: 'pod-status', 'data-testid': 'pod-status' }),
      RESTARTS: h('td', { id: 'pod-restarts', 'data-testid': 'pod-restarts' }),
      AGE: h('td', { id: 'pod-age', 'data-testid': 'pod-age' }),
    };
    const table = h(
      'table',
      { class: 'kubectl', 'aria-label': 'kubectl get pods at the current step' },
      h('thead', {}, h('tr', {}, ...COLUMNS.map((c) => this.heads[c]))),
      h('tbody', {}, h('tr', {}, ...COLUMNS.map((c) => this.cells[c]))),
    );
    this.picker.addEventListener('change', () => onPick(Number(this.picker.value)));
    this.summary.append(this.headline, this.whatIf);
    this.el = h(
      'header',
      { class: 'pod-header' },
      h('div', { class: 'title-row' }, icon('vm-running', 'title-icon'), this.name, this.kind, this.picker),
      h('div', { class: 'meta-row' }, this.file, this.kubelet, this.summary),
      h('div', { class: 'kubectl-wrap' }, table),
      h(
        'div',
        { class: 'phase-row' },
        h('span', { class: 'label' }, 'Phase'),
        this.phase,
        h('span', { class: 'sep' }, '·'),
        this.time,
      ),
    );
    this.picker.hidden = true;
  }

  /** `kubelet v1.31`, and the feature gates set against that version's defaults. */
  setKubelet(target: KubernetesTarget): void {
    const gates = Object.entries(target.featureGates).map(([g, on]) => `${g}=${on}`);
    setText(this.kubelet, `kubelet ${versionLabel(target.minor)}${gates.length > 0 ? ` (${gates.join(', ')})` : ''}`);
  }

  setDocument(doc: PodDocument, docs: readonly PodDocument[], fileName: string): void {
    setText(this.name, doc.name);
    this.name.title = doc.name;
    setText(this.kind, doc.kind === 'Pod' ? 'Pod' : `${doc.kind} pod template`);
    setText(this.file, `${fileName} · document ${doc.index + 1}`);
    this.picker.hidden = docs.length < 2;
    this.picker.replaceChildren(
      ...docs.map((d) => h('option', { value: d.index, selected: d.index === doc.index }, `${d.kind} ${d.name}`)),
    );
  }

  /** The headline of the timeline shown; `whatIf` when the user's edited assumptions went into it. */
  setPrediction(text: string, whatIf: boolean): void {
    setText(this.headline, text);
    this.whatIf.hidden = !whatIf;
    setText(this.whatIf, whatIf ? ' (with what-if)' : '');
  }

  setTimeline(timeline: Timeline): void {
    for (const c of COLUMNS) {
      // `ch` widths from the widest value of the whole timeline: no reflow while stepping.
      this.cells[c].style.minWidth = `${Math.max(timeline.widths[c], c.length)}ch`;
    }
    this.phase.style.minWidth = `${timeline.widths.phase}ch`;
  }

  setStep(step: Step): void {
    const k = step.snapshot.kubectl;
    setText(this.cells.READY, k.READY);
    setText(this.cells.STATUS, step.snapshot.exists ? k.STATUS : '(deleted)');
    setText(this.cells.RESTARTS, k.RESTARTS);
    setText(this.cells.AGE, formatCompact(step.t));
    this.cells.STATUS.dataset.status = statusTone(step);
    setText(this.phase, step.snapshot.exists ? step.snapshot.phase : 'gone');
    // The superscript plus (AFTER_MARK) is its own element, so it carries the explanation as a tooltip and a spoken name.
    const mark = step.after
      ? h('span', { class: 'after-mark', title: AFTER_MARK_EXPLAINED, 'aria-label': ' (right after)' }, AFTER_MARK)
      : null;
    this.time.replaceChildren(`t = ${formatSeconds(step.t)}`, ...(mark ? [mark] : []));
    this.time.title = step.after ? AFTER_MARK_EXPLAINED : '';
  }
}

/** The STATUS colour: good, in progress, or bad. */
function statusTone(step: Step): 'ok' | 'progress' | 'bad' | 'gone' {
  const { STATUS, READY } = step.snapshot.kubectl;
  if (!step.snapshot.exists) return 'gone';
  if (/Err|BackOff|Error|OOM|Failed|Invalid|Unknown|Evicted|Out/.test(STATUS)) return 'bad';
  const [ready, total] = READY.split('/');
  if ((STATUS === 'Running' && ready === total) || STATUS === 'Completed') return 'ok';
  return 'progress';
}
