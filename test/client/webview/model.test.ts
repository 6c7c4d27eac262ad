// The lifecycle panel's pure helpers (issue 6): time scale, formatting, overrides, assumption forms, pod
// document choice, reveal ranges and the simulation wrapper.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formToProbe,
  formToRun,
  noteFor,
  probeToForm,
  readNumber,
  runToForm,
} from '../../../client/webview/model/facts';
import { formatCompact, formatSeconds, formatStepTime } from '../../../client/webview/model/format';
import { deleteIn, getIn, isEdited, pruneOverrides, setIn } from '../../../client/webview/model/overrides';
import { choosePodDocument, podDocuments } from '../../../client/webview/model/pods';
import { containerRange, eventRange } from '../../../client/webview/model/ranges';
import { axisEnd, makeScale } from '../../../client/webview/model/scale';
import { runSimulation } from '../../../client/webview/model/simulation';
import { buildTimeline } from '../../../client/webview/model/timeline';
import { memoryWorkspace } from '../../../shared/analysis/workspace/memory';
import { parseManifests } from '../../../shared/model';
import { workspaceFactsSchema } from '../../../shared/protocol/workspace';
import { fileObjects } from '../../../shared/sim';

const example = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../../examples', name), 'utf8');
const podOf = (text: string) => {
  const pod = parseManifests(text).documents[0]?.pod;
  if (!pod) throw new Error('fixture has no pod');
  return pod;
};

describe('time scale', () => {
  it('is linear up to two minutes and round-trips positions', () => {
    const s = makeScale(40);
    expect(s.logarithmic).toBe(false);
    expect(s.x(20)).toBeCloseTo(0.5);
    expect(s.invert(0.25)).toBeCloseTo(10);
    expect(s.ticks.map((t) => t.label)).toEqual(['0s', '5s', '10s', '15s', '20s', '25s', '30s', '35s', '40s']);
  });

  it('is logarithmic beyond, with readable, non-overlapping ticks', () => {
    const s = makeScale(900);
    expect(s.logarithmic).toBe(true);
    expect(s.x(10)).toBeGreaterThan(0.1);
    for (const t of [1, 10, 75, 600]) expect(s.invert(s.x(t))).toBeCloseTo(t, 6);
    const xs = s.ticks.map((t) => t.x);
    for (let i = 1; i < xs.length; i++) expect((xs[i] as number) - (xs[i - 1] as number)).toBeGreaterThanOrEqual(0.1);
    expect(s.x(2000)).toBe(1);
  });

  it.each([
    [14, 900, 16],
    [0, 900, 5],
    [600, 900, 648],
    [900, 900, 900],
  ])('axisEnd(%d, %d) = %d', (last, until, end) => expect(axisEnd(last, until)).toBe(end));
});

describe('format', () => {
  it.each([
    [0, '0 s', '0s'],
    [2.5, '2.5 s', '2.5s'],
    [80, '1 min 20 s', '80s'],
    [125, '2 min 5 s', '2m5s'],
    [900, '15 min', '15m'],
    [3900, '1 h 5 min', '1h5m'],
  ])('%d s', (t, long, compact) => {
    expect(formatSeconds(t)).toBe(long);
    expect(formatCompact(t)).toBe(compact);
  });

  it('marks the kubelet reaction at the same instant', () => {
    expect(formatStepTime(12, true)).toBe('t = 12 s⁺');
  });
});

describe('overrides', () => {
  it('sets, reads and deletes by fact path without touching the input', () => {
    const o = setIn({}, ['containers', 'app', 'runs'], [{ forever: true }]);
    expect(getIn(o, ['containers', 'app', 'runs'])).toEqual([{ forever: true }]);
    expect(isEdited(o, ['containers', 'app', 'runs'])).toBe(true);
    const both = setIn(o, ['containers', 'app', 'onSigterm'], 'ignore');
    expect(deleteIn(both, ['containers', 'app', 'runs'])).toEqual({ containers: { app: { onSigterm: 'ignore' } } });
    expect(deleteIn(o, ['containers', 'app', 'runs'])).toEqual({});
    expect(o).toEqual({ containers: { app: { runs: [{ forever: true }] } } });
  });

  it('prunes containers, probes, hooks and images the manifest no longer has', () => {
    const pod = podOf(example('readiness-probe.yaml'));
    const pruned = pruneOverrides(
      {
        containers: {
          'web-server': {
            probes: { readiness: { always: 'failure' }, liveness: { always: 'failure' } },
            preStop: { result: 'failure' },
          },
          gone: { runs: [{ forever: true }] },
        },
        images: { 'nginx:1.27': { present: true }, 'old:1': { present: true } },
        until: 60,
      },
      pod,
    );
    expect(pruned).toEqual({
      containers: { 'web-server': { probes: { readiness: { always: 'failure' } } } },
      images: { 'nginx:1.27': { present: true } },
      until: 60,
    });
  });
});

describe('assumption forms', () => {
  it.each([
    [{ forever: true as const }, 'forever'],
    [{ exitCode: 3, afterSeconds: 4 }, 'exit'],
    [{ oom: true as const, afterSeconds: 30 }, 'oom'],
    [{ memory: '2Gi', afterSeconds: 10 }, 'memory'],
  ])('round-trips the run %j', (run, mode) => {
    const form = runToForm(run);
    expect(form.mode).toBe(mode);
    expect(formToRun(form)).toEqual(run);
  });

  it('round-trips probe answers and keeps the response time', () => {
    expect(probeToForm({ successFromAge: 20 })).toEqual({ mode: 'successFromAge', seconds: 20 });
    expect(formToProbe('healthyWhileAgeBelow', 60, { always: 'success', responseSeconds: 2 })).toEqual({
      healthyWhileAgeBelow: 60,
      responseSeconds: 2,
    });
    expect(formToProbe('failure', 0, undefined)).toEqual({ always: 'failure' });
  });

  it('finds a note by the fact path, then its parents', () => {
    const notes = { 'containers.app.runs': 'inferred: exits 1', 'node.allocatable': 'default: cpu 4' };
    expect(noteFor(notes, ['containers', 'app', 'runs'])).toBe('inferred: exits 1');
    expect(noteFor(notes, ['node', 'allocatable', 'cpu'])).toBe('default: cpu 4');
    expect(noteFor(notes, ['until'])).toBeNull();
  });

  it.each([
    ['12', 12],
    ['1.5', 1.5],
    ['', null],
    ['-1', null],
    ['abc', null],
  ])('reads %j as %j', (text, n) => expect(readNumber(text)).toBe(n));
});

describe('pod documents', () => {
  const text = example('image-pull-policy.yaml');
  const docs = podDocuments(parseManifests(text));

  it('lists Pods and workload templates with a key that survives edits', () => {
    expect(docs.map((d) => d.key)).toEqual([
      'Pod/image-pull-policy-latest',
      'Pod/image-pull-policy-no-tag',
      'Pod/image-pull-policy-tag',
    ]);
  });

  it('picks the requested index, else the cursor document, else the previous pod, else the first', () => {
    const want = { index: null, cursorLine: null, previousKey: null, previousIndex: null };
    const third = docs[2]?.range.start.line ?? 0;
    expect(choosePodDocument(docs, { ...want, index: 1 })?.index).toBe(1);
    expect(choosePodDocument(docs, { ...want, cursorLine: third + 1 })?.index).toBe(2);
    expect(choosePodDocument(docs, { ...want, previousKey: 'Pod/image-pull-policy-no-tag' })?.index).toBe(1);
    expect(choosePodDocument(docs, want)?.index).toBe(0);
  });

  it('reports a YAML error with its line', () => {
    const broken = podDocuments(
      parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: [\n'),
    );
    expect(broken[0]?.problem ?? '').toMatch(/^line \d+: /);
  });
});

describe('reveal ranges', () => {
  const text = example('readiness-probe.yaml');
  const pod = podOf(text);
  const { result } = runSimulation(
    pod,
    { containers: { 'web-server': { probes: { readiness: { always: 'failure' } } } } },
    900,
  );
  const t = buildTimeline(result.steps, pod, result.until);
  const lines = text.split('\n');
  const row = (reason: string) => {
    const r = t.events.find((e) => e.event.reason === reason);
    if (!r) throw new Error(`no ${reason} event`);
    return eventRange(r, t.steps[r.step], pod);
  };

  it('reveals the image for a pull, the probe for Unhealthy, the name for a lane', () => {
    expect(lines[row('Pulling').start.line]).toBe('      image: nginx:1.27');
    expect(lines[row('Unhealthy').start.line]?.trim()).toBe('readinessProbe:');
    const lane = t.lanes[0];
    expect(lane && lines[containerRange(lane.view).start.line]).toBe('    - name: web-server');
  });

  it('reveals a pod-level event inside the pod, never outside the document', () => {
    const r = row('Scheduled');
    expect(r.start.line).toBeGreaterThan(0);
    expect(r.start.line).toBeLessThan(lines.length);
  });
});

describe('runSimulation', () => {
  it('keeps the inferred facts of the images the user did not edit', () => {
    const text = example('init-containers.yaml');
    const { result, inferred } = runSimulation(podOf(text), { images: { 'nginx:1.27': { pullable: false } } }, 900);
    expect(result.assumptions?.images['busybox:1.36']).toEqual(inferred.images['busybox:1.36']);
    expect(result.assumptions?.images['busybox:1.36']?.present).toBe(false);
    expect(result.assumptions?.images['nginx:1.27']?.pullable).toBe(false);
  });

  it('lists every referenced Secret even after one is declared missing', () => {
    const pod = podOf(example('deployment.yaml'));
    const { result, inferred } = runSimulation(pod, { secrets: [] }, 900);
    expect(inferred.secrets).toEqual(['checkout-db']);
    expect(result.assumptions?.secrets).toEqual([]);
    expect(result.steps.some((s) => s.snapshot.kubectl.STATUS === 'CreateContainerConfigError')).toBe(true);
  });

  it('offers every Service an init container waits for, and a what-if that declares it lets the pod start', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n  - name: wait\n    image: busybox:1.36\n' +
      '    command: ["sh", "-c", "until nslookup mydb; do sleep 2; done"]\n  containers:\n  - name: app\n    image: nginx:1.27\n';
    const file = parseManifests(text);
    const pod = podOf(text);
    const objects = fileObjects(file.documents);
    const waiting = runSimulation(pod, {}, 900, objects);
    expect(waiting.inferred.services).toEqual(['mydb']);
    expect(waiting.result.steps.at(-1)?.snapshot.kubectl.STATUS).toBe('Init:0/1');
    const flipped = runSimulation(pod, { services: ['mydb'] }, 900, objects);
    expect(flipped.inferred.services).toEqual(['mydb']);
    expect(flipped.result.steps.at(-1)?.snapshot.kubectl.STATUS).toBe('Running');
  });

  it('reads the workspace facts the host sends: a key the other file’s ConfigMap lacks stops the container', () => {
    const pod = podOf(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n' +
        '    env:\n    - name: MODE\n      valueFrom:\n        configMapKeyRef: {name: app-config, key: mode}\n',
    );
    // As podlens/podWorkspace answers: the ConfigMap, defined in another file, without the key the pod reads.
    const facts = workspaceFactsSchema.parse({
      complete: true,
      objects: [
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          name: 'app-config',
          labels: {},
          location: {
            uri: 'file:///ws/config.yaml',
            range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
          },
          keys: ['something-else'],
        },
      ],
    });
    const stopped = (workspace?: ReturnType<typeof memoryWorkspace>) =>
      runSimulation(pod, {}, 900, undefined, undefined, workspace).result.steps.some(
        (s) => s.snapshot.kubectl.STATUS === 'CreateContainerConfigError',
      );
    expect(stopped(memoryWorkspace(facts.objects, facts.complete))).toBe(true);
    expect(stopped()).toBe(false);
  });

  it('uses the setting horizon unless the what-if sets one', () => {
    const pod = podOf(example('crashloop.yaml'));
    expect(runSimulation(pod, {}, 120).result.until).toBe(120);
    expect(runSimulation(pod, { until: 60 }, 120).result.until).toBe(60);
  });
});
