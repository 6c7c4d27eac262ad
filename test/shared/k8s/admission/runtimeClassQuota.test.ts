// RuntimeClass admission (plugin/pkg/admission/runtimeclass/admission.go) and the pod's own quota usage
// (pkg/quota/v1/evaluator/core/pods.go, plugin/pkg/admission/resourcequota), v1.36.
import { describe, expect, it } from 'vitest';
import { memoryWorkspace } from '../../../../shared/analysis/workspace/memory';
import { admitPod } from '../../../../shared/k8s/admission';
import { type PodView, parseManifests } from '../../../../shared/model';
import { limitRange, quota, runtimeClass } from './objects';

function pod(spec: string): PodView {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${spec}  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: { cpu: 500m, memory: 256Mi }
      limits: { cpu: "1", memory: 512Mi }
`;
  return parseManifests(text).documents[0]?.pod as PodView;
}

describe('RuntimeClass admission', () => {
  const gvisor = runtimeClass('gvisor', {
    overhead: { podFixed: { cpu: '250m', memory: '120Mi' } },
    scheduling: { nodeSelector: { sandbox: 'gvisor' }, tolerations: [{ key: 'sandbox', operator: 'Exists' }] },
  });

  it("an unknown class in a complete workspace is the plug-in's refusal; in an incomplete one it is assumed", () => {
    const p = pod('  runtimeClassName: kata\n');
    expect(admitPod(p, memoryWorkspace([gvisor], true)).rejection?.message).toBe(
      'pods "web" is forbidden: pod rejected: RuntimeClass "kata" not found',
    );
    const open = admitPod(p, memoryWorkspace([gvisor], false));
    expect(open.rejection).toBeUndefined();
    expect(open.runtimeClass.assumedExists).toBe('kata');
  });

  it('overhead and scheduling are merged into the admitted pod', () => {
    const a = admitPod(pod('  runtimeClassName: gvisor\n'), memoryWorkspace([gvisor]));
    expect([...a.runtimeClass.overhead].map(([k, q]) => `${k}=${q.text}`)).toEqual(['cpu=250m', 'memory=120Mi']);
    expect([...(a.pod.scheduling?.nodeSelector ?? [])]).toEqual([['sandbox', 'gvisor']]);
    expect(a.pod.scheduling?.tolerations).toEqual([{ key: 'sandbox', operator: 'Exists', value: '', effect: '' }]);
  });

  it('a nodeSelector key the pod sets to another value is a conflict', () => {
    const p = pod('  runtimeClassName: gvisor\n  nodeSelector:\n    sandbox: kata\n');
    expect(admitPod(p, memoryWorkspace([gvisor])).rejection?.message).toBe(
      'pods "web" is forbidden: conflict: runtimeClass.scheduling.nodeSelector[sandbox] = gvisor; pod.spec.nodeSelector[sandbox] = kata',
    );
  });
});

describe('ResourceQuota', () => {
  it("a pod whose own limits exceed the quota gets the plug-in's message with used at 0", () => {
    const ws = memoryWorkspace([
      quota('compute', { hard: { 'limits.cpu': '500m', 'requests.memory': '1Gi', pods: '10' } }),
    ]);
    const [finding, ...rest] = admitPod(pod(''), ws).quotas;
    expect(rest).toEqual([]);
    expect(finding?.message).toBe(
      'pods "web" is forbidden: exceeded quota: compute, requested: limits.cpu=1, used: limits.cpu=0, limited: limits.cpu=500m',
    );
  });

  it('the RuntimeClass overhead counts against the quota', () => {
    const ws = memoryWorkspace([
      quota('compute', { hard: { 'requests.cpu': '600m' } }),
      runtimeClass('gvisor', { overhead: { podFixed: { cpu: '250m' } } }),
    ]);
    expect(admitPod(pod(''), ws).quotas).toEqual([]);
    expect(admitPod(pod('  runtimeClassName: gvisor\n'), ws).quotas[0]?.resources).toEqual(['requests.cpu']);
  });

  it('a tracked cpu/memory resource a container does not set is "must specify"', () => {
    const ws = memoryWorkspace([
      quota('compute', {
        hard: { 'limits.ephemeral-storage': '1Gi', 'requests.nvidia.com/gpu': '1', 'limits.memory': '1Gi', cpu: '4' },
      }),
    ]);
    const bare = parseManifests(
      'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n  - { name: app, image: nginx:1.27 }\n',
    ).documents[0]?.pod as PodView;
    expect(admitPod(bare, ws).quotas[0]?.message).toBe(
      'pods "web" is forbidden: failed quota: compute: must specify cpu for: app; limits.memory for: app',
    );
  });

  it('LimitRange defaults are applied before the quota sees the pod', () => {
    const bare = parseManifests(
      'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n  - { name: app, image: nginx:1.27 }\n',
    ).documents[0]?.pod as PodView;
    const ws = memoryWorkspace([
      limitRange('defaults', [{ type: 'Container', default: { memory: '2Gi' } }]),
      quota('compute', { hard: { 'limits.memory': '1Gi' } }),
    ]);
    expect(admitPod(bare, ws).quotas[0]?.message).toContain('requested: limits.memory=2Gi');
  });

  it('a quota scoped to BestEffort pods ignores a Burstable pod; one in another namespace too', () => {
    const ws = memoryWorkspace([
      quota('best-effort', { hard: { pods: '0' }, scopes: ['BestEffort'] }),
      quota('elsewhere', { hard: { pods: '0' } }, 'prod'),
    ]);
    expect(admitPod(pod(''), ws).quotas).toEqual([]);
    const zero = memoryWorkspace([quota('none', { hard: { pods: '0' } })]);
    expect(admitPod(pod(''), zero).quotas[0]?.resources).toEqual(['pods']);
  });
});
