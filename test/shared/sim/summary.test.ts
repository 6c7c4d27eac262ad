// The one-line prediction shown in the editor's CodeLens (issue 3), one case per kind of outcome.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../shared/model';
import { predictionSummary, simulate } from '../../../shared/sim';

const pod = (spec: string) => {
  const p = parseManifests(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}`).documents[0]?.pod;
  if (!p) throw new Error('fixture');
  return p;
};

const CASES: [string, string, unknown, string][] = [
  ['ready', '  containers:\n  - {name: app, image: app:1}\n', undefined, 'Ready in ~2 s'],
  [
    'crash loop',
    '  containers:\n  - {name: app, image: app:1, command: [sh, -c, exit 1]}\n',
    undefined,
    'CrashLoopBackOff predicted for app',
  ],
  [
    'init failure under Never',
    '  restartPolicy: Never\n  initContainers:\n  - {name: i, image: app:1, command: [sh, -c, exit 1]}\n  containers:\n  - {name: app, image: app:1}\n',
    undefined,
    'Fails: exit 1 (init container i) at ~2 s',
  ],
  [
    'unschedulable',
    '  containers:\n  - {name: app, image: app:1, resources: {requests: {cpu: "64"}}}\n',
    undefined,
    'Pending: Unschedulable (Insufficient cpu)',
  ],
  [
    'completed',
    '  restartPolicy: OnFailure\n  containers:\n  - {name: app, image: app:1, command: [sleep, "18"]}\n',
    undefined,
    'Completes in ~20 s',
  ],
  [
    'never pulls',
    '  containers:\n  - {name: app, image: app:1}\n',
    { images: { 'app:1': { pullable: false } } },
    'ImagePullBackOff: app never starts',
  ],
  [
    'fails with its exit code under Never',
    '  restartPolicy: Never\n  containers:\n  - {name: app, image: app:1}\n',
    { containers: { app: { runs: [{ exitCode: 42, afterSeconds: 3 }] } } },
    'Fails: exit 42 (app) at ~5 s',
  ],
  [
    'OOMKilled under Never',
    '  restartPolicy: Never\n  containers:\n  - {name: app, image: app:1}\n',
    { containers: { app: { runs: [{ oom: true, afterSeconds: 3 }] } } },
    'Fails: OOMKilled (app) at ~5 s',
  ],
  [
    'OOMKilled and crash-looping',
    '  containers:\n  - {name: app, image: app:1, resources: {limits: {memory: 100Mi}}}\n',
    { containers: { app: { runs: [{ oom: true, afterSeconds: 3 }] } } },
    'OOMKilled, crash-looping: app',
  ],
  [
    'an init container that never finishes',
    '  initContainers:\n  - {name: a, image: app:1}\n  - {name: b, image: app:1}\n  containers:\n  - {name: app, image: app:1}\n',
    { containers: { a: { runs: [{ forever: true }] } } },
    'Stuck in Init:0/2',
  ],
  [
    'scheduling gates',
    '  schedulingGates: [{name: example.com/foo}]\n  containers:\n  - {name: app, image: app:1}\n',
    undefined,
    'SchedulingGated until example.com/foo is removed',
  ],
  [
    'invalid scenario',
    '  containers:\n  - {name: app, image: app:1}\n',
    { until: 'soon' },
    'Cannot simulate: scenario.until: Expected number, received string',
  ],
];

describe('predictionSummary', () => {
  it.each(CASES)('%s', (_name, spec, scenario, text) => {
    expect(predictionSummary(simulate(pod(spec), scenario as never))).toBe(text);
  });
});

describe('predictionSummary: what a stuck container waits for', () => {
  // The process inference notes what a container waits for under `containers.<name>.waitsFor`.
  const waiting = (spec: string, scenario: unknown, container: string) => {
    const result = simulate(pod(spec), scenario as never);
    const notes = result.assumptions?.notes ?? {};
    notes[`containers.${container}.waitsFor`] = 'Service myservice, not defined in this file';
    return predictionSummary(result);
  };

  it('names the dependency of an init container that never finishes', () => {
    const spec =
      '  initContainers:\n  - {name: init-myservice, image: busybox:1.28}\n  containers:\n  - {name: app, image: app:1}\n';
    const scenario = { containers: { 'init-myservice': { runs: [{ forever: true }] } } };
    expect(waiting(spec, scenario, 'init-myservice')).toBe('Waits for Service myservice, not defined in this file');
  });

  it('names the dependency of a container that never becomes ready', () => {
    const spec =
      '  containers:\n  - name: app\n    image: app:1\n    readinessProbe: {exec: {command: [nslookup, myservice]}}\n';
    const scenario = { containers: { app: { probes: { readiness: { always: 'failure' } } } } };
    expect(waiting(spec, scenario, 'app')).toBe('Waits for Service myservice, not defined in this file');
  });

  it('ignores the note once the container got past it', () => {
    const spec =
      '  initContainers:\n  - {name: init-myservice, image: busybox:1.28}\n  containers:\n  - {name: app, image: app:1}\n';
    const scenario = { containers: { 'init-myservice': { runs: [{ exitCode: 0, afterSeconds: 1 }] } } };
    expect(waiting(spec, scenario, 'init-myservice')).toMatch(/^Ready in ~\d+ s$/);
  });
});
