// API-validation rules on probes, hooks, security contexts, labels, volumes, mounts and workload templates.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { app, pod, type RuleCase, runCases, workload } from '../../helpers/lint/cases';

const job = (podSpec: string, kind = 'Job') =>
  kind === 'Job'
    ? `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n${podSpec.replace(/^/gm, '    ').replace(/ +$/, '')}`
    : `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: j\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${podSpec.replace(/^/gm, '        ').replace(/ +$/, '')}`;

const CASES: RuleCase[] = [
  {
    rule: 'probe-handler',
    name: 'a probe without a handler',
    flagged: pod(app('    «livenessProbe»:\n      periodSeconds: 5\n')),
    clean: pod(app('    livenessProbe:\n      tcpSocket:\n        port: 80\n')),
    message: 'spec.containers[0].livenessProbe: Required value: must specify a handler type',
  },
  {
    rule: 'probe-handler',
    name: 'a probe with two handlers (the later in exec, httpGet, tcpSocket, grpc order)',
    flagged: pod(
      app('    readinessProbe:\n      «tcpSocket»:\n        port: 80\n      exec:\n        command: [true]\n'),
    ),
    clean: pod(app('    readinessProbe:\n      exec:\n        command: [true]\n')),
    message: 'readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
  },
  {
    rule: 'probe-values',
    name: 'successThreshold 2 on a liveness probe',
    flagged: pod(app('    livenessProbe:\n      tcpSocket:\n        port: 80\n      successThreshold: «2»\n')),
    clean: pod(
      app(
        '    livenessProbe:\n      tcpSocket:\n        port: 80\n      successThreshold: 0\n    readinessProbe:\n      tcpSocket:\n        port: 80\n      successThreshold: 2\n',
      ),
    ),
    message: 'must be 1',
  },
  {
    rule: 'probe-values',
    name: 'a negative periodSeconds',
    flagged: pod(app('    readinessProbe:\n      tcpSocket:\n        port: 80\n      periodSeconds: «-1»\n')),
    clean: pod(app('    readinessProbe:\n      tcpSocket:\n        port: 80\n      periodSeconds: 0\n')),
    message: 'must be greater than or equal to 0',
  },
  {
    rule: 'probe-values',
    name: 'terminationGracePeriodSeconds on a readiness probe',
    flagged: pod(
      app('    readinessProbe:\n      tcpSocket:\n        port: 80\n      «terminationGracePeriodSeconds»: 10\n'),
    ),
    clean: pod(
      app('    livenessProbe:\n      tcpSocket:\n        port: 80\n      terminationGracePeriodSeconds: 10\n'),
    ),
    message: 'must not be set for readinessProbes',
  },
  {
    rule: 'init-container-probes',
    name: 'a liveness probe on a plain init container',
    flagged: pod(
      `  initContainers:\n  - name: init\n    image: busybox:1\n    «livenessProbe»:\n      exec:\n        command: [true]\n${app()}`,
    ),
    clean: pod(
      `  initContainers:\n  - name: init\n    image: busybox:1\n    restartPolicy: Always\n    livenessProbe:\n      exec:\n        command: [true]\n${app()}`,
    ),
    message: 'spec.initContainers[0].livenessProbe: Forbidden',
  },
  {
    rule: 'lifecycle-handler',
    name: 'a preStop hook without a handler',
    flagged: pod(app('    lifecycle:\n      «preStop»: {}\n')),
    clean: pod(app('    lifecycle: {}\n')),
    message: 'spec.containers[0].lifecycle.preStop: Required value',
  },
  {
    rule: 'lifecycle-handler',
    name: 'a sleep longer than the grace period',
    flagged: pod(
      `  terminationGracePeriodSeconds: 10\n${app('    lifecycle:\n      preStop:\n        sleep:\n          seconds: «11»\n')}`,
    ),
    clean: pod(
      `  terminationGracePeriodSeconds: 10\n${app('    lifecycle:\n      preStop:\n        sleep:\n          seconds: 0\n')}`,
    ),
    message: 'must be non-negative and less than terminationGracePeriodSeconds (10)',
  },
  {
    rule: 'handler-port',
    name: 'an httpGet port above 65535',
    flagged: pod(app('    readinessProbe:\n      httpGet:\n        port: «65536»\n')),
    clean: pod(app('    readinessProbe:\n      httpGet:\n        port: http\n')),
    message: 'must be between 1 and 65535, inclusive',
  },
  {
    rule: 'handler-port',
    name: 'an HTTP header name with an underscore (reported on the list)',
    flagged: pod(
      app(
        '    readinessProbe:\n      httpGet:\n        port: 80\n        httpHeaders:\n        - name: «X_Token»\n          value: t\n',
      ),
    ),
    clean: pod(
      app(
        '    readinessProbe:\n      httpGet:\n        port: 80\n        httpHeaders:\n        - name: X-Token\n          value: t\n',
      ),
    ),
    message: 'httpGet.httpHeaders: Invalid value: "X_Token"',
  },
  {
    rule: 'invalid-security-context',
    name: 'privileged with allowPrivilegeEscalation false',
    flagged: pod(app('    securityContext:\n      privileged: true\n      allowPrivilegeEscalation: «false»\n')),
    clean: pod(app('    securityContext:\n      privileged: true\n')),
    message: 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
  },
  {
    rule: 'invalid-security-context',
    name: 'a negative runAsUser',
    flagged: pod(`  securityContext:\n    runAsUser: «-1»\n${app()}`),
    clean: pod(`  securityContext:\n    runAsUser: 1000\n${app()}`),
  },
  {
    rule: 'invalid-label',
    name: 'a label key with a space (reported on the map path)',
    flagged: pod(app(), '  name: web\n  labels:\n    «app name»: web\n'),
    clean: pod(app(), '  name: web\n  labels:\n    example.com/App_Name: ""\n'),
    message: 'metadata.labels: Invalid value: "app name"',
  },
  {
    rule: 'invalid-label',
    name: 'a label value longer than 63 characters',
    flagged: pod(app(), `  name: web\n  labels:\n    app: «${'v'.repeat(64)}»\n`),
    clean: pod(app(), `  name: web\n  labels:\n    app: ${'v'.repeat(63)}\n`),
    message: 'must be no more than 63 characters',
  },
  {
    rule: 'invalid-label',
    name: 'a nodeSelector key with two slashes',
    flagged: pod(`  nodeSelector:\n    «a/b/c»: x\n${app()}`),
    clean: pod(`  nodeSelector:\n    kubernetes.io/os: linux\n${app()}`),
    message: 'spec.nodeSelector: Invalid value: "a/b/c"',
  },
  {
    rule: 'invalid-annotation',
    name: 'an annotation key with an empty prefix',
    flagged: pod(app(), '  name: web\n  annotations:\n    «/x»: y\n'),
    clean: pod(app(), '  name: web\n  annotations:\n    Example.COM/Foo: y\n'),
    message: 'prefix part must be non-empty',
  },
  {
    rule: 'invalid-annotation',
    name: 'a pod-deletion-cost that is not a 32-bit integer',
    flagged: pod(
      app(),
      '  name: web\n  annotations:\n    controller.kubernetes.io/pod-deletion-cost: «"10000000000"»\n',
    ),
    clean: pod(app(), '  name: web\n  annotations:\n    controller.kubernetes.io/pod-deletion-cost: "-100"\n'),
    message: 'must be a 32bit integer',
  },
  {
    rule: 'invalid-volume-name',
    name: 'a volume name with an underscore',
    flagged: pod(`${app()}  volumes:\n  - name: «my_vol»\n    emptyDir: {}\n`),
    clean: pod(`${app()}  volumes:\n  - name: my-vol\n    emptyDir: {}\n`),
  },
  {
    rule: 'duplicate-volume-name',
    name: 'two volumes named data',
    flagged: pod(`${app()}  volumes:\n  - name: data\n    emptyDir: {}\n  - name: «data»\n    emptyDir: {}\n`),
    clean: pod(`${app()}  volumes:\n  - name: data\n    emptyDir: {}\n  - name: cache\n    emptyDir: {}\n`),
    message: 'spec.volumes[1].name: Duplicate value: "data"',
    related: true,
  },
  {
    rule: 'volume-source',
    name: 'a volume with two sources (the later in validateVolumeSource order)',
    flagged: pod(`${app()}  volumes:\n  - name: data\n    «configMap»:\n      name: cfg\n    emptyDir: {}\n`),
    clean: pod(
      `${app()}  volumes:\n  - name: data\n    configMap:\n      name: cfg\n  - name: bare\n  - name: empty\n    emptyDir:\n`,
    ),
    message: 'spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type',
  },
  {
    rule: 'volume-mount-not-found',
    name: 'a mount of an undefined volume',
    flagged: pod(app('    volumeMounts:\n    - name: «data»\n      mountPath: /data\n')),
    clean: pod(
      `${app('    volumeMounts:\n    - name: data\n      mountPath: /data\n')}  volumes:\n  - name: data\n    emptyDir: {}\n`,
    ),
    message: 'spec.containers[0].volumeMounts[0].name: Not found: "data"',
  },
  {
    rule: 'volume-mount-not-found',
    name: 'a StatefulSet mount of no volume and no claim template',
    flagged: `${workload('StatefulSet', 'apps/v1', app('    volumeMounts:\n    - name: «cache»\n      mountPath: /cache\n'))}  volumeClaimTemplates:\n  - metadata:\n      name: data\n`,
    clean: `${workload('StatefulSet', 'apps/v1', app('    volumeMounts:\n    - name: data\n      mountPath: /data\n'))}  volumeClaimTemplates:\n  - metadata:\n      name: data\n`,
    message: 'spec.template.spec.containers[0].volumeMounts[0].name: Not found: "cache"',
  },
  {
    rule: 'duplicate-mount-path',
    name: 'two mounts at one path in one container',
    flagged: pod(
      `${app('    volumeMounts:\n    - name: a\n      mountPath: /data\n    - name: b\n      mountPath: «/data»\n')}  volumes:\n  - name: a\n    emptyDir: {}\n  - name: b\n    emptyDir: {}\n`,
    ),
    clean: pod(
      `${app('    volumeMounts:\n    - name: a\n      mountPath: /data\n    - name: a\n      mountPath: /data2\n')}  volumes:\n  - name: a\n    emptyDir: {}\n`,
    ),
    message: 'must be unique',
    related: true,
  },
  {
    rule: 'invalid-sub-path',
    name: 'a subPath climbing out with ..',
    flagged: pod(
      `${app('    volumeMounts:\n    - name: a\n      mountPath: /data\n      subPath: «x/../y»\n')}  volumes:\n  - name: a\n    emptyDir: {}\n`,
    ),
    clean: pod(
      `${app('    volumeMounts:\n    - name: a\n      mountPath: /data\n      subPath: ..x/y\n')}  volumes:\n  - name: a\n    emptyDir: {}\n`,
    ),
    message: 'spec.containers[0].volumeMounts.subPath: Invalid value: "x/../y": must not contain \'..\'',
  },
  {
    rule: 'template-restart-policy',
    name: 'a Job without restartPolicy (defaulted to Always)',
    flagged: job(`${app()}`).replace('  template:\n    spec:', '  template:\n    «spec»:'),
    clean: job(`  restartPolicy: OnFailure\n${app()}`),
    message: 'Required value: valid values: "OnFailure", "Never"',
  },
  {
    rule: 'template-restart-policy',
    name: 'a CronJob template with restartPolicy Always',
    flagged: job(`  restartPolicy: «Always»\n${app()}`, 'CronJob'),
    clean: job(`  restartPolicy: Never\n${app()}`, 'CronJob'),
  },
  {
    rule: 'template-restart-policy',
    name: 'a Deployment template with restartPolicy Never',
    flagged: workload('Deployment', 'apps/v1', `  restartPolicy: «Never»\n${app()}`),
    clean: workload('Deployment', 'apps/v1', `  restartPolicy: Always\n${app()}`),
    message: 'supported values: "Always"',
  },
  {
    rule: 'selector-mismatch',
    name: 'a selector that does not match the template labels',
    flagged: workload('Deployment', 'apps/v1', app()).replace(
      '    metadata:\n      labels: {app: web}',
      '    metadata:\n      «labels»: {app: frontend}',
    ),
    clean: workload('Deployment', 'apps/v1', app()).replace(
      '    matchLabels: {app: web}',
      '    matchExpressions:\n    - {key: app, operator: In, values: [web, api]}',
    ),
    message: '`selector` does not match template `labels`',
    related: true,
  },
  {
    rule: 'selector-mismatch',
    name: 'an empty selector',
    flagged: workload('ReplicaSet', 'apps/v1', app()).replace(
      '  selector:\n    matchLabels: {app: web}',
      '  «selector»: {}',
    ),
    clean: workload('ReplicaSet', 'apps/v1', app()),
    message: 'empty selector is invalid for replicaset',
  },
  {
    rule: 'active-deadline-seconds',
    name: 'activeDeadlineSeconds 0 on a Pod',
    flagged: pod(`  activeDeadlineSeconds: «0»\n${app()}`),
    clean: pod(`  activeDeadlineSeconds: 1\n${app()}`),
    message: 'must be between 1 and 2147483647, inclusive',
  },
  {
    rule: 'active-deadline-seconds',
    name: 'activeDeadlineSeconds in a Deployment template',
    flagged: workload('Deployment', 'apps/v1', `  «activeDeadlineSeconds»: 60\n${app()}`),
    clean: job(`  restartPolicy: Never\n  activeDeadlineSeconds: 60\n${app()}`),
    message: 'activeDeadlineSeconds in Deployment is not Supported',
  },
  {
    rule: 'ephemeral-containers',
    name: 'ephemeralContainers on a Pod',
    flagged: pod(`${app()}  «ephemeralContainers»:\n  - name: debug\n    image: busybox:1\n`),
    clean: pod(`${app()}  ephemeralContainers: []\n`),
    message: 'cannot be set on create',
  },
];

runCases(CASES);

describe('StatefulSet pod templates', () => {
  it('are validated on create like every other template (since v1.34): pod-spec findings are errors', () => {
    const text = workload(
      'StatefulSet',
      'apps/v1',
      `  restartPolicy: Never\n  containers:\n  - name: Bad\n    image: x:1\n`,
    ).replace('  name: web', '  name: web.db');
    const found = lintText(text).map((f) => [f.rule, f.severity]);
    expect(found).toContainEqual(['invalid-container-name', 'error']);
    expect(found).not.toContainEqual(['invalid-container-name', 'warning']);
    expect(found).toContainEqual(['invalid-name', 'error']);
    expect(found).toContainEqual(['template-restart-policy', 'error']);
  });
});
