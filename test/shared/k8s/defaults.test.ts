// API defaulting (pkg/apis/core/v1/defaults.go) and QoS (pkg/apis/core/v1/helper/qos) on parsed manifests.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS,
  defaultedFields,
  effectiveGracePeriod,
  effectiveProbe,
  effectivePullPolicy,
  effectiveRestartPolicy,
  PROBE_DEFAULTS,
  qosClass,
} from '../../../shared/k8s/defaults';
import { type PodView, type ProbeView, parseManifests } from '../../../shared/model';

const DIGEST = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function podOf(yaml: string): PodView {
  const pod = parseManifests(yaml).documents[0]?.pod;
  if (!pod) throw new Error('manifest has no pod view');
  return pod;
}

/** A Pod whose spec is `spec` (YAML indented by two spaces under `spec:`). */
const pod = (spec: string) => podOf(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`);

/** A Pod with one container `app` whose body is `body` (indented by four spaces). */
const container = (body: string) => pod(`  containers:\n  - name: app\n    image: nginx:1.27\n${body}`);

describe('effectivePullPolicy', () => {
  it.each([
    ['nginx', undefined, 'Always', true, 'no tag => :latest => Always'],
    ['nginx:latest', undefined, 'Always', true, 'tag "latest" => Always'],
    ['registry:5000/app', undefined, 'Always', true, 'no tag => :latest => Always'],
    ['nginx:1.27', undefined, 'IfNotPresent', true, 'tag "1.27" => IfNotPresent'],
    ['nginx:Latest', undefined, 'IfNotPresent', true, 'tag "Latest" => IfNotPresent'],
    ['localhost:5000', undefined, 'IfNotPresent', true, 'tag "5000" => IfNotPresent'],
    [`nginx@${DIGEST}`, undefined, 'IfNotPresent', true, 'digest pinned => IfNotPresent'],
    [`nginx:1.27@${DIGEST}`, undefined, 'IfNotPresent', true, 'tag "1.27" => IfNotPresent'],
    [`nginx:latest@${DIGEST}`, undefined, 'Always', true, 'tag "latest" => Always (the digest does not change this)'],
    [
      'Nginx:1.27',
      undefined,
      'IfNotPresent',
      true,
      'unparsable reference => empty tag => IfNotPresent (kubelet will report InvalidImageName)',
    ],
    [undefined, undefined, 'IfNotPresent', true, 'no image => empty tag => IfNotPresent (the image is required)'],
    ['nginx', '', 'Always', true, 'no tag => :latest => Always'],
    ['nginx', 'IfNotPresent', 'IfNotPresent', false, 'explicit'],
    ['nginx:1.27', 'Always', 'Always', false, 'explicit'],
    ['nginx', 'Never', 'Never', false, 'explicit'],
    [
      'nginx',
      'always',
      'Always',
      false,
      'explicit "always" is not supported (the API rejects it; use Always, IfNotPresent or Never); the default would be Always: no tag => :latest => Always',
    ],
  ])('image %j with policy %j => %s', (image, explicit, policy, defaulted, reason) => {
    expect(effectivePullPolicy(image, explicit)).toEqual({ policy, defaulted, reason });
  });
});

describe('effectiveProbe', () => {
  const app = container(
    [
      '    livenessProbe:',
      '      httpGet: {port: 8080}',
      '    readinessProbe:',
      '      exec: {command: [cat, /tmp/ready]}',
      '      initialDelaySeconds: 7',
      '      timeoutSeconds: 2',
      '      periodSeconds: 0',
      '      successThreshold: 0',
      '      failureThreshold: 5',
      '    startupProbe:',
      '      tcpSocket: {port: http}',
      '      successThreshold: 1',
      '      terminationGracePeriodSeconds: 15',
      '',
    ].join('\n'),
  ).containers[0];

  it('fills every default into a bare httpGet liveness probe', () => {
    expect(effectiveProbe(app?.livenessProbe as ProbeView)).toEqual({
      kind: 'livenessProbe',
      handler: { type: 'httpGet', port: 8080, path: '/', scheme: 'HTTP' },
      ...PROBE_DEFAULTS,
      defaulted: [
        'timeoutSeconds',
        'periodSeconds',
        'successThreshold',
        'failureThreshold',
        'httpGet.path',
        'httpGet.scheme',
      ],
      unresolved: [],
    });
  });

  it('treats 0 as unset: periodSeconds 0 => 10, successThreshold 0 => 1', () => {
    expect(effectiveProbe(app?.readinessProbe as ProbeView)).toEqual({
      kind: 'readinessProbe',
      handler: { type: 'exec', command: ['cat', '/tmp/ready'] },
      initialDelaySeconds: 7,
      timeoutSeconds: 2,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 5,
      defaulted: ['periodSeconds', 'successThreshold'],
      unresolved: [],
    });
  });

  it('keeps explicit values and the probe-level grace period', () => {
    expect(effectiveProbe(app?.startupProbe as ProbeView)).toEqual({
      kind: 'startupProbe',
      handler: { type: 'tcpSocket', port: 'http' },
      ...PROBE_DEFAULTS,
      terminationGracePeriodSeconds: 15,
      defaulted: ['timeoutSeconds', 'periodSeconds', 'failureThreshold'],
      unresolved: [],
    });
  });

  it('defaults an empty httpGet path but keeps an explicit scheme', () => {
    const probe = container('    readinessProbe:\n      httpGet: {port: 80, path: "", scheme: HTTPS}\n').containers[0]
      ?.readinessProbe as ProbeView;
    expect(effectiveProbe(probe).handler).toEqual({ type: 'httpGet', port: 80, path: '/', scheme: 'HTTPS' });
    expect(effectiveProbe(probe).defaulted).toContain('httpGet.path');
    expect(effectiveProbe(probe).defaulted).not.toContain('httpGet.scheme');
  });

  it('reports a templated number at its default and lists it as unresolved', () => {
    const probe = container(
      '    livenessProbe:\n      exec: {command: [true]}\n      periodSeconds: "{{ .Values.period }}"\n',
    ).containers[0]?.livenessProbe as ProbeView;
    expect(effectiveProbe(probe)).toMatchObject({ periodSeconds: 10, unresolved: ['periodSeconds'] });
    expect(effectiveProbe(probe).defaulted).not.toContain('periodSeconds');
  });
});

describe('effectiveRestartPolicy', () => {
  const job = (policy: string) =>
    podOf(
      `apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n${policy}      containers: [{name: a, image: busybox}]\n`,
    );

  it.each([
    ['missing', pod('  containers: [{name: a, image: nginx}]\n'), { policy: 'Always', defaulted: true }],
    [
      'empty string',
      pod('  restartPolicy: ""\n  containers: [{name: a, image: nginx}]\n'),
      { policy: 'Always', defaulted: true },
    ],
    [
      'Never',
      pod('  restartPolicy: Never\n  containers: [{name: a, image: nginx}]\n'),
      { policy: 'Never', defaulted: false },
    ],
    [
      'unsupported',
      pod('  restartPolicy: always\n  containers: [{name: a, image: nginx}]\n'),
      {
        policy: 'Always',
        defaulted: false,
        note: 'unsupported value "always" (the API rejects it; use Always, OnFailure or Never); assuming Always',
      },
    ],
    [
      'missing on a Job',
      job(''),
      { policy: 'Always', defaulted: true, note: 'defaulted to Always, but Job templates must use OnFailure or Never' },
    ],
    [
      'Always on a Job',
      job('      restartPolicy: Always\n'),
      { policy: 'Always', defaulted: false, note: 'Job templates must use OnFailure or Never' },
    ],
    ['OnFailure on a Job', job('      restartPolicy: OnFailure\n'), { policy: 'OnFailure', defaulted: false }],
  ])('%s', (_, view, expected) => {
    expect(effectiveRestartPolicy(view)).toEqual(expected);
  });
});

describe('effectiveGracePeriod', () => {
  const withGrace = (value: string) =>
    pod(`  terminationGracePeriodSeconds: ${value}\n  containers: [{name: a, image: nginx}]\n`);

  it.each([
    ['missing', pod('  containers: [{name: a, image: nginx}]\n'), { seconds: 30, defaulted: true }],
    ['45', withGrace('45'), { seconds: 45, defaulted: false }],
    ['0', withGrace('0'), { seconds: 0, defaulted: false }],
    [
      'negative',
      withGrace('-5'),
      { seconds: 1, defaulted: false, note: 'negative values are invalid and will be treated as 1' },
    ],
    [
      'templated',
      withGrace('"{{ .Values.grace }}"'),
      { seconds: 30, defaulted: false, note: 'value not known (template or wrong type); assuming 30' },
    ],
  ])('%s', (_, view, expected) => {
    expect(effectiveGracePeriod(view)).toEqual(expected);
  });

  it('exports the default of 30 seconds', () => {
    expect(DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS).toBe(30);
  });
});

describe('qosClass', () => {
  const res = (limits: string, requests = '') =>
    `    resources:\n${limits ? `      limits: {${limits}}\n` : ''}${requests ? `      requests: {${requests}}\n` : ''}`;

  it.each([
    ['no resources', container(''), 'BestEffort', 'no container sets cpu or memory requests or limits'],
    [
      'limits only (requests defaulted from limits)',
      container(res('cpu: 500m, memory: 128Mi')),
      'Guaranteed',
      'every container sets cpu and memory limits equal to its requests (requests defaulted from limits)',
    ],
    [
      'requests equal to limits',
      container(res('cpu: "1", memory: 1Gi', 'cpu: 1000m, memory: 1024Mi')),
      'Guaranteed',
      'every container sets cpu and memory limits equal to its requests',
    ],
    [
      'requests below limits',
      container(res('cpu: 500m, memory: 128Mi', 'cpu: 250m')),
      'Burstable',
      'container "app": cpu request 250m differs from limit 500m',
    ],
    [
      'a request without a limit',
      container(res('', 'memory: 64Mi')),
      'Burstable',
      'container "app": memory request 64Mi has no limit',
    ],
    ['cpu limit only', container(res('cpu: "1"')), 'Burstable', 'container "app": sets cpu but not memory'],
    [
      'only ephemeral-storage',
      container(res('ephemeral-storage: 1Gi')),
      'BestEffort',
      'no container sets cpu or memory requests or limits',
    ],
    [
      'sub-milli values compared after the milli round-up',
      container(res('cpu: 1m, memory: 1Gi', 'cpu: 0.1m')),
      'Guaranteed',
      'every container sets cpu and memory limits equal to its requests (requests defaulted from limits)',
    ],
    [
      'one Guaranteed and one BestEffort container',
      pod(
        '  containers:\n  - name: a\n    image: nginx\n    resources: {limits: {cpu: "1", memory: 1Gi}}\n  - name: b\n    image: nginx\n',
      ),
      'Burstable',
      'container "a" is Guaranteed but container "b" is BestEffort',
    ],
    [
      'an init container without resources',
      pod(
        '  initContainers:\n  - name: init\n    image: busybox\n  containers:\n  - name: a\n    image: nginx\n    resources: {limits: {cpu: "1", memory: 1Gi}}\n',
      ),
      'Burstable',
      'container "init" is BestEffort but container "a" is Guaranteed',
    ],
    [
      'pod-level limits only (pod requests defaulted from them)',
      pod('  resources: {limits: {cpu: "1", memory: 1Gi}}\n  containers: [{name: a, image: nginx}]\n'),
      'Guaranteed',
      'pod-level resources (spec.resources): cpu and memory requests equal their limits',
    ],
    [
      'pod-level limits with container requests (aggregated)',
      pod(
        '  resources: {limits: {cpu: "1", memory: 1Gi}}\n  containers:\n  - {name: a, image: nginx, resources: {requests: {cpu: 300m}}}\n  - {name: b, image: nginx, resources: {requests: {cpu: 200m}}}\n',
      ),
      'Burstable',
      'pod-level resources (spec.resources): cpu request 500m differs from limit 1',
    ],
    [
      'a templated value',
      container(res('cpu: "{{ .Values.cpu }}", memory: 1Gi')),
      'Burstable',
      'container "app": sets memory but not cpu (ignoring 1 templated or unparsable value(s))',
    ],
  ])('%s => %s', (_, view, qos, reason) => {
    expect(qosClass(view)).toEqual({ qos, reason });
  });
});

describe('defaultedFields', () => {
  const podSpec = [
    '  initContainers:',
    '  - name: init',
    '    image: busybox:1.36',
    '  containers:',
    '  - name: app',
    '    image: nginx',
    '    ports:',
    '    - containerPort: 80',
    '    - containerPort: 53',
    '      protocol: UDP',
    '    resources:',
    '      limits: {cpu: 500m, memory: 1024Mi}',
    '      requests: {cpu: 250m}',
    '    livenessProbe:',
    '      httpGet: {port: 80}',
    '      periodSeconds: 5',
    '    lifecycle:',
    '      preStop:',
    '        httpGet: {port: 80, path: /drain}',
    '  - name: log',
    `    image: registry:5000/log@${DIGEST}`,
    '    imagePullPolicy: ""',
    '    terminationMessagePolicy: FallbackToLogsOnError',
    '',
  ].join('\n');

  const containerFields = (base: string) => ({
    [`${base}.initContainers[0].imagePullPolicy`]: 'IfNotPresent',
    [`${base}.initContainers[0].terminationMessagePath`]: '/dev/termination-log',
    [`${base}.initContainers[0].terminationMessagePolicy`]: 'File',
    [`${base}.containers[0].imagePullPolicy`]: 'Always',
    [`${base}.containers[0].terminationMessagePath`]: '/dev/termination-log',
    [`${base}.containers[0].terminationMessagePolicy`]: 'File',
    [`${base}.containers[0].ports[0].protocol`]: 'TCP',
    [`${base}.containers[0].livenessProbe.timeoutSeconds`]: 1,
    [`${base}.containers[0].livenessProbe.successThreshold`]: 1,
    [`${base}.containers[0].livenessProbe.failureThreshold`]: 3,
    [`${base}.containers[0].livenessProbe.httpGet.path`]: '/',
    [`${base}.containers[0].livenessProbe.httpGet.scheme`]: 'HTTP',
    [`${base}.containers[0].lifecycle.preStop.httpGet.scheme`]: 'HTTP',
    [`${base}.containers[1].imagePullPolicy`]: 'IfNotPresent',
    [`${base}.containers[1].terminationMessagePath`]: '/dev/termination-log',
  });

  it('lists every field the API server fills in for a Pod, including requests from limits', () => {
    expect(defaultedFields(pod(podSpec))).toEqual({
      'spec.dnsPolicy': 'ClusterFirst',
      'spec.restartPolicy': 'Always',
      'spec.terminationGracePeriodSeconds': 30,
      'spec.schedulerName': 'default-scheduler',
      'spec.enableServiceLinks': true,
      ...containerFields('spec'),
      // 1024Mi is stored in canonical form
      'spec.containers[0].resources.requests[memory]': '1Gi',
    });
  });

  it('uses template paths for a Deployment and leaves out Pod-only defaults', () => {
    const indented = podSpec
      .split('\n')
      .map((l) => (l ? `    ${l}` : l))
      .join('\n');
    const deployment = podOf(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec:\n${indented}`,
    );
    expect(defaultedFields(deployment)).toEqual({
      'spec.template.spec.dnsPolicy': 'ClusterFirst',
      'spec.template.spec.restartPolicy': 'Always',
      'spec.template.spec.terminationGracePeriodSeconds': 30,
      'spec.template.spec.schedulerName': 'default-scheduler',
      ...containerFields('spec.template.spec'),
    });
  });

  it('keeps explicit values, and treats an explicit empty string as unset', () => {
    const view = pod(
      '  dnsPolicy: ""\n  restartPolicy: Never\n  terminationGracePeriodSeconds: 0\n  schedulerName: custom\n  enableServiceLinks: false\n  containers:\n  - {name: a, image: nginx, imagePullPolicy: Never, terminationMessagePolicy: File}\n',
    );
    expect(defaultedFields(view)).toEqual({
      'spec.dnsPolicy': 'ClusterFirst',
      'spec.containers[0].terminationMessagePath': '/dev/termination-log',
    });
  });

  it('defaults hostPort to containerPort under hostNetwork (Pods only)', () => {
    const view = pod(
      '  hostNetwork: true\n  containers:\n  - name: a\n    image: nginx\n    ports:\n    - {containerPort: 80, protocol: TCP}\n    - {containerPort: 443, hostPort: 0, protocol: TCP}\n    - {containerPort: 8080, hostPort: 8080, protocol: TCP}\n',
    );
    const fields = defaultedFields(view);
    expect(fields['spec.containers[0].ports[0].hostPort']).toBe(80);
    expect(fields['spec.containers[0].ports[1].hostPort']).toBe(443);
    expect(fields).not.toHaveProperty(['spec.containers[0].ports[2].hostPort']);
  });

  it('defaults pod-level requests from pod-level limits (Pods only)', () => {
    const view = pod('  resources: {limits: {cpu: "2", memory: 0.5Gi}}\n  containers: [{name: a, image: nginx}]\n');
    const fields = defaultedFields(view);
    expect(fields['spec.resources.requests[cpu]']).toBe('2');
    expect(fields['spec.resources.requests[memory]']).toBe('512Mi');
  });

  it('skips imagePullPolicy when the image is a template placeholder', () => {
    const view = pod('  containers:\n  - {name: a, image: "{{ .Values.image }}"}\n');
    expect(defaultedFields(view)).not.toHaveProperty(['spec.containers[0].imagePullPolicy']);
  });
});
