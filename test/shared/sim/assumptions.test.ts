// What the simulation assumes before it runs: the default horizon every entry point shares, and the
// effective scenario on its own (the panel reads the inferred image facts from it instead of simulating twice).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PodView, parseManifests } from '../../../shared/model';
import { parseSettings } from '../../../shared/settings';
import { DEFAULT_HORIZON_SECONDS, inferAssumptions, simulate } from '../../../shared/sim';

const podOf = (yaml: string): PodView => {
  const p = parseManifests(yaml).documents[0]?.pod;
  if (!p) throw new Error('fixture');
  return p;
};

const POD = podOf(`apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: init, image: busybox:1.36, command: [sleep, "3"]}
  containers:
  - {name: app, image: "nginx:1.27"}
  - {name: local, image: "tool:dev", imagePullPolicy: Never}
`);

describe('the default horizon', () => {
  it('is what the editor setting, the settings parser and a simulation without `until` use', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    const setting = pkg.contributes.configuration.properties['podlens.simulation.until'];
    expect(setting.default).toBe(DEFAULT_HORIZON_SECONDS);
    expect(parseSettings({}).simulation.until).toBe(DEFAULT_HORIZON_SECONDS);
    expect(parseSettings({ simulation: { until: -1 } }).simulation.until).toBe(DEFAULT_HORIZON_SECONDS);
    const result = simulate(POD);
    expect(result.until).toBe(DEFAULT_HORIZON_SECONDS);
    expect(result.assumptions?.notes.until).toBe(`default: ${DEFAULT_HORIZON_SECONDS} s of simulated time`);
  });
});

describe('inferAssumptions', () => {
  it('is the effective scenario simulate starts from', () => {
    const scenario = { containers: { app: { runs: [{ exitCode: 1, afterSeconds: 4 }] } } };
    expect(inferAssumptions(POD, scenario)).toEqual(simulate(POD, scenario).assumptions);
  });

  it('infers the image facts the user did not state', () => {
    expect(inferAssumptions(POD)?.images).toEqual({
      'busybox:1.36': { present: false, pullable: true, pullSeconds: 2 },
      'nginx:1.27': { present: false, pullable: true, pullSeconds: 2 },
      'tool:dev': { present: true, pullable: true, pullSeconds: 0 },
    });
  });

  it('is null where simulate rejects the scenario or the pod', () => {
    expect(inferAssumptions(POD, { until: -5 } as never)).toBeNull();
    expect(inferAssumptions(POD, { containers: { ghost: {} } })).toBeNull();
    expect(inferAssumptions(podOf('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {}\n'))).toBeNull();
  });

  it('takes the objects of the file into account', () => {
    const pod = podOf(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: app
    image: nginx:1.27
    envFrom: [{configMapRef: {name: settings}}]
`);
    const objects = { configMaps: [], secrets: [], services: [], persistentVolumeClaims: [], keys: {} };
    expect(inferAssumptions(pod)?.notes.configMaps).toBe('assumed: every referenced ConfigMap exists');
    expect(inferAssumptions(pod, {}, { objects })?.notes.configMaps).toContain(
      'ConfigMap settings exists, though not defined in this file',
    );
  });
});
