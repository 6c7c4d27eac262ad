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
    'Init:Error: pod fails (restartPolicy Never)',
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
    'Completed in 20 s',
  ],
  [
    'never pulls',
    '  containers:\n  - {name: app, image: app:1}\n',
    { images: { 'app:1': { pullable: false } } },
    'ImagePullBackOff: app never starts',
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
