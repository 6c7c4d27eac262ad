/**
 * The panel controller: takes the document text from the host, picks the pod document, simulates it with
 * the user's what-if overrides, and drives the views. A document that stops parsing (or a what-if the
 * simulation rejects) keeps the last good timeline on screen, greyed, with the reason in the notice.
 */

import { memoryWorkspace } from '../../shared/analysis/workspace/memory';
import type { WorkspaceObjects } from '../../shared/analysis/workspace/types';
import { DEFAULT_TARGET } from '../../shared/k8s/version/target';
import { parseManifests, resolvePod } from '../../shared/model';
import type { PanelState, ToWebview } from '../../shared/protocol/webview';
import { MAX_HEADLINE_LENGTH } from '../../shared/protocol/webview';
import { type FileObjects, fileObjects, parseScenario, predictionSummary, type Step } from '../../shared/sim';
import { assertNever } from '../../shared/util/assertNever';
import { formatSeconds } from './model/format';
import type { Overrides } from './model/overrides';
import { choosePodDocument, documentAtLine, firstProblem, type PodDocument, podDocuments } from './model/pods';
import { containerRange, eventRange } from './model/ranges';
import { describeErrors, runSimulation, type Simulation } from './model/simulation';
import {
  buildTimeline,
  type EventRow,
  findStep,
  type Lane,
  type Marker,
  stepAtTime,
  type Timeline,
} from './model/timeline';
import { bindKeys, Playback } from './playback';
import { AssumptionsView } from './render/assumptions';
import { Chart } from './render/chart';
import { h } from './render/dom';
import { EventsTable } from './render/events';
import { Header } from './render/header';
import { JobPodsView } from './render/jobPods';
import { EmptyState, Notice } from './render/notice';
import { Transport } from './render/transport';
import { WhatIfBanner } from './render/whatIfBanner';
import type { HostApi } from './vscodeApi';

interface Shown {
  doc: PodDocument;
  sim: Simulation;
  timeline: Timeline;
}

const SAVE_DELAY_MS = 200;

export class App {
  private state: PanelState | null = null;
  private parsedText: string | null = null;
  private docs: PodDocument[] = [];
  /** The Services, ConfigMaps and Secrets the previewed file defines. */
  private objects: FileObjects | undefined;
  /** The workspace objects the server says the file's pods can read; undefined without a server. */
  private workspace: WorkspaceObjects | undefined;
  private fileProblem: string | null = null;
  private shown: Shown | null = null;
  private index = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly playback: Playback;
  private readonly header: Header;
  private readonly notice = new Notice();
  private readonly empty = new EmptyState();
  private readonly transport: Transport;
  private readonly chart: Chart;
  private readonly events: EventsTable;
  private readonly assumptions: AssumptionsView;
  private readonly banner: WhatIfBanner;
  /** Says the current step aloud (screen readers): one polite live region, not one per cell. */
  private readonly announcer = h('div', {
    class: 'visually-hidden',
    'aria-live': 'polite',
    'data-testid': 'announcer',
  });
  private readonly jobPods = new JobPodsView();
  private readonly jobSection: HTMLDetailsElement;
  private readonly content: HTMLElement;
  /** Pinned to its document by the host (saved with the state, so the lock survives a reload). */
  private locked = false;
  /** The what-if state last reported to the host, so it hears of changes only. */
  private reportedWhatIf = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly host: HostApi,
  ) {
    this.playback = new Playback({
      count: () => this.shown?.timeline.steps.length ?? 0,
      index: () => this.index,
      timeOf: (i) => this.shown?.timeline.steps[i]?.t ?? 0,
      goTo: (i) => this.goTo(i),
      onPlayingChange: (playing) => this.transport.setPlaying(playing),
    });
    const step = (delta: number | 'first' | 'last') => () => this.step(delta);
    this.header = new Header((index) => this.pickDocument(index));
    this.transport = new Transport({
      first: step('first'),
      prev: step(-1),
      togglePlay: () => this.playback.toggle(),
      next: step(1),
      last: step('last'),
      seek: (f) => this.seek(f),
      setSpeed: (speed) => {
        this.playback.speed = speed;
        this.update({ speed });
      },
    });
    this.chart = new Chart({
      revealContainer: (lane) => this.host.post({ type: 'reveal', range: containerRange(lane.view) }),
      seekAndReveal: (lane, f, marker) => this.laneClicked(lane, f, marker),
      stepLane: (lane, direction) => this.stepLane(lane, direction),
      seek: (f) => this.seek(f),
    });
    this.events = new EventsTable((row) => this.eventClicked(row));
    const resetAll = () => this.setOverrides({});
    this.banner = new WhatIfBanner(resetAll);
    this.assumptions = new AssumptionsView({
      edit: (update) => this.setOverrides(update(this.overrides())),
      resetAll,
      exportScenario: () => this.exportScenario(),
      loadScenario: () => this.host.post({ type: 'loadScenario' }),
      toggleSection: (key, open) => this.toggleSection(key, open),
    });
    const section = (key: string, title: string, body: HTMLElement) => {
      const details = h(
        'details',
        { class: 'section', open: true, 'data-section': key },
        h('summary', {}, title),
        body,
      );
      details.addEventListener('toggle', () => this.toggleSection(`section:${key}`, details.open));
      return details;
    };
    this.jobSection = section('job', 'Job pods', this.jobPods.el);
    this.jobSection.hidden = true;
    this.content = h(
      'div',
      { class: 'content', id: 'content' },
      section('timeline', 'Containers', this.chart.el),
      this.jobSection,
      section('events', 'Events', this.events.el),
      section('assumptions', 'Assumptions (what-if)', this.assumptions.el),
    );
    root.replaceChildren(
      this.header.el,
      this.banner.el,
      this.notice.el,
      this.transport.el,
      this.empty.el,
      this.content,
      this.announcer,
    );
    root.removeAttribute('aria-busy');
    bindKeys(document, {
      first: step('first'),
      prev: step(-1),
      next: step(1),
      last: step('last'),
      togglePlay: () => this.playback.toggle(),
    });
    this.transport.setSpeed(this.playback.speed);
    this.showNothing('Loading…', '');
  }

  /** Draws the state saved before a reload at once, before the host has answered. */
  restore(state: PanelState): void {
    this.state = state;
    this.locked = state.locked ?? false;
    this.playback.speed = state.speed;
    this.transport.setSpeed(state.speed);
    this.applyCollapsed(state.collapsed);
    this.load({ index: state.documentIndex, cursorLine: null });
  }

  receive(message: ToWebview): void {
    switch (message.type) {
      case 'document': {
        const previous = this.state;
        this.state = {
          uri: message.uri,
          fileName: message.fileName,
          version: message.version,
          text: message.text,
          until: message.until,
          target: message.target,
          documentIndex: previous?.documentIndex ?? 0,
          at: previous?.uri === message.uri ? previous.at : null,
          overrides: previous?.uri === message.uri ? previous.overrides : {},
          speed: previous?.speed ?? this.playback.speed,
          collapsed: previous?.collapsed ?? [],
          locked: this.locked,
        };
        this.workspace = message.workspace && memoryWorkspace(message.workspace.objects, message.workspace.complete);
        this.load({ index: message.documentIndex, cursorLine: message.cursorLine });
        return;
      }
      case 'cursor': {
        const doc = documentAtLine(this.docs, message.line);
        if (doc && doc.index !== this.shown?.doc.index) this.pickDocument(doc.index);
        return;
      }
      case 'scenarioLoaded':
        this.scenarioLoaded(message.fileName, message.scenario);
        return;
      case 'unavailable':
        this.keepLastGood(message.reason);
        return;
      case 'panel':
        // It can come before the first document; the next state carries it.
        this.locked = message.locked;
        this.update({ locked: message.locked }, { now: true });
        return;
      default:
        assertNever(message, 'message');
    }
  }

  /** Parses the text if it changed, picks the pod document, simulates. */
  private load(want: { index: number | null; cursorLine: number | null }): void {
    const state = this.state;
    if (!state) return;
    if (state.text !== this.parsedText) {
      const file = parseManifests(state.text, { path: state.fileName });
      this.parsedText = state.text;
      this.docs = podDocuments(file);
      this.objects = fileObjects(file.documents);
      this.fileProblem = firstProblem(file);
    }
    const doc = choosePodDocument(this.docs, {
      ...want,
      previousKey: this.shown?.doc.key ?? null,
      previousIndex: state.documentIndex,
    });
    if (!doc) {
      this.keepLastGood(this.fileProblem ?? `${state.fileName} has no Pod or pod template.`);
      return;
    }
    this.update({ documentIndex: doc.index });
    this.simulate(doc);
  }

  private pickDocument(index: number): void {
    const doc = this.docs.find((d) => d.index === index);
    if (!doc) return;
    this.update({ documentIndex: index, at: null });
    this.simulate(doc);
  }

  private simulate(doc = this.docs.find((d) => d.index === this.state?.documentIndex)): void {
    const state = this.state;
    if (!state || !doc) return;
    if (doc.problem) {
      this.keepLastGood(`${doc.name}: ${doc.problem}`, doc);
      return;
    }
    const target = state.target ?? DEFAULT_TARGET;
    const sim = runSimulation(doc.pod, this.overrides(doc), state.until, this.objects, target, this.workspace);
    if (sim.result.steps.length === 0 || !sim.result.assumptions) {
      this.keepLastGood(describeErrors(sim.result), doc, sim.result.errors);
      return;
    }
    const timeline = buildTimeline(sim.result.steps, doc.pod, sim.result.until);
    this.shown = { doc, sim, timeline };
    this.empty.hide();
    this.header.el.hidden = false;
    this.content.hidden = false;
    this.root.classList.remove('stale');
    this.transport.setEnabled(true);
    if (sim.result.errors.length > 0) this.notice.show('error', describeErrors(sim.result));
    else this.notice.hide();
    this.header.setDocument(doc, this.docs, state.fileName);
    this.header.setKubelet(target);
    this.jobPods.setJob(sim.result.job);
    this.jobSection.hidden = !sim.result.job;
    this.header.setTimeline(timeline);
    this.chart.setTimeline(timeline);
    this.events.setTimeline(timeline);
    this.renderAssumptions([]);
    this.showWhatIf(predictionSummary(sim.result));
    this.index = -1;
    this.goTo(findStep(timeline.steps, state.at));
    this.playback.reschedule();
  }

  /**
   * Something prevents a fresh timeline: keep the last good one of the same pod, greyed, and say why;
   * with nothing to keep, show the reason alone.
   */
  private keepLastGood(reason: string, doc?: PodDocument, errors: Shown['sim']['result']['errors'] = []): void {
    const shown = this.shown;
    const same = shown && (!doc || shown.doc.key === doc.key || shown.doc.index === doc.index);
    if (!shown || !same) {
      this.shown = null;
      this.playback.stop();
      this.showNothing(doc ? `Cannot preview ${doc.name}` : 'Nothing to preview', reason);
      return;
    }
    this.root.classList.add('stale');
    this.notice.show('stale', `Showing the last good timeline. ${reason}`);
    if (errors.length > 0) this.renderAssumptions(errors);
  }

  private showNothing(title: string, detail: string): void {
    this.root.classList.remove('stale');
    this.header.el.hidden = true;
    this.content.hidden = true;
    this.transport.setEnabled(false);
    this.notice.hide();
    this.banner.set(0);
    this.empty.show(title, detail);
  }

  private renderAssumptions(errors: Shown['sim']['result']['errors']): void {
    const shown = this.shown;
    const assumptions = shown?.sim.result.assumptions;
    if (!shown || !assumptions) return;
    this.assumptions.render({
      assumptions,
      inferred: shown.sim.inferred,
      overrides: this.overrides(shown.doc),
      lanes: shown.timeline.lanes,
      gracePeriod: resolvePod(shown.doc.pod).gracePeriod.seconds,
      errors,
      collapsed: new Set(this.state?.collapsed ?? []),
    });
  }

  /**
   * The headline of the timeline on screen, the banner, and the host's CodeLens: all say whether edited
   * assumptions went into it, counted as the assumption editor marks them.
   */
  private showWhatIf(headline: string): void {
    const state = this.state;
    const doc = this.shown?.doc;
    if (!state || !doc) return;
    const changed = this.assumptions.editedCount();
    this.header.setPrediction(headline, changed > 0);
    this.banner.set(changed);
    const report = { type: 'whatIf', uri: state.uri, documentIndex: doc.index, changed, headline } as const;
    const key = JSON.stringify(report);
    if (key === this.reportedWhatIf) return;
    this.reportedWhatIf = key;
    this.host.post({ ...report, headline: headline.slice(0, MAX_HEADLINE_LENGTH) });
  }

  goTo(index: number): void {
    const shown = this.shown;
    if (!shown) return;
    const steps = shown.timeline.steps;
    const i = Math.max(0, Math.min(steps.length - 1, index));
    const step = steps[i];
    if (!step || i === this.index) return;
    this.index = i;
    this.header.setStep(step);
    this.transport.setStep(i, steps, shown.timeline.scale);
    this.chart.setStep(step, shown.timeline.scale.x(step.t));
    this.events.setStep(i);
    this.announce(step, i, steps.length);
    this.update({ at: { t: step.t, after: step.after } });
  }

  private announce(step: Step, index: number, count: number): void {
    const k = step.snapshot.kubectl;
    const status = step.snapshot.exists ? `${k.STATUS}, ready ${k.READY}, restarts ${k.RESTARTS}` : 'pod deleted';
    const at = `t = ${formatSeconds(step.t)}${step.after ? ', right after' : ''}`;
    this.announcer.textContent = `Step ${index + 1} of ${count}, ${at}: ${status}`;
  }

  private step(delta: number | 'first' | 'last'): void {
    const count = this.shown?.timeline.steps.length ?? 0;
    this.goTo(delta === 'first' ? 0 : delta === 'last' ? count - 1 : this.index + delta);
    this.playback.reschedule();
  }

  private seek(fraction: number): void {
    const shown = this.shown;
    if (!shown) return;
    this.goTo(stepAtTime(shown.timeline.steps, shown.timeline.scale.invert(fraction)));
    this.playback.reschedule();
  }

  private eventClicked(row: EventRow): void {
    const shown = this.shown;
    if (!shown) return;
    this.goTo(row.step);
    this.host.post({ type: 'reveal', range: eventRange(row, shown.timeline.steps[row.step], shown.doc.pod) });
  }

  private laneClicked(lane: Lane, fraction: number, marker: Marker | null): void {
    if (marker) this.goTo(marker.step);
    else this.seek(fraction);
    this.revealLane(lane, marker);
  }

  /** Reveals a lane's container, or the probe a probe-failure marker stands for. */
  private revealLane(lane: Lane, marker: Marker | null): void {
    const shown = this.shown;
    if (!shown) return;
    const row =
      marker?.kind === 'probe'
        ? shown.timeline.events.find(
            (e) => e.step === marker.step && e.event.reason === 'Unhealthy' && e.container?.name === lane.name,
          )
        : undefined;
    const range = row ? eventRange(row, shown.timeline.steps[row.step], shown.doc.pod) : containerRange(lane.view);
    this.host.post({ type: 'reveal', range });
  }

  /** The lane's next (or previous) change after the current step, wrapping around, then revealed as a click would. */
  private stepLane(lane: Lane, direction: 1 | -1): void {
    const changes = [...new Set([...lane.spans.map((sp) => sp.step), ...lane.markers.map((m) => m.step)])].sort(
      (a, b) => a - b,
    );
    const target =
      direction === 1
        ? (changes.find((i) => i > this.index) ?? changes[0])
        : (changes.findLast((i) => i < this.index) ?? changes[changes.length - 1]);
    if (target === undefined) return;
    this.goTo(target);
    this.playback.reschedule();
    this.revealLane(lane, lane.markers.find((m) => m.step === target && m.kind === 'probe') ?? null);
  }

  private overrides(doc = this.shown?.doc): Overrides {
    return (doc && (this.state?.overrides[doc.key] as Overrides | undefined)) ?? {};
  }

  private setOverrides(next: Overrides): void {
    const state = this.state;
    const doc = this.shown?.doc;
    if (!state || !doc) return;
    const all = { ...state.overrides };
    if (Object.keys(next).length === 0) delete all[doc.key];
    else all[doc.key] = next;
    this.update({ overrides: all });
    this.simulate(doc);
  }

  private exportScenario(): void {
    const shown = this.shown;
    const assumptions = shown?.sim.result.assumptions;
    if (!shown || !assumptions) return;
    const name = shown.doc.name.replace(/[^A-Za-z0-9._-]+/g, '-');
    this.host.post({ type: 'exportScenario', suggestedName: `${name}.scenario.json`, scenario: { ...assumptions } });
  }

  private scenarioLoaded(fileName: string, scenario: unknown): void {
    const shown = this.shown;
    if (!shown) return;
    const parsed = parseScenario(scenario);
    if (!parsed.ok) {
      this.notice.show(
        'error',
        `${fileName} is not a valid scenario: ${parsed.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      );
      return;
    }
    const { notes: _, ...overrides } = scenario as Overrides & { notes?: unknown };
    const names = new Set(shown.timeline.lanes.map((l) => l.name));
    const unknown = Object.keys(parsed.scenario.containers ?? {}).filter((n) => !names.has(n));
    this.setOverrides(overrides);
    const ignored = unknown.length > 0 ? ` Ignored containers not in this pod: ${unknown.join(', ')}.` : '';
    if (!this.root.classList.contains('stale')) this.notice.show('info', `Loaded the scenario ${fileName}.${ignored}`);
  }

  private toggleSection(key: string, open: boolean): void {
    const collapsed = new Set(this.state?.collapsed ?? []);
    if (open) collapsed.delete(key);
    else collapsed.add(key);
    this.update({ collapsed: [...collapsed] });
  }

  private applyCollapsed(collapsed: readonly string[]): void {
    for (const details of this.content.querySelectorAll<HTMLDetailsElement>('details.section')) {
      details.open = !collapsed.includes(`section:${details.dataset.section}`);
    }
  }

  /**
   * Updates the persisted state; saving is coalesced, as playback changes it several times a second, except
   * for a change the user expects to survive an immediate reload (`now`).
   */
  private update(patch: Partial<PanelState>, { now = false } = {}): void {
    if (!this.state) return;
    this.state = { ...this.state, ...patch };
    clearTimeout(this.saveTimer);
    if (now) this.host.saveState(this.state);
    else this.saveTimer = setTimeout(() => this.state && this.host.saveState(this.state), SAVE_DELAY_MS);
  }
}
