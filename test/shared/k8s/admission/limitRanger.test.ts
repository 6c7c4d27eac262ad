// LimitRanger (plugin/pkg/admission/limitranger/admission.go, v1.36): defaults fill what the pod leaves out,
// min/max/maxLimitRequestRatio reject with the plug-in's own words.
import { describe, expect, it } from 'vitest';
import { memoryWorkspace } from '../../../../shared/analysis/workspace/memory';
import { admitLimitRanges } from '../../../../shared/k8s/admission/limitRanger';
import { qosClass } from '../../../../shared/k8s/qos';
import { type PodView, parseManifests } from '../../../../shared/model';
import { limitRange } from './objects';

function pod(containers: string, extra = ''): PodView {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
${extra}spec:
${containers}`;
  return parseManifests(text).documents[0]?.pod as PodView;
}

const BARE = `  containers:
  - name: app
    image: nginx:1.27
`;

describe('LimitRange defaults', () => {
  it('a pod without resources gets defaultRequest and default: Burstable when they differ', () => {
    const ws = memoryWorkspace([
      limitRange('defaults', [
        {
          type: 'Container',
          default: { cpu: '500m', memory: '512Mi' },
          defaultRequest: { cpu: '100m', memory: '256Mi' },
        },
      ]),
    ]);
    const r = admitLimitRanges(pod(BARE), ws);
    expect(qosClass(pod(BARE)).qos).toBe('BestEffort');
    expect(qosClass(r.pod).qos).toBe('Burstable');
    expect(r.defaults.map((d) => `${d.list}.${d.resource}=${d.value.text} from ${d.limitRange.name}`).sort()).toEqual([
      'limits.cpu=500m from defaults',
      'limits.memory=512Mi from defaults',
      'requests.cpu=100m from defaults',
      'requests.memory=256Mi from defaults',
    ]);
    expect(r.rejection).toBeUndefined();
  });

  it('only `default` set: the stored LimitRange copies it to defaultRequest, so the pod is Guaranteed', () => {
    const ws = memoryWorkspace([limitRange('defaults', [{ type: 'Container', default: { cpu: '1', memory: '1Gi' } }])]);
    expect(qosClass(admitLimitRanges(pod(BARE), ws).pod).qos).toBe('Guaranteed');
  });

  it('a limit the pod writes keeps its request copied from it, not the defaultRequest', () => {
    const containers = `${BARE}    resources:
      limits:
        cpu: 250m
`;
    const ws = memoryWorkspace([
      limitRange('defaults', [{ type: 'Container', default: { cpu: '1' }, defaultRequest: { cpu: '100m' } }]),
    ]);
    const r = admitLimitRanges(pod(containers), ws);
    expect(r.defaults).toEqual([]);
    expect(qosClass(r.pod).qos).toBe('Burstable');
  });

  it('init containers are defaulted too', () => {
    const containers = `  initContainers:
  - name: setup
    image: busybox:1.36
${BARE}`;
    const ws = memoryWorkspace([limitRange('defaults', [{ type: 'Container', default: { memory: '128Mi' } }])]);
    const r = admitLimitRanges(pod(containers), ws);
    expect(r.defaults.map((d) => `${d.container.list}:${d.list}`).sort()).toEqual([
      'containers:limits',
      'containers:requests',
      'initContainers:limits',
      'initContainers:requests',
    ]);
  });

  it('a LimitRange of another namespace does not apply; one without a namespace applies to a pod without one', () => {
    const other = memoryWorkspace([limitRange('defaults', [{ type: 'Container', default: { cpu: '1' } }], 'prod')]);
    expect(admitLimitRanges(pod(BARE), other).defaults).toEqual([]);
    expect(admitLimitRanges(pod(BARE, '  namespace: prod\n'), other).defaults).toHaveLength(2);
    const plain = memoryWorkspace([limitRange('defaults', [{ type: 'Container', default: { cpu: '1' } }])]);
    expect(admitLimitRanges(pod(BARE), plain).defaults).toHaveLength(2);
  });
});

describe('LimitRange violations', () => {
  const limited = (containers: string, limits: unknown[]) =>
    admitLimitRanges(pod(containers), memoryWorkspace([limitRange('bounds', limits)])).rejection;
  const withResources = (resources: string) => `${BARE}    resources:\n${resources}`;

  it("a limit over max is refused with maxConstraint's message", () => {
    const r = limited(withResources('      limits:\n        cpu: "2"\n'), [{ type: 'Container', max: { cpu: '1' } }]);
    expect(r?.message).toBe('pods "web" is forbidden: maximum cpu usage per Container is 1, but limit is 2');
    expect(r?.limitRange.name).toBe('bounds');
  });

  it('max without a limit: the default from max fills it, so the pod passes', () => {
    expect(limited(BARE, [{ type: 'Container', max: { memory: '1Gi' } }])).toBeUndefined();
  });

  it('a request under min, and several messages in brackets', () => {
    const r = limited(withResources('      requests:\n        cpu: 50m\n        memory: 10Mi\n'), [
      { type: 'Container', min: { cpu: '100m', memory: '64Mi' } },
    ]);
    expect(r?.message).toBe(
      'pods "web" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, ' +
        'minimum memory usage per Container is 64Mi, but request is 10Mi]',
    );
  });

  it('maxLimitRequestRatio prints the observed ratio with %f', () => {
    const r = limited(withResources('      requests:\n        cpu: 100m\n      limits:\n        cpu: 500m\n'), [
      { type: 'Container', maxLimitRequestRatio: { cpu: '2' } },
    ]);
    expect(r?.message).toBe(
      'pods "web" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000',
    );
  });

  it('a Pod item checks the sum over the containers', () => {
    const two = `  containers:
  - name: a
    image: nginx:1.27
    resources: { limits: { memory: 300Mi } }
  - name: b
    image: nginx:1.27
    resources: { limits: { memory: 300Mi } }
`;
    const r = limited(two, [{ type: 'Pod', max: { memory: '512Mi' } }]);
    expect(r?.message).toBe('pods "web" is forbidden: maximum memory usage per Pod is 512Mi, but limit is 600Mi');
  });

  it('a pod inside the bounds passes', () => {
    const ok = withResources('      requests:\n        cpu: 200m\n      limits:\n        cpu: 400m\n');
    expect(limited(ok, [{ type: 'Container', min: { cpu: '100m' }, max: { cpu: '1' } }])).toBeUndefined();
  });
});
