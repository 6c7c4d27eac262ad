/**
 * The transport bar: first / previous / play-pause / next / last, a scrubber over simulated time (on the
 * same scale as the lanes), the step counter and the playback speed. Buttons carry stable test ids.
 */
import { PLAYBACK_SPEEDS } from '../../../shared/protocol/webview';
import type { Step } from '../../../shared/sim';
import { formatSeconds } from '../model/format';
import type { TimeScale } from '../model/scale';
import { h, icon, setText } from './dom';

export interface TransportActions {
  first(): void;
  prev(): void;
  togglePlay(): void;
  next(): void;
  last(): void;
  /** Scrubber moved to this fraction of the time axis. */
  seek(fraction: number): void;
  setSpeed(speed: number): void;
}

const SCRUB_MAX = 1000;

function button(id: string, label: string, glyph: string, keys: string, onClick: () => void): HTMLButtonElement {
  const b = h(
    'button',
    { type: 'button', class: 'icon-button', id, 'data-testid': id, 'aria-label': label, title: `${label} (${keys})` },
    icon(glyph),
  );
  b.addEventListener('click', onClick);
  return b;
}

export class Transport {
  readonly el: HTMLElement;
  private readonly firstBtn: HTMLButtonElement;
  private readonly prevBtn: HTMLButtonElement;
  private readonly playBtn: HTMLButtonElement;
  private readonly nextBtn: HTMLButtonElement;
  private readonly lastBtn: HTMLButtonElement;
  private readonly scrubber: HTMLInputElement;
  private readonly counter = h('span', { class: 'step-counter', id: 'step-counter', 'data-testid': 'step-counter' });
  private readonly speed: HTMLSelectElement;

  constructor(actions: TransportActions) {
    this.firstBtn = button('step-first', 'First step', 'debug-reverse-continue', 'Home', actions.first);
    this.prevBtn = button('step-prev', 'Previous step', 'chevron-left', '←', actions.prev);
    this.playBtn = button('play', 'Play', 'play', 'Space', actions.togglePlay);
    this.nextBtn = button('step-next', 'Next step', 'chevron-right', '→', actions.next);
    this.lastBtn = button('step-last', 'Last step', 'debug-continue', 'End', actions.last);
    this.scrubber = h('input', {
      type: 'range',
      class: 'scrubber',
      id: 'scrubber',
      'data-testid': 'scrubber',
      min: 0,
      max: SCRUB_MAX,
      step: 1,
      value: 0,
      'aria-label': 'Simulated time',
    });
    this.scrubber.addEventListener('input', () => actions.seek(Number(this.scrubber.value) / SCRUB_MAX));
    this.speed = h(
      'select',
      { class: 'speed', id: 'speed', 'data-testid': 'speed', 'aria-label': 'Playback speed', title: 'Playback speed' },
      ...PLAYBACK_SPEEDS.map((s) => h('option', { value: s }, `${s}×`)),
    );
    this.speed.addEventListener('change', () => actions.setSpeed(Number(this.speed.value)));
    this.el = h(
      'section',
      { class: 'transport', 'aria-label': 'Timeline playback' },
      h(
        'div',
        { class: 'transport-row' },
        h(
          'div',
          { class: 'buttons', role: 'group', 'aria-label': 'Step controls' },
          this.firstBtn,
          this.prevBtn,
          this.playBtn,
          this.nextBtn,
          this.lastBtn,
        ),
        this.counter,
        this.speed,
      ),
      this.scrubber,
    );
  }

  setSpeed(speed: number): void {
    this.speed.value = String(speed);
  }

  setPlaying(playing: boolean): void {
    const label = playing ? 'Pause' : 'Play';
    this.playBtn.setAttribute('aria-label', label);
    this.playBtn.title = `${label} (Space)`;
    this.playBtn.setAttribute('aria-pressed', String(playing));
    const glyph = this.playBtn.firstElementChild as HTMLElement;
    glyph.className = `codicon codicon-${playing ? 'debug-pause' : 'play'}`;
  }

  setStep(index: number, steps: readonly Step[], scale: TimeScale): void {
    const step = steps[index];
    if (!step) return;
    const last = steps.length - 1;
    this.firstBtn.disabled = this.prevBtn.disabled = index <= 0;
    this.nextBtn.disabled = this.lastBtn.disabled = index >= last;
    setText(this.counter, `${index + 1} / ${steps.length}`);
    const value = String(Math.round(scale.x(step.t) * SCRUB_MAX));
    if (this.scrubber.value !== value) this.scrubber.value = value;
    this.scrubber.setAttribute(
      'aria-valuetext',
      // The header shows the time with its superscript plus (AFTER_MARK); a screen reader hears it in words.
      `t = ${formatSeconds(step.t)}${step.after ? ', right after' : ''}, step ${index + 1} of ${steps.length}`,
    );
  }

  setEnabled(enabled: boolean): void {
    for (const b of [this.firstBtn, this.prevBtn, this.playBtn, this.nextBtn, this.lastBtn]) b.disabled = !enabled;
    this.scrubber.disabled = !enabled;
  }
}
