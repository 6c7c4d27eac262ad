// The simulation over the workspace (issue 18): objects found there exist with their keys, a complete workspace
// makes absent objects absent, and namespace policies (LimitRange, RuntimeClass, ResourceQuota) shape the pod.
import { describe, expect, it } from 'vitest';
import { memoryWorkspace } from '../../../shared/analysis/workspace/memory';
import type { IndexedObject } from '../../../shared/analysis/workspace/types';
import { type PodView, parseManifests } from '../../../shared/model';
import { fileObjects, type SimulationResult, simulate } from '../../../shared/sim';
import { MODE_FROM_APP_CONFIG, webPod } from '../../helpers/manifests';
import { limitRange, object, quota, runtimeClass } from '../k8s/admission/objects';

function run(text: string, objects: IndexedObject[] | undefined, complete = false, scenario = {}): SimulationResult {
  const documents = parseManifests(text).documents;
  const pod = documents.find((d) => d.pod)?.pod as PodView;
  return simulate(pod, scenario, {
    until: 120,
    objects: fileObjects(documents),
    ...(objects ? { workspace: memoryWorkspace(objects, complete) } : {}),
  });
}

const last = (r: SimulationResult) => r.steps[r.steps.length - 1]?.snapshot;
const statuses = (r: SimulationResult) => r.steps.map((s) => s.snapshot.kubectl.STATUS);

const POD = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${spec}`;

const ENV_POD = webPod('nginx:1.27', MODE_FROM_APP_CONFIG);

describe('ConfigMaps and Secrets from the workspace', () => {
  it('a ConfigMap found in the workspace with the key: the container runs, and the note names its file', () => {
    const r = run(ENV_POD, [object('ConfigMap', 'app-config', { keys: ['mode'] })], true);
    expect(last(r)?.kubectl.STATUS).toBe('Running');
    expect(r.assumptions?.notes.configMaps).toBe(
      'inferred: ConfigMap app-config is defined in file:///ws/app-config.yaml',
    );
  });

  it('absent from a complete workspace: CreateContainerConfigError', () => {
    const r = run(ENV_POD, [], true);
    expect(last(r)?.kubectl.STATUS).toBe('CreateContainerConfigError');
    expect(last(r)?.containers[0]?.message).toBe('configmap "app-config" not found');
    expect(r.assumptions?.notes.configMaps).toBe(
      'inferred: ConfigMap app-config is in no file of the workspace (complete): absent',
    );
  });

  it('absent from an incomplete workspace: assumed to exist, as without a workspace', () => {
    const r = run(ENV_POD, [], false);
    expect(last(r)?.kubectl.STATUS).toBe('Running');
    expect(r.assumptions?.notes.configMaps).toMatch(/^assumed: ConfigMap app-config exists, though not defined/);
  });

  it('found without the key: CreateContainerConfigError naming the key', () => {
    const r = run(ENV_POD, [object('ConfigMap', 'app-config', { keys: ['other'] })]);
    expect(last(r)?.kubectl.STATUS).toBe('CreateContainerConfigError');
    expect(last(r)?.containers[0]?.message).toBe("couldn't find key mode in ConfigMap default/app-config");
  });

  it('a ConfigMap of another namespace does not count', () => {
    const r = run(ENV_POD, [object('ConfigMap', 'app-config', { keys: ['mode'], namespace: 'prod' })], true);
    expect(last(r)?.kubectl.STATUS).toBe('CreateContainerConfigError');
  });

  const SECRET_VOLUME = POD(`  containers:
  - name: app
    image: nginx:1.27
    volumeMounts: [{ name: tls, mountPath: /tls }]
  volumes:
  - name: tls
    secret: { secretName: tls-cert }
`);

  it('a Secret volume: FailedMount when a complete workspace lacks it, Running when it has it', () => {
    const missing = run(SECRET_VOLUME, [], true);
    expect(last(missing)?.kubectl.STATUS).toBe('ContainerCreating');
    expect(missing.steps.flatMap((s) => s.events).some((e) => /FailedMount/.test(JSON.stringify(e)))).toBe(true);
    expect(last(run(SECRET_VOLUME, [object('Secret', 'tls-cert', { keys: ['tls.crt'] })], true))?.kubectl.STATUS).toBe(
      'Running',
    );
  });
});

describe('Services and claims from the workspace', () => {
  const WAITS = POD(`  initContainers:
  - name: wait-db
    image: busybox:1.36
    command: ['sh', '-c', 'until nslookup db; do echo waiting; sleep 2; done']
  containers:
  - name: app
    image: nginx:1.27
`);

  it('an init container waiting for a Service the workspace defines completes', () => {
    const r = run(WAITS, [object('Service', 'db')], true);
    expect(last(r)?.kubectl.STATUS).toBe('Running');
    expect(r.assumptions?.notes.services).toBe(
      'inferred: Service db is defined in file:///ws/db.yaml; no other Service exists',
    );
  });

  it('without it the init container waits forever, and the note says where it was looked for', () => {
    const r = run(WAITS, [], true);
    expect(last(r)?.kubectl.STATUS).toBe('Init:0/1');
    expect(r.assumptions?.notes['containers.wait-db.waitsFor']).toBe('Service db, in no file of the workspace');
  });

  const CLAIM = POD(`  containers:
  - name: app
    image: nginx:1.27
    volumeMounts: [{ name: data, mountPath: /data }]
  volumes:
  - name: data
    persistentVolumeClaim: { claimName: data }
`);

  it("a claim a complete workspace lacks keeps the pod Pending with the scheduler's message", () => {
    const r = run(CLAIM, [], true);
    expect(statuses(r)).toEqual(['Pending']);
    expect(last(r)?.conditions.PodScheduled?.message).toBe(
      '0/1 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    );
  });

  it('a claim the workspace defines is assumed bound and the pod runs', () => {
    const r = run(CLAIM, [object('PersistentVolumeClaim', 'data')], true);
    expect(last(r)?.kubectl.STATUS).toBe('Running');
    expect(r.assumptions?.notes.persistentVolumeClaims).toBe(
      'inferred: PersistentVolumeClaim data is defined in file:///ws/data.yaml',
    );
  });
});

describe('namespace policies in the simulation', () => {
  const BARE = POD(`  containers:
  - name: app
    image: nginx:1.27
`);

  it('LimitRange defaults decide the QoS class and the memory limit the container is OOM-killed at', () => {
    const ws = [limitRange('defaults', [{ type: 'Container', default: { memory: '256Mi' } }])];
    const scenario = { containers: { app: { runs: [{ memory: '300Mi', afterSeconds: 5 }] } } };
    const r = run(BARE, ws, false, scenario);
    expect(r.assumptions?.notes.qosClass).toMatch(/^inferred: Burstable with the defaults from LimitRange defaults/);
    expect(r.assumptions?.notes['containers.app.resources']).toBe(
      'inferred: from LimitRange defaults (file:///ws/defaults.yaml): requests memory 256Mi (what the scheduler places); ' +
        'limits memory 256Mi; the kernel OOM-kills it above 256Mi',
    );
    expect(r.steps.some((s) => s.snapshot.containers[0]?.reason === 'OOMKilled')).toBe(true);
    expect(run(BARE, [], false, scenario).steps.some((s) => s.snapshot.containers[0]?.reason === 'OOMKilled')).toBe(
      false,
    );
  });

  it('cpu and memory defaults equal for both: the pod the plug-in admits is Guaranteed', () => {
    const ws = [limitRange('defaults', [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' } }])];
    expect(run(BARE, ws).assumptions?.notes.qosClass).toBe(
      'inferred: Guaranteed with the defaults from LimitRange defaults (every container sets cpu and memory limits equal to its requests)',
    );
  });

  it('LimitRange defaults are requests the scheduler places', () => {
    const ws = [limitRange('big', [{ type: 'Container', default: { cpu: '8' } }])];
    const r = run(BARE, ws);
    expect(last(r)?.conditions.PodScheduled?.message).toMatch(/^0\/1 nodes are available: 1 Insufficient cpu\./);
  });

  it('a pod over the LimitRange max is not simulated: the API server refuses it', () => {
    const pod = POD(`  containers:
  - name: app
    image: nginx:1.27
    resources: { limits: { cpu: "2" } }
`);
    const r = run(pod, [limitRange('bounds', [{ type: 'Container', max: { cpu: '1' } }])]);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      {
        field: 'LimitRanger (LimitRange bounds, file:///ws/bounds.yaml)',
        message: 'pods "web" is forbidden: maximum cpu usage per Container is 1, but limit is 2',
      },
    ]);
  });

  it('a RuntimeClass overhead can make the pod not fit the node', () => {
    const pod = POD(`  runtimeClassName: gvisor
  containers:
  - name: app
    image: nginx:1.27
    resources: { requests: { cpu: 3900m } }
`);
    const gvisor = runtimeClass('gvisor', { overhead: { podFixed: { cpu: '250m' } } });
    const light = runtimeClass('gvisor', {});
    expect(last(run(pod, [gvisor]))?.conditions.PodScheduled?.message).toMatch(/1 Insufficient cpu/);
    expect(last(run(pod, [light]))?.kubectl.STATUS).toBe('Running');
    expect(run(pod, [gvisor]).assumptions?.notes.runtimeClass).toBe(
      "inferred: RuntimeClass gvisor (file:///ws/gvisor.yaml): overhead cpu 250m added to the pod's requests",
    );
  });

  it('a RuntimeClass nodeSelector the node lacks leaves the pod unschedulable', () => {
    const pod = POD(`  runtimeClassName: gvisor
  containers:
  - name: app
    image: nginx:1.27
`);
    const gvisor = runtimeClass('gvisor', { scheduling: { nodeSelector: { sandbox: 'gvisor' } } });
    expect(last(run(pod, [gvisor]))?.conditions.PodScheduled?.message).toMatch(/didn't match Pod's node affinity/);
  });

  it('a quota the pod alone exceeds is noted, with the unknown usage of the other pods said', () => {
    const r = run(BARE, [quota('pods', { hard: { pods: '0' } })]);
    expect(r.assumptions?.notes.resourceQuotas).toBe(
      'inferred: pods "web" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=0, limited: pods=0 ' +
        "(ResourceQuota pods (file:///ws/pods.yaml)); compared with this pod alone, as the usage of the namespace's other pods is unknown",
    );
  });
});
