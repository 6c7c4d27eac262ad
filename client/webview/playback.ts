/**
 * Playback and keyboard control of the current step. Playing advances step by step, waiting the simulated
 * gap divided by the speed, clamped so back-offs of minutes stay watchable and instants stay visible.
 */

const MIN_DELAY_MS = 250;
const MAX_DELAY_MS = 1500;

export interface Stepper {
  count(): number;
  index(): number;
  /** Simulated time of a step. */
  timeOf(index: number): number;
  goTo(index: number): void;
  onPlayingChange(playing: boolean): void;
}

export class Playback {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private playingNow = false;
  speed = 5;

  constructor(private readonly stepper: Stepper) {}

  get playing(): boolean {
    return this.playingNow;
  }

  toggle(): void {
    if (this.playingNow) this.stop();
    else this.play();
  }

  play(): void {
    const last = this.stepper.count() - 1;
    if (last <= 0) return;
    if (this.stepper.index() >= last) this.stepper.goTo(0);
    this.playingNow = true;
    this.stepper.onPlayingChange(true);
    this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    if (!this.playingNow) return;
    this.playingNow = false;
    this.stepper.onPlayingChange(false);
  }

  /** After a manual step or a re-simulation: keep playing from the new position. */
  reschedule(): void {
    if (this.playingNow) this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const i = this.stepper.index();
    if (i >= this.stepper.count() - 1) {
      this.stop();
      return;
    }
    const gap = this.stepper.timeOf(i + 1) - this.stepper.timeOf(i);
    const delay = Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, (gap * 1000) / this.speed));
    this.timer = setTimeout(() => {
      this.stepper.goTo(i + 1);
      this.schedule();
    }, delay);
  }
}

export interface KeyActions {
  first(): void;
  prev(): void;
  next(): void;
  last(): void;
  togglePlay(): void;
}

/** Whether a key press belongs to a form control rather than to the timeline. */
function ownedByControl(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return target.type !== 'range';
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement || target.isContentEditable)
    return true;
  // Space and Enter activate buttons, summaries and event rows natively.
  return (
    key === ' ' && (target instanceof HTMLButtonElement || target.tagName === 'SUMMARY' || target.tagName === 'TR')
  );
}

/** ←/→ step, Home/End jump, Space plays or pauses; also on the scrubber, where they step instead of nudging. */
export function bindKeys(target: Document, actions: KeyActions): void {
  target.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownedByControl(e.target, e.key)) return;
    const action = {
      ArrowLeft: actions.prev,
      ArrowRight: actions.next,
      Home: actions.first,
      End: actions.last,
      ' ': actions.togglePlay,
    }[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  });
}
