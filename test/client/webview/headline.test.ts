// Issue 15: the panel's headline (and the CodeLens, which shows the same summary) agrees with the timeline the
// lanes draw, for every simulation fixture, every example and every what-if the panel's assumption editor offers
// (each run mode and probe answer per container, an image that is not cached or cannot be pulled). The checks
// read the timeline only (lanes, markers, condition rows), never the summary's own code path.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formToProbe, formToRun, PROBE_MODES, RUN_MODES } from '../../../client/webview/model/facts';
import type { Overrides } from '../../../client/webview/model/overrides';
import { type PodDocument, podDocuments } from '../../../client/webview/model/pods';
import { runSimulation } from '../../../client/webview/model/simulation';
import { buildTimeline, type Timeline } from '../../../client/webview/model/timeline';
import { parseManifests } from '../../../shared/model';
import { predictionSummary } from '../../../shared/sim';
import { FIXTURES, loadCases } from '../../shared/sim/checkSim';

const ROOT = path.resolve(__dirname, '../../..');

interface Case {
  name: string;
  doc: PodDocument;
  overrides: Overrides;
  until: number;
}

function docsOf(text: string): PodDocument[] {
  return podDocuments(parseManifests(text)).filter((d) => !d.problem);
}

function baseCases(): Case[] {
  const out: Case[] = [];
  for (const file of fs
    .readdirSync(path.join(FIXTURES, 'sim'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    for (const c of loadCases(file)) {
      const text = c.manifest ?? (c.manifestFile ? fs.readFileSync(path.join(FIXTURES, c.manifestFile), 'utf8') : '');
      const scenario = (c.scenario ?? {}) as Overrides;
      for (const doc of docsOf(text)) {
        out.push({ name: `${file}: ${c.name}`, doc, overrides: scenario, until: c.options?.until ?? 900 });
      }
    }
  }
  for (const file of fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    for (const doc of docsOf(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8'))) {
      out.push({ name: `examples/${file}#${doc.index}`, doc, overrides: {}, until: 900 });
    }
  }
  return out;
}

/** The what-ifs the assumption editor offers for a pod, as it writes them (from the default form values). */
function presets(doc: PodDocument): [string, Overrides][] {
  const out: [string, Overrides][] = [];
  for (const view of [...doc.pod.initContainers, ...doc.pod.containers]) {
    const name = view.name.kind === 'value' ? view.name.value : '';
    for (const mode of RUN_MODES) {
      const run = formToRun({ mode: mode.value, exitCode: 1, afterSeconds: 5, memory: '' });
      out.push([`${name} ${mode.label}`, { containers: { [name]: { runs: [run] } } }]);
    }
    const probes = { startup: view.startupProbe, liveness: view.livenessProbe, readiness: view.readinessProbe };
    for (const [type, probe] of Object.entries(probes)) {
      if (!probe) continue;
      for (const mode of PROBE_MODES) {
        out.push([
          `${name} ${type} ${mode.label}`,
          { containers: { [name]: { probes: { [type]: formToProbe(mode.value, 20, undefined) } } } },
        ]);
      }
    }
    if (view.image.kind === 'value') {
      const image = view.image.value;
      out.push([`${image} not cached, pull fails`, { images: { [image]: { present: false, pullable: false } } }]);
    }
  }
  return out;
}

/** What the lanes and condition rows show, read from the timeline alone. */
function drawn(timeline: Timeline) {
  const restarts = timeline.lanes
    .flatMap((l) => l.markers.filter((m) => m.kind === 'restart').map((m) => ({ lane: l.name, t: m.t })))
    .sort((a, b) => a.t - b.t);
  // The Ready row from the steps it is drawn from: a change at the horizon itself has no width to draw.
  const ready = timeline.steps.map((s) => ({ t: s.t, status: s.snapshot.conditions.Ready?.status === true }));
  const crashLanes = timeline.lanes.filter((l) => l.spans.some((s) => s.reason === 'CrashLoopBackOff'));
  const last = timeline.steps[timeline.steps.length - 1]?.snapshot;
  return { restarts, ready, crashLanes, last };
}

/** Every disagreement between a headline and its timeline; empty when they agree. */
function disagreements(headline: string, timeline: Timeline): string[] {
  const { restarts, ready, crashLanes, last } = drawn(timeline);
  const problems: string[] = [];
  const final = /^(Cannot simulate|Pending: Unschedulable|SchedulingGated|Failed:|Fails:)/.test(headline);
  const crashLooping = /CrashLoopBackOff|crash-looping/.test(headline);
  if (restarts.length > 0 && !final && !/restart/.test(headline) && !crashLooping) {
    problems.push(`the lanes restart ${restarts[0]?.lane} at ${restarts[0]?.t} s; the headline does not say so`);
  }
  const restartAt = /restarts? at (\d+(?:\.\d+)?) s|first at (\d+(?:\.\d+)?) s/.exec(headline);
  if (restartAt && Number(restartAt[1] ?? restartAt[2]) !== restarts[0]?.t) {
    problems.push(
      `the headline puts the first restart at ${restartAt[1] ?? restartAt[2]} s, the lanes at ${restarts[0]?.t}`,
    );
  }
  if (crashLanes.length > 0 && !final && !crashLooping) {
    problems.push(`${crashLanes[0]?.name} shows CrashLoopBackOff; the headline does not`);
  }
  const crash = /CrashLoopBackOff predicted for (\S+)/.exec(headline);
  if (crash && !crashLanes.some((l) => l.name === crash[1])) problems.push(`no CrashLoopBackOff span on ${crash[1]}`);
  const readyIn = /^Ready (?:in ~|at )(\d+(?:\.\d+)?) s/.exec(headline);
  const firstReady = ready.find((s) => s.status)?.t;
  if (readyIn && Number(readyIn[1]) !== firstReady) {
    problems.push(`the headline says Ready at ${readyIn[1]} s, the Ready row turns true at ${firstReady}`);
  }
  const endsReady = ready[ready.length - 1]?.status === true;
  if (/^Ready in ~/.test(headline) && !endsReady && last?.exists !== false) {
    problems.push('the headline says Ready, the Ready row ends false');
  }
  if (/^Pending/.test(headline) && firstReady !== undefined) problems.push('Pending, yet the Ready row turns true');
  const completed = /Complete[sd] in ~?(\d+(?:\.\d+)?) s/.exec(headline);
  if (completed && !timeline.steps.some((s) => s.t === Number(completed[1]) && s.snapshot.phase === 'Succeeded')) {
    problems.push(`no Succeeded step at ${completed[1]} s`);
  }
  return problems;
}

function check(c: Case, overrides: Overrides): string[] {
  const sim = runSimulation(c.doc.pod, overrides, c.until);
  if (sim.result.steps.length === 0) return [];
  const timeline = buildTimeline(sim.result.steps, c.doc.pod, sim.result.until);
  const headline = predictionSummary(sim.result);
  return disagreements(headline, timeline).map((p) => `${headline} — ${p}`);
}

const CASES = baseCases();

describe('the headline agrees with the timeline', () => {
  it('covers every fixture and example', () => {
    expect(CASES.length).toBeGreaterThan(100);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s, as given', (_, c) => {
    expect(check(c, c.overrides)).toEqual([]);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s, under every what-if preset', (_, c) => {
    const bad = presets(c.doc).flatMap(([name, preset]) => check(c, preset).map((p) => `${name}: ${p}`));
    expect(bad).toEqual([]);
  });

  it('catches a headline that hides a restart the lanes draw', () => {
    const liveness = loadCases('probes.yaml')[0];
    const doc = docsOf(liveness?.manifest ?? '')[0] as PodDocument;
    const sim = runSimulation(doc.pod, liveness?.scenario as Overrides, 40);
    const timeline = buildTimeline(sim.result.steps, doc.pod, sim.result.until);
    expect(drawn(timeline).restarts.length).toBeGreaterThan(0);
    expect(disagreements('Ready in ~2 s', timeline)).not.toEqual([]);
    expect(disagreements(predictionSummary(sim.result), timeline)).toEqual([]);
    expect(predictionSummary(sim.result)).toMatch(/restarts at 40 s$/);
  });
});
