// API-validation rules on names, containers, ports, env and resources: one flagged and one clean manifest each.
import { describe, expect, it } from 'vitest';
import { app, pod, type RuleCase, runCases, workload } from '../../helpers/lint/cases';
import { findingsOf } from '../../helpers/lint/marked';

const CASES: RuleCase[] = [
  {
    rule: 'api-version',
    name: 'a DaemonSet at the removed extensions/v1beta1',
    flagged: workload('DaemonSet', '«extensions/v1beta1»', app()),
    clean: workload('DaemonSet', 'apps/v1', app()),
    message: 'no matches for kind "DaemonSet" in version "extensions/v1beta1"',
  },
  {
    rule: 'api-version',
    name: 'a CronJob at the removed batch/v1beta1',
    flagged: `apiVersion: «batch/v1beta1»\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n${app().replace(/^/gm, '        ')}`,
    clean: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n${app().replace(/^/gm, '        ')}`,
    message: 'removed in Kubernetes 1.25',
  },
  {
    rule: 'api-version',
    name: 'a misspelled kind',
    flagged: 'apiVersion: apps/v1\nkind: «Deploymnet»\nmetadata:\n  name: web\n',
    clean: 'apiVersion: apps/v1\nkind: ControllerRevision\nmetadata:\n  name: web\nrevision: 1\n',
    message: 'Did you mean "Deployment"',
  },
  {
    rule: 'invalid-name',
    name: 'a Pod name with upper case and an underscore',
    flagged: pod(app(), '  name: «Web_1»\n'),
    clean: pod(app(), '  name: web-1.example\n'),
    message: 'metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain',
  },
  {
    rule: 'invalid-name',
    name: 'a StatefulSet name with a dot',
    flagged: workload('StatefulSet', 'apps/v1', app()).replace('  name: web', '  name: «web.db»'),
    clean: workload('StatefulSet', 'apps/v1', app()).replace('  name: web', '  name: web-db'),
    message: 'must not contain dots',
  },
  {
    rule: 'invalid-name',
    name: 'a CronJob name longer than 52 characters',
    flagged: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: «${'c'.repeat(53)}»\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n${app().replace(/^/gm, '        ')}`,
    clean: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ${'c'.repeat(52)}\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n${app().replace(/^/gm, '        ')}`,
    message: 'must be no more than 52 characters',
  },
  {
    rule: 'invalid-name',
    name: 'a namespace with a dot',
    flagged: pod(app(), '  name: web\n  namespace: «team.a»\n'),
    clean: pod(app(), '  name: web\n  namespace: team-a\n'),
  },
  {
    rule: 'invalid-spec-name',
    name: 'a hostname with dots',
    flagged: pod(`  hostname: «web.local»\n${app()}`),
    clean: pod(`  hostname: web-local\n${app()}`),
    message: 'spec.hostname: Invalid value: "web.local": must not contain dots',
  },
  {
    rule: 'invalid-spec-name',
    name: 'an upper-case serviceAccountName',
    flagged: pod(`  serviceAccountName: «Backend»\n${app()}`),
    clean: pod(`  serviceAccountName: backend\n${app()}`),
  },
  {
    rule: 'invalid-container-name',
    name: 'an upper-case container name',
    flagged: pod('  containers:\n  - name: «Web»\n    image: registry.example/app:1\n'),
    clean: pod('  containers:\n  - name: web\n    image: registry.example/app:1\n'),
    message: 'spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label',
  },
  {
    rule: 'invalid-container-name',
    name: 'a 64-character init container name',
    flagged: pod(`  initContainers:\n  - name: «${'a'.repeat(64)}»\n    image: busybox:1\n${app()}`),
    clean: pod(`  initContainers:\n  - name: ${'a'.repeat(63)}\n    image: busybox:1\n${app()}`),
    message: 'must be no more than 63 characters',
  },
  {
    rule: 'duplicate-container-name',
    name: 'an init container repeating a regular container name, even written first',
    flagged: pod(`  initContainers:\n  - name: «app»\n    image: busybox:1\n${app()}`),
    clean: pod(`  initContainers:\n  - name: init\n    image: busybox:1\n${app()}`),
    message: 'spec.initContainers[0].name: Duplicate value: "app"',
    related: true,
  },
  {
    rule: 'duplicate-container-name',
    name: 'two regular containers with one name',
    flagged: pod(`${app()}  - name: «app»\n    image: registry.example/b:1\n`),
    clean: pod(`${app()}  - name: b\n    image: registry.example/b:1\n`),
    message: 'spec.containers[1].name',
  },
  {
    rule: 'image-whitespace',
    name: 'a Pod image with a trailing space',
    flagged: pod('  containers:\n  - name: app\n    image: «"nginx:1.27 "»\n'),
    clean: pod('  containers:\n  - name: app\n    image: "nginx:1.27"\n'),
  },
  {
    rule: 'image-whitespace',
    name: 'a Deployment template image with a trailing space (accepted; its Pods are rejected)',
    flagged: workload('Deployment', 'apps/v1', '  containers:\n  - name: app\n    image: «"nginx:1.27 "»\n'),
    clean: workload('Deployment', 'apps/v1', '  containers:\n  - name: app\n    image: nginx:1.27\n'),
    severity: 'warning',
    message: 'every Pod this Deployment creates will be rejected: spec.template.spec.containers[0].image',
  },
  {
    rule: 'invalid-port',
    name: 'a containerPort above 65535',
    flagged: pod(app('    ports:\n    - containerPort: «70000»\n')),
    clean: pod(app('    ports:\n    - containerPort: 65535\n')),
    message: 'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
  },
  {
    rule: 'invalid-port',
    name: 'a negative hostPort',
    flagged: pod(app('    ports:\n    - containerPort: 80\n      hostPort: «-1»\n')),
    clean: pod(app('    ports:\n    - containerPort: 80\n      hostPort: 0\n')),
  },
  {
    rule: 'invalid-port-name',
    name: 'a port name that is a number',
    flagged: pod(app('    ports:\n    - name: «"80"»\n      containerPort: 80\n')),
    clean: pod(app('    ports:\n    - name: http-80\n      containerPort: 80\n')),
    message: 'must contain at least one letter (a-z)',
  },
  {
    rule: 'duplicate-port-name',
    name: 'two ports named http in one container',
    flagged: pod(
      app('    ports:\n    - name: http\n      containerPort: 80\n    - name: «http»\n      containerPort: 81\n'),
    ),
    clean: pod(
      `${app('    ports:\n    - name: http\n      containerPort: 80\n')}  - name: b\n    image: b:1\n    ports:\n    - name: http\n      containerPort: 81\n`,
    ),
    related: true,
  },
  {
    rule: 'host-port-conflict',
    name: 'one hostPort in two regular containers',
    flagged: pod(
      `${app('    ports:\n    - containerPort: 80\n      hostPort: 80\n')}  - name: b\n    image: b:1\n    ports:\n    - containerPort: 81\n      hostPort: «80»\n`,
    ),
    clean: pod(
      `  initContainers:\n  - name: i1\n    image: i:1\n    ports:\n    - containerPort: 80\n      hostPort: 80\n  - name: i2\n    image: i:1\n    ports:\n    - containerPort: 80\n      hostPort: 80\n${app('    ports:\n    - containerPort: 80\n      hostPort: 80\n      protocol: TCP\n    - containerPort: 80\n      hostPort: 80\n      protocol: UDP\n')}`,
    ),
    message: 'Duplicate value: "TCP//80"',
    related: true,
  },
  {
    rule: 'host-port-conflict',
    name: 'one containerPort in two containers of a hostNetwork Pod (hostPort defaulted to it)',
    flagged: pod(
      `  hostNetwork: true\n${app('    ports:\n    - containerPort: 80\n')}  - name: b\n    image: b:1\n    ports:\n    - containerPort: «80»\n`,
    ),
    clean: pod(
      `  hostNetwork: false\n${app('    ports:\n    - containerPort: 80\n')}  - name: b\n    image: b:1\n    ports:\n    - containerPort: 80\n`,
    ),
    message: 'hostPort is unset: with hostNetwork: true the API server defaults it to the containerPort.',
    related: true,
  },
  {
    rule: 'host-port-conflict',
    name: 'a defaulted hostPort equal to an explicit one in a hostNetwork Pod',
    flagged: pod(
      `  hostNetwork: true\n${app('    ports:\n    - containerPort: 80\n      hostPort: 80\n')}  - name: b\n    image: b:1\n    ports:\n    - containerPort: «80»\n`,
    ),
    clean: pod(
      `  hostNetwork: true\n${app('    ports:\n    - containerPort: 80\n      hostPort: 80\n')}  - name: b\n    image: b:1\n    ports:\n    - containerPort: 81\n    - containerPort: 80\n      protocol: UDP\n`,
    ),
    message: 'Duplicate value: "TCP//80"',
    related: true,
  },
  {
    rule: 'host-port-conflict',
    name: 'one containerPort twice in one init container of a hostNetwork Pod',
    flagged: pod(
      `  hostNetwork: true\n  initContainers:\n  - name: i1\n    image: i:1\n    ports:\n    - containerPort: 8080\n    - containerPort: «8080»\n${app('    ports:\n    - containerPort: 8080\n')}`,
    ),
    clean: pod(
      `  hostNetwork: true\n  initContainers:\n  - name: i1\n    image: i:1\n    ports:\n    - containerPort: 8080\n  - name: i2\n    image: i:1\n    ports:\n    - containerPort: 8080\n${app('    ports:\n    - containerPort: 8080\n')}`,
    ),
    message: 'spec.initContainers[0].ports[1].hostPort: Duplicate value: "TCP//8080"',
    related: true,
  },
  {
    rule: 'host-network-host-port',
    name: 'a hostPort that differs from its containerPort under hostNetwork',
    flagged: pod(`  hostNetwork: true\n${app('    ports:\n    - containerPort: 8080\n      hostPort: «80»\n')}`),
    clean: pod(
      `  hostNetwork: true\n${app('    ports:\n    - containerPort: 8080\n    - containerPort: 9090\n      hostPort: 9090\n')}`,
    ),
  },
  {
    rule: 'invalid-env-name',
    name: 'an env name with "="',
    flagged: pod(app('    env:\n    - name: «"A=B"»\n      value: x\n')),
    clean: pod(app('    env:\n    - name: "1 relaxed: name!"\n      value: x\n')),
    message: "printable ASCII characters other than '='",
  },
  {
    rule: 'invalid-env-name',
    name: 'an envFrom prefix with "="',
    flagged: pod(app('    envFrom:\n    - prefix: «"=abc"»\n      configMapRef:\n        name: cfg\n')),
    clean: pod(app('    envFrom:\n    - prefix: "abc_"\n      configMapRef:\n        name: cfg\n')),
  },
  {
    rule: 'invalid-env-source',
    name: 'value together with valueFrom',
    flagged: pod(
      app(
        '    env:\n    - name: A\n      value: x\n      «valueFrom»:\n        fieldRef:\n          fieldPath: metadata.name\n',
      ),
    ),
    clean: pod(
      app('    env:\n    - name: A\n      valueFrom:\n        fieldRef:\n          fieldPath: metadata.name\n'),
    ),
    message: 'may not be specified when `value` is not empty',
  },
  {
    rule: 'invalid-env-source',
    name: 'an unsupported fieldRef path',
    flagged: pod(
      app('    env:\n    - name: A\n      valueFrom:\n        fieldRef:\n          fieldPath: «status.phase»\n'),
    ),
    clean: pod(
      app(
        "    env:\n    - name: A\n      valueFrom:\n        fieldRef:\n          fieldPath: metadata.labels['app']\n",
      ),
    ),
    message: 'Unsupported value: "status.phase"',
  },
  {
    rule: 'invalid-env-source',
    name: 'an envFrom entry with both sources (reported on the list)',
    flagged: pod(app('    envFrom:\n    - configMapRef:\n        name: a\n      «secretRef»:\n        name: b\n')),
    clean: pod(app('    envFrom:\n    - configMapRef:\n        name: a\n    - secretRef:\n        name: b\n')),
    message: 'spec.containers[0].envFrom: Invalid value: "": may not have more than one field specified at a time',
  },
  {
    rule: 'invalid-env-source',
    name: 'a resourceFieldRef divisor the cpu resource does not support',
    flagged: pod(
      app(
        '    env:\n    - name: CPU\n      valueFrom:\n        resourceFieldRef:\n          resource: limits.cpu\n          divisor: «1k»\n',
      ),
    ),
    clean: pod(
      app(
        '    env:\n    - name: CPU\n      valueFrom:\n        resourceFieldRef:\n          resource: limits.cpu\n          divisor: 1m\n',
      ),
    ),
  },
  {
    rule: 'requests-exceed-limits',
    name: 'a cpu request above the limit',
    flagged: pod(app('    resources:\n      requests:\n        cpu: «"2"»\n      limits:\n        cpu: "1"\n')),
    clean: pod(app('    resources:\n      requests:\n        cpu: 500m\n      limits:\n        cpu: "1"\n')),
    message: 'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    related: true,
  },
  {
    rule: 'invalid-resource',
    name: 'a resource that is not a container resource',
    flagged: pod(app('    resources:\n      limits:\n        disk: «10G»\n')),
    clean: pod(app('    resources:\n      limits:\n        ephemeral-storage: 10G\n')),
    message: 'must be a standard resource for containers',
  },
  {
    rule: 'invalid-resource',
    name: 'a negative memory limit',
    flagged: pod(app('    resources:\n      limits:\n        memory: «-1Gi»\n')),
    clean: pod(app('    resources:\n      limits:\n        memory: 1Gi\n')),
    message: 'must be greater than or equal to 0',
  },
  {
    rule: 'invalid-resource',
    name: 'an extended resource request without a limit',
    flagged: pod(app('    resources:\n      requests:\n        nvidia.com/gpu: «1»\n')),
    clean: pod(
      app('    resources:\n      requests:\n        nvidia.com/gpu: 1\n      limits:\n        nvidia.com/gpu: 1\n'),
    ),
    message: 'Limit must be set for non overcommitable resources',
  },
  {
    rule: 'invalid-resource',
    name: 'a fractional extended resource',
    flagged: pod(app('    resources:\n      limits:\n        nvidia.com/gpu: «500m»\n')),
    clean: pod(app('    resources:\n      limits:\n        nvidia.com/gpu: 2\n')),
    message: 'must be an integer',
  },
  {
    rule: 'invalid-resource',
    name: 'hugepages without cpu or memory',
    flagged: pod(app('    «resources»:\n      limits:\n        hugepages-2Mi: 100Mi\n')),
    clean: pod(app('    resources:\n      limits:\n        hugepages-2Mi: 100Mi\n        memory: 100Mi\n')),
    message: 'HugePages require cpu or memory',
  },
];

runCases(CASES);

describe('host-port-conflict outside a Pod', () => {
  it('does not default hostPort in a hostNetwork pod template (templates keep 0, which validation allows)', () => {
    const twoOn80 = `  hostNetwork: true\n${app('    ports:\n    - containerPort: 80\n')}  - name: b\n    image: b:1\n    ports:\n    - containerPort: 80\n`;
    expect(findingsOf('host-port-conflict', workload('Deployment', 'apps/v1', twoOn80)).findings).toEqual([]);
    expect(findingsOf('host-port-conflict', workload('DaemonSet', 'apps/v1', twoOn80)).findings).toEqual([]);
  });
});
