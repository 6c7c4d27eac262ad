// The scenario format (issue 3): every field optional, every error names its field.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../shared/model';
import { parseScenario, simulate } from '../../../shared/sim';

const VALID: [string, unknown][] = [
  ['nothing', undefined],
  ['empty', {}],
  [
    'the example of issue 3',
    {
      node: { allocatable: { cpu: '4', memory: '8Gi' } },
      images: { 'nginx:1.27': { present: false, pullable: true, pullSeconds: 3 } },
      containers: {
        app: {
          runs: [{ exitCode: 1, afterSeconds: 2 }, { oom: true, afterSeconds: 30 }, { forever: true }],
          startError: 'executable file not found',
          probes: {
            startup: { always: 'success' },
            liveness: { healthyWhileAgeBelow: 60 },
            readiness: { successFromAge: 20 },
          },
          postStart: { result: 'success', durationSeconds: 0 },
          preStop: { result: 'success', durationSeconds: 5 },
          onSigterm: { exitCode: 0, afterSeconds: 1 },
        },
      },
      configMaps: ['app-config'],
      secrets: ['registry-key'],
      actions: [{ atSeconds: 120, do: 'delete', gracePeriodSeconds: 30 }],
      until: 900,
    },
  ],
  ['onSigterm ignore', { containers: { app: { onSigterm: 'ignore' } } }],
  ['a memory run', { containers: { app: { runs: [{ memory: '300Mi', afterSeconds: 10, exitCode: 0 }] } } }],
  ['assumptions fed back with their notes', { until: 60, notes: { until: 'default: 900 s' } }],
];

const INVALID: [string, unknown, string, RegExp][] = [
  ['negative until', { until: -1 }, 'scenario.until', /greater than 0/],
  ['an empty run', { containers: { app: { runs: [{}] } } }, 'scenario.containers.app.runs[0]', /needs one of/],
  [
    'an exit code above 255',
    { containers: { app: { runs: [{ exitCode: 300 }] } } },
    'scenario.containers.app.runs[0].exitCode',
    /255/,
  ],
  [
    'forever with an exit code',
    { containers: { app: { runs: [{ forever: true, exitCode: 1 }] } } },
    'scenario.containers.app.runs[0]',
    /forever/,
  ],
  [
    'an unknown probe answer',
    { containers: { app: { probes: { liveness: { always: 'maybe' } } } } },
    'scenario.containers.app.probes.liveness.always',
    /success/,
  ],
  [
    'two probe answers at once',
    { containers: { app: { probes: { readiness: { always: 'success', successFromAge: 3 } } } } },
    'scenario.containers.app.probes.readiness',
    /only one of/,
  ],
  ['a bad quantity', { node: { allocatable: { cpu: '4 cores' } } }, 'scenario.node.allocatable.cpu', /4 cores/],
  ['an unknown top-level field', { nod: {} }, 'scenario.nod', /unknown field/],
  [
    'a taint effect the API does not know',
    { node: { taints: [{ key: 'gpu', effect: 'NoRun' }] } },
    'scenario.node.taints[0].effect',
    /NoSchedule/,
  ],
  ['an unknown action', { actions: [{ atSeconds: 5, do: 'evict' }] }, 'scenario.actions[0].do', /delete/],
  [
    'a bad memory quantity',
    { containers: { app: { runs: [{ memory: 'lots' }] } } },
    'scenario.containers.app.runs[0].memory',
    /lots/,
  ],
  ['an image entry of the wrong type', { images: { nginx: true } }, 'scenario.images.nginx', /object/],
];

describe('parseScenario', () => {
  it.each(VALID)('accepts %s', (_name, input) => {
    expect(parseScenario(input)).toMatchObject({ ok: true });
  });

  it.each(INVALID)('rejects %s, naming the field', (_name, input, field, message) => {
    const r = parseScenario(input);
    expect(r.ok).toBe(false);
    const error = r.ok ? undefined : r.errors[0];
    expect(error?.field).toBe(field);
    expect(error?.message).toMatch(message);
  });

  it('simulate returns scenario errors as data and no timeline', () => {
    const pod = parseManifests(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: app, image: a:1}\n',
    ).documents[0]?.pod;
    if (!pod) throw new Error('fixture');
    const bad = simulate(pod, { until: 0 });
    expect(bad.errors.map((e) => e.field)).toEqual(['scenario.until']);
    expect(bad.steps).toEqual([]);
    const ghost = simulate(pod, { containers: { ghost: { runs: [{ forever: true }] } } });
    expect(ghost.errors).toEqual([
      { field: 'scenario.containers.ghost', message: 'no container named "ghost" in this pod' },
    ]);
  });
});
