// Termination timelines of semantics §14 (CheckGracefulDelete, kuberuntime killContainer with preStop,
// minimumGracePeriodInSeconds = 2): when the pod is gone and how its container ended, deleted at t=100.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../shared/model';
import { simulate } from '../../../shared/sim';
import { eventTimes } from './checkSim';

function run(preStop: unknown, onSigterm: unknown, gracePeriodSeconds?: number, specGrace?: number) {
  const hook = preStop ? '    lifecycle:\n      preStop:\n        exec: {command: [sh, -c, "sleep 1"]}\n' : '';
  const grace = specGrace === undefined ? '' : `  terminationGracePeriodSeconds: ${specGrace}\n`;
  const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${grace}  containers:\n  - name: app\n    image: app:1\n${hook}`;
  const pod = parseManifests(text).documents[0]?.pod;
  if (!pod) throw new Error('fixture');
  const action = {
    atSeconds: 100,
    do: 'delete' as const,
    ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }),
  };
  const app = { ...(preStop ? { preStop } : {}), ...(onSigterm ? { onSigterm } : {}) };
  const r = simulate(pod, { images: {}, containers: { app: app as never }, actions: [action] });
  const gone = r.steps.find((s) => !s.snapshot.exists);
  return { r, gone: gone?.t, exitCode: gone?.snapshot.containers[0]?.exitCode };
}

const CASES: [string, unknown, unknown, number | undefined, number | undefined, number, number][] = [
  ['exits 5 s after SIGTERM', undefined, { exitCode: 0, afterSeconds: 5 }, undefined, undefined, 105, 0],
  ['ignores SIGTERM: SIGKILL at the 30 s default grace', undefined, 'ignore', undefined, undefined, 130, 137],
  ['preStop of 10 s, then SIGTERM', { durationSeconds: 10 }, undefined, undefined, undefined, 110, 143],
  [
    'preStop longer than the grace: SIGTERM at 30 s',
    { durationSeconds: 40 },
    undefined,
    undefined,
    undefined,
    130,
    143,
  ],
  [
    'preStop longer than the grace and SIGTERM ignored: SIGKILL 2 s later',
    { durationSeconds: 40 },
    'ignore',
    undefined,
    undefined,
    132,
    137,
  ],
  ['--grace-period=5', undefined, 'ignore', 5, undefined, 105, 137],
  ['--grace-period=1 still gets the 2 s window', undefined, 'ignore', 1, undefined, 102, 137],
  [
    'preStop time counts in whole seconds (29.5 s leaves 1 s, raised to 2)',
    { durationSeconds: 29.5 },
    'ignore',
    undefined,
    undefined,
    131.5,
    137,
  ],
  ['spec terminationGracePeriodSeconds 10', undefined, 'ignore', undefined, 10, 110, 137],
  ['the request grace overrides the spec', undefined, 'ignore', 3, 60, 103, 137],
];

describe('termination timelines', () => {
  it.each(CASES)('%s', (_name, preStop, onSigterm, grace, specGrace, gone, exitCode) => {
    const r = run(preStop, onSigterm, grace, specGrace);
    expect({ gone: r.gone, exitCode: r.exitCode }).toEqual({ gone, exitCode });
  });

  it('a failing preStop emits FailedPreStopHook when it returns, then SIGTERM follows', () => {
    const { r, gone } = run({ result: 'failure', durationSeconds: 3 }, undefined);
    expect(eventTimes(r, 'FailedPreStopHook')).toEqual([103]);
    expect(gone).toBe(103);
  });

  it('an abandoned preStop emits no event', () => {
    const { r } = run({ result: 'failure', durationSeconds: 50 }, undefined);
    expect(eventTimes(r, 'FailedPreStopHook')).toEqual([]);
  });
});
