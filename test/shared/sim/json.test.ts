// The `--format json` contract of issue 3 (version 1): field names, key order and value shapes.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../shared/model';
import { simulate, toJson } from '../../../shared/sim';

const TEXT = `apiVersion: v1
kind: Pod
metadata: {name: myapp}
spec:
  initContainers:
  - {name: init-db, image: busybox:1.36, command: [sh, -c, "sleep 10"]}
  containers:
  - {name: app, image: app:1}
`;

describe('toJson', () => {
  const pod = parseManifests(TEXT).documents[0]?.pod;
  if (!pod) throw new Error('fixture');
  const doc = toJson(simulate(pod, { until: 60 }), { document: 0 });

  it('has the documented top-level keys in order', () => {
    expect(Object.keys(doc)).toEqual(['version', 'pod', 'document', 'defaulted', 'assumptions', 'errors', 'steps']);
    expect(doc).toMatchObject({ version: 1, pod: 'myapp', document: 0, errors: [] });
    expect(doc.defaulted).toMatchObject({
      'spec.restartPolicy': 'Always',
      'spec.containers[0].imagePullPolicy': 'IfNotPresent',
    });
    expect(doc.assumptions).toMatchObject({
      until: 60,
      notes: { 'containers.init-db.runs': expect.stringContaining('sleep 10') },
    });
  });

  it('writes each step in the contract shape', () => {
    const first = doc.steps[0];
    expect(Object.keys(first ?? {})).toEqual([
      't',
      'after',
      'exists',
      'events',
      'phase',
      'reason',
      'message',
      'conditions',
      'initContainers',
      'containers',
      'kubectl',
      'ranges',
    ]);
    expect(first).toMatchObject({
      t: 0,
      exists: true,
      phase: 'Pending',
      events: [
        {
          type: 'Normal',
          reason: 'Scheduled',
          object: 'pod',
          from: 'default-scheduler',
          message: 'Successfully assigned default/myapp to node-1',
        },
        expect.anything(),
      ],
      conditions: {
        PodScheduled: { status: true },
        Initialized: { status: false, reason: 'ContainersNotInitialized' },
        ContainersReady: { status: false, reason: 'ContainersNotReady' },
        Ready: { status: false },
      },
      initContainers: [
        {
          name: 'init-db',
          type: 'init',
          state: 'waiting',
          reason: 'PodInitializing',
          message: null,
          exitCode: null,
          restartCount: 0,
          ready: false,
          started: false,
          lastState: null,
        },
      ],
      kubectl: { STATUS: 'Init:0/1', READY: '0/1', RESTARTS: '0' },
    });
    expect(Object.keys(first?.conditions ?? {})).toEqual([
      'PodScheduled',
      'PodReadyToStartContainers',
      'Initialized',
      'ContainersReady',
      'Ready',
    ]);
    expect(first?.ranges[0]).toMatchObject({ start: { line: expect.any(Number), character: expect.any(Number) } });
  });

  it('is byte-stable for the same input', () => {
    const again = toJson(simulate(parseManifests(TEXT).documents[0]?.pod as never, { until: 60 }), { document: 0 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(doc));
  });
});
