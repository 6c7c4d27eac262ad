// The version-dependent findings: exact message, severity and range for a target older than the field or with
// its gate off, and silence where the target has it.
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../helpers/lint/marked';

const target = (minor: number, featureGates: Record<string, boolean> = {}) => ({ target: { minor, featureGates } });
const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;
const app = (extra = '') => `  containers:\n  - name: app\n    image: registry.example/app:1.4.2\n${extra}`;

describe('unknown-field for a field newer than the target', () => {
  const text = pod(
    app(
      '    restartPolicy: Never\n    «restartPolicyRules»:\n    - action: Restart\n      exitCodes:\n        operator: In\n        values: [42]\n',
    ),
  );

  it('names the version that added it and the target', () => {
    const { findings, range } = findingsOf('unknown-field', text, target(31));
    expect(findings.map((f) => [f.message, f.severity, f.range])).toEqual([
      ['`restartPolicyRules` needs v1.34 or newer; your target is v1.31', 'error', range],
    ]);
    expect(findings[0]?.path).toBe('spec.containers[0].restartPolicyRules');
  });

  it('is silent from the version that added it', () => {
    expect(findingsOf('unknown-field', text, target(34)).findings).toEqual([]);
    expect(findingsOf('unknown-field', text).findings).toEqual([]);
  });

  it('reports only the outermost new field, not the new types below it', () => {
    const volume = pod(`${app()}  volumes:\n  - name: m\n    «image»:\n      reference: registry.example/m:1\n`);
    const { findings, range } = findingsOf('unknown-field', volume, target(30));
    expect(findings.map((f) => f.range)).toEqual([range]);
  });

  it('does not suggest a field the target lacks for a misspelling', () => {
    const typo = pod(`  «hostnameOverrid»: web\n${app()}`);
    const messages = findingsOf('unknown-field', typo, target(33)).findings.map((f) => f.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).not.toContain('hostnameOverride');
  });
});

describe('feature-gate-off', () => {
  it('is an error when dropping sleep leaves the hook without a handler', () => {
    const text = pod(app('    lifecycle:\n      preStop:\n        «sleep»:\n          seconds: 5\n'));
    const { findings, range } = findingsOf('feature-gate-off', text, target(29));
    expect(findings.map((f) => [f.message, f.severity, f.range])).toEqual([
      ['`sleep` needs PodLifecycleSleepAction (alpha, off in v1.29, on from v1.30)', 'error', range],
    ]);
    expect(findingsOf('feature-gate-off', text, target(30)).findings).toEqual([]);
    expect(findingsOf('feature-gate-off', text, target(29, { PodLifecycleSleepAction: true })).findings).toEqual([]);
  });

  it('is a warning when the dropped field is only ignored', () => {
    const text = pod(`  «resources»:\n    limits: {cpu: "2"}\n${app()}`);
    const { findings, range } = findingsOf('feature-gate-off', text, target(33));
    expect(findings.map((f) => [f.message, f.severity, f.range])).toEqual([
      ['`resources` is ignored: PodLevelResources (alpha, off in v1.33, on from v1.34)', 'warning', range],
    ]);
    expect(findingsOf('feature-gate-off', text, target(34)).findings).toEqual([]);
  });

  it('cannot turn off a gate locked at GA', () => {
    const text = pod(app('    resizePolicy:\n    - resourceName: cpu\n      restartPolicy: NotRequired\n'));
    expect(findingsOf('feature-gate-off', text, target(35, { InPlacePodVerticalScaling: false })).findings).toEqual([]);
    expect(
      findingsOf('feature-gate-off', text, target(34, { InPlacePodVerticalScaling: false })).findings,
    ).toHaveLength(1);
  });
});

describe('container-restart-policy before ContainerRestartRules', () => {
  it('rejects restartPolicy Never on an init container up to v1.34', () => {
    const text = pod(
      `  initContainers:\n  - name: setup\n    image: registry.example/s:1\n    restartPolicy: «Never»\n${app()}`,
    );
    const { findings, range } = findingsOf('container-restart-policy', text, target(34));
    expect(findings.map((f) => [f.message, f.severity, f.range])).toEqual([
      ['spec.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"', 'error', range],
    ]);
    expect(findingsOf('container-restart-policy', text, target(35)).findings).toEqual([]);
  });
});

describe('StatefulSet pod spec validation before v1.34', () => {
  const sts =
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n' +
    '    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n' +
    '      - name: «Db_1»\n        image: registry.example/db:1\n';

  it('is a warning about the Pods until v1.33, an error from v1.34', () => {
    const old = findingsOf('invalid-container-name', sts, target(33));
    expect(old.findings.map((f) => [f.severity, f.range])).toEqual([['warning', old.range]]);
    expect(old.findings[0]?.message).toMatch(/^every Pod this StatefulSet creates will be rejected: /);
    const now = findingsOf('invalid-container-name', sts, target(34));
    expect(now.findings.map((f) => [f.severity, f.range])).toEqual([['error', now.range]]);
  });
});
