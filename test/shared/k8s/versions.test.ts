// Manifests whose verdict depends on the target Kubernetes version and feature gates, each checked against every
// supported minor. Each row cites the upstream change that moved the line.
import { describe, expect, it } from 'vitest';
import { NEWEST_MINOR, OLDEST_MINOR } from '../../../shared/k8s/version/target';
import { lintText } from '../../../shared/lint';

const MINORS = Array.from({ length: NEWEST_MINOR - OLDEST_MINOR + 1 }, (_, i) => OLDEST_MINOR + i);

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;
const app = (extra = '') => `  containers:\n  - name: app\n    image: registry.example/app:1.4.2\n${extra}`;
const workload = (kind: string, apiVersion: string, podSpec: string) =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n` +
  `  template:\n    metadata:\n      labels: {app: web}\n    spec:\n${podSpec.replace(/^/gm, '    ')}`;
const sts = (podSpec: string) =>
  workload('StatefulSet', 'apps/v1', podSpec).replace('spec:\n  selector', 'spec:\n  serviceName: web\n  selector');
const job = (field: string) =>
  `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: web\nspec:\n${field}  template:\n    spec:\n      restartPolicy: Never\n` +
  '      containers:\n      - name: app\n        image: registry.example/app:1.4.2\n';

type Verdict = readonly string[];
/** `rule:severity` before `minor`, then `after` from it on. */
const from =
  (minor: number, before: Verdict, after: Verdict = []) =>
  (m: number) =>
    m < minor ? before : after;

interface Row {
  name: string;
  /** The upstream change that makes the verdict differ. */
  source: string;
  text: string;
  gates?: Record<string, boolean>;
  /** Only these rules are compared; the others do not depend on the version. */
  rules: readonly string[];
  verdict: (minor: number) => Verdict;
  /** A contrast row: the same verdict in every version, next to a row whose verdict moves. */
  constant?: true;
}

const UNKNOWN = ['unknown-field:error'];
const GATE_ERROR = ['feature-gate-off:error'];
const GATE_WARNING = ['feature-gate-off:warning'];
const RESTART = ['container-restart-policy:error'];
const FIELD_RULES = ['unknown-field', 'feature-gate-off'];

const sleepHook = app('    lifecycle:\n      preStop:\n        sleep:\n          seconds: 5\n');
const imageVolume = `${app()}  volumes:\n  - name: models\n    image:\n      reference: registry.example/models:v1\n`;
const podResources = `  resources:\n    limits: {cpu: "2", memory: 1Gi}\n${app()}`;
const resize = app('    resizePolicy:\n    - resourceName: cpu\n      restartPolicy: NotRequired\n');
const stopSignal = `  os:\n    name: linux\n${app('    lifecycle:\n      stopSignal: SIGQUIT\n')}`;
const sidecar = `  initContainers:\n  - name: proxy\n    image: registry.example/proxy:2.0\n    restartPolicy: Always\n${app()}`;
const initNever = `  initContainers:\n  - name: setup\n    image: registry.example/setup:1.0\n    restartPolicy: Never\n${app()}`;
const badName = '  containers:\n  - name: App_1\n    image: registry.example/app:1.4.2\n';
const twice = `${app()}  - name: app\n    image: registry.example/app:1.4.2\n`;
const rules = `  restartPolicy: Never\n${app('    restartPolicy: Never\n    restartPolicyRules:\n    - action: Restart\n      exitCodes:\n        operator: In\n        values: [42]\n')}`;

const ROWS: Row[] = [
  {
    name: 'lifecycle.stopSignal',
    source: 'KEP-4960 (kubernetes PR #130556): field added in v1.33 behind ContainerStopSignals, alpha through v1.36',
    text: pod(stopSignal),
    rules: FIELD_RULES,
    verdict: from(33, UNKNOWN, GATE_WARNING),
  },
  {
    name: 'lifecycle.stopSignal with ContainerStopSignals on',
    source: 'KEP-4960: with the gate on the field is kept',
    text: pod(stopSignal),
    gates: { ContainerStopSignals: true },
    rules: FIELD_RULES,
    verdict: from(33, UNKNOWN),
  },
  {
    name: 'restartPolicyRules on a container',
    source: 'KEP-5307, kubernetes PR #132642: field added in v1.34 (alpha), ContainerRestartRules beta and on in v1.35',
    text: pod(rules),
    rules: [...FIELD_RULES, 'container-restart-policy'],
    verdict: (m) => (m < 34 ? [...RESTART, ...UNKNOWN] : m === 34 ? [...RESTART, ...GATE_WARNING] : []),
  },
  {
    name: 'restartPolicyRules with ContainerRestartRules on in v1.34',
    source: 'KEP-5307, kubernetes PR #132642: the alpha gate turns on the new validation',
    text: pod(rules),
    gates: { ContainerRestartRules: true },
    rules: [...FIELD_RULES, 'container-restart-policy'],
    verdict: from(34, [...RESTART, ...UNKNOWN]),
  },
  {
    name: 'a regular init container with restartPolicy Never',
    source: 'KEP-5307, kubernetes PR #132642: validateInitContainers allowed only Always before v1.35',
    text: pod(initNever),
    rules: ['container-restart-policy'],
    verdict: from(35, RESTART),
  },
  {
    name: 'a regular container with restartPolicy Always',
    source: 'KEP-5307, kubernetes PR #132642: "may not be set for non-init containers" before v1.35',
    text: pod(app('    restartPolicy: Always\n')),
    rules: ['container-restart-policy'],
    verdict: from(35, RESTART),
  },
  {
    name: 'a regular container with restartPolicy Never and ContainerRestartRules off',
    source: 'KEP-5307: turning the beta gate off restores the old validation',
    text: pod(app('    restartPolicy: Never\n')),
    gates: { ContainerRestartRules: false },
    rules: ['container-restart-policy'],
    verdict: () => RESTART,
  },
  {
    name: 'a native sidecar with SidecarContainers off',
    source: 'KEP-753: the gate can be turned off until it is locked at GA in v1.33',
    text: pod(sidecar),
    gates: { SidecarContainers: false },
    rules: FIELD_RULES,
    verdict: from(33, GATE_WARNING),
  },
  {
    name: 'a preStop sleep hook',
    source: 'KEP-3960: PodLifecycleSleepAction alpha (off) in v1.29, beta and on in v1.30',
    text: pod(sleepHook),
    rules: FIELD_RULES,
    verdict: from(30, GATE_ERROR),
  },
  {
    name: 'a preStop sleep hook with PodLifecycleSleepAction off',
    source: 'KEP-3960: the gate is locked on at GA in v1.34',
    text: pod(sleepHook),
    gates: { PodLifecycleSleepAction: false },
    rules: FIELD_RULES,
    verdict: from(34, GATE_ERROR),
  },
  {
    name: 'a preStop sleep hook with PodLifecycleSleepAction on in v1.29',
    source: 'KEP-3960: the alpha gate keeps the field',
    text: pod(sleepHook),
    gates: { PodLifecycleSleepAction: true },
    rules: FIELD_RULES,
    verdict: () => [],
  },
  {
    name: 'an image volume',
    source: 'KEP-4639: field added in v1.31 (alpha), beta off in v1.33, on by default in v1.35',
    text: pod(imageVolume),
    rules: FIELD_RULES,
    verdict: (m) => (m < 31 ? UNKNOWN : m < 35 ? GATE_ERROR : []),
  },
  {
    name: 'an image volume with ImageVolume on',
    source: 'KEP-4639: with the gate on, v1.31 and later accept it',
    text: pod(imageVolume),
    gates: { ImageVolume: true },
    rules: FIELD_RULES,
    verdict: from(31, UNKNOWN),
  },
  {
    name: 'pod-level resources',
    source: 'KEP-2837: spec.resources added in v1.32 (alpha, off), PodLevelResources beta and on in v1.34',
    text: pod(podResources),
    rules: FIELD_RULES,
    verdict: (m) => (m < 32 ? UNKNOWN : m < 34 ? GATE_WARNING : []),
  },
  {
    name: 'pod-level resources with PodLevelResources on',
    source: 'KEP-2837: the alpha gate keeps the field in v1.32 and v1.33',
    text: pod(podResources),
    gates: { PodLevelResources: true },
    rules: FIELD_RULES,
    verdict: from(32, UNKNOWN),
  },
  {
    name: 'securityContext.supplementalGroupsPolicy',
    source: 'KEP-3619: field added in v1.31 (alpha, off), SupplementalGroupsPolicy beta and on in v1.33',
    text: pod(`  securityContext:\n    supplementalGroupsPolicy: Strict\n${app()}`),
    rules: FIELD_RULES,
    verdict: (m) => (m < 31 ? UNKNOWN : m < 33 ? GATE_WARNING : []),
  },
  {
    name: 'a container resizePolicy',
    source: 'KEP-1287: InPlacePodVerticalScaling alpha (off) since v1.27, beta and on in v1.33',
    text: pod(resize),
    rules: FIELD_RULES,
    verdict: from(33, GATE_WARNING),
  },
  {
    name: 'a container resizePolicy with InPlacePodVerticalScaling off',
    source: 'KEP-1287: the gate is locked on at GA in v1.35',
    text: pod(resize),
    gates: { InPlacePodVerticalScaling: false },
    rules: FIELD_RULES,
    verdict: from(35, GATE_WARNING),
  },
  {
    name: 'a StatefulSet with an invalid container name',
    source: 'kubernetes PR #131790 (v1.34): StatefulSet create validates the pod template spec',
    text: sts(badName),
    rules: ['invalid-container-name'],
    verdict: from(34, ['invalid-container-name:warning'], ['invalid-container-name:error']),
  },
  {
    name: 'a StatefulSet with two containers of one name',
    source: 'kubernetes PR #131790 (v1.34): StatefulSet create validates the pod template spec',
    text: sts(twice),
    rules: ['duplicate-container-name'],
    verdict: from(34, ['duplicate-container-name:warning'], ['duplicate-container-name:error']),
  },
  {
    name: 'a Deployment with an invalid container name',
    source: 'contrast with kubernetes PR #131790: Deployments validate their pod template in every supported version',
    text: workload('Deployment', 'apps/v1', badName),
    rules: ['invalid-container-name'],
    verdict: () => ['invalid-container-name:error'],
    constant: true,
  },
  {
    name: 'securityContext.appArmorProfile',
    source: 'KEP-24, CHANGELOG-1.30: AppArmor fields in the pod and container securityContext',
    text: pod(app('    securityContext:\n      appArmorProfile:\n        type: RuntimeDefault\n')),
    rules: ['unknown-field'],
    verdict: from(30, UNKNOWN),
  },
  {
    name: 'env valueFrom.fileKeyRef',
    source: 'KEP-3721, CHANGELOG-1.34: EnvFiles adds fileKeyRef',
    text: pod(
      app(
        '    env:\n    - name: TOKEN\n      valueFrom:\n        fileKeyRef:\n          volumeName: cfg\n          path: env\n          key: TOKEN\n',
      ),
    ),
    rules: ['unknown-field'],
    verdict: from(34, UNKNOWN),
  },
  {
    name: 'securityContext.seLinuxChangePolicy',
    source: 'KEP-1710, CHANGELOG-1.32: seLinuxChangePolicy in the pod securityContext',
    text: pod(`  securityContext:\n    seLinuxChangePolicy: Recursive\n${app()}`),
    rules: ['unknown-field'],
    verdict: from(32, UNKNOWN),
  },
  {
    name: 'spec.hostnameOverride',
    source: 'KEP-4762, CHANGELOG-1.34: hostnameOverride in the pod spec',
    text: pod(`  hostnameOverride: web-0\n${app()}`),
    rules: ['unknown-field'],
    verdict: from(34, UNKNOWN),
  },
  {
    name: 'resourceClaims[].resourceClaimName',
    source: 'KEP-4381, CHANGELOG-1.31: PodResourceClaim.source flattened into resourceClaimName',
    text: pod(`  resourceClaims:\n  - name: gpu\n    resourceClaimName: gpu-claim\n${app()}`),
    rules: ['unknown-field'],
    verdict: from(31, UNKNOWN),
  },
  {
    name: 'Job spec.managedBy',
    source: 'KEP-4368, CHANGELOG-1.30: JobManagedBy adds spec.managedBy',
    text: job('  managedBy: kueue.x-k8s.io/multikueue\n'),
    rules: ['unknown-field'],
    verdict: from(30, UNKNOWN),
  },
  {
    name: 'Job spec.successPolicy',
    source: 'KEP-3998, CHANGELOG-1.30: JobSuccessPolicy adds spec.successPolicy',
    text: job('  completionMode: Indexed\n  completions: 2\n  successPolicy:\n    rules:\n    - succeededCount: 1\n'),
    rules: ['unknown-field'],
    verdict: from(30, UNKNOWN),
  },
  {
    name: 'volumeMounts[].recursiveReadOnly',
    source: 'KEP-3857, CHANGELOG-1.30: recursiveReadOnly on volume mounts',
    text: pod(
      `${app('    volumeMounts:\n    - name: data\n      mountPath: /data\n      readOnly: true\n      recursiveReadOnly: Disabled\n')}  volumes:\n  - name: data\n    emptyDir: {}\n`,
    ),
    rules: ['unknown-field'],
    verdict: from(30, UNKNOWN),
  },
];

function verdictAt(row: Row, minor: number): string[] {
  const findings = lintText(row.text, { target: { minor, featureGates: row.gates ?? {} } });
  return findings
    .filter((f) => row.rules.includes(f.rule))
    .map((f) => `${f.rule}:${f.severity}`)
    .sort();
}

describe('verdicts that differ by Kubernetes version', () => {
  it('has at least 25 rows whose verdict moves, each citing its upstream change', () => {
    expect(ROWS.filter((r) => !r.constant).length).toBeGreaterThanOrEqual(25);
    for (const row of ROWS) expect(row.source).toMatch(/KEP-\d+|PR #\d+|CHANGELOG-1\.\d+/);
  });

  describe.each(ROWS)('$name', (row) => {
    it.each(MINORS)('v1.%i', (minor) => {
      expect(verdictAt(row, minor)).toEqual([...row.verdict(minor)].sort());
    });
  });

  it('every row differs between some two versions, or between its gates and the defaults', () => {
    for (const row of ROWS.filter((r) => !r.constant)) {
      const seen = new Set(MINORS.map((m) => verdictAt(row, m).join()));
      const defaults = new Set(MINORS.map((m) => verdictAt({ ...row, gates: {} }, m).join()));
      expect(seen.size > 1 || [...seen].join() !== [...defaults].join(), row.name).toBe(true);
    }
  });
});
