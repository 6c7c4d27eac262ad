// `podlens lint --kubernetes-version/--feature-gates` and `kubernetesVersion:`/`featureGates:` in .podlens.yaml.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { webPod } from '../../helpers/manifests';

const run = runCli;

const SLEEP_POD = webPod(
  'registry.example/app:1.4.2',
  `    lifecycle:
      preStop:
        sleep:
          seconds: 5
    restartPolicy: Always
`,
);

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-cli-versions-'));
  fs.writeFileSync(path.join(tmp, 'pod.yaml'), SLEEP_POD);
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const rules = (stdout: string) =>
  (JSON.parse(stdout) as { files: { diagnostics: { rule: string; severity: string; message: string }[] }[] }).files
    .flatMap((f) => f.diagnostics)
    .filter((d) => d.severity === 'error')
    .map((d) => d.rule)
    .sort();

describe('podlens lint against a Kubernetes version', () => {
  it('is clean against the newest version by default', () => {
    const r = run(['lint', 'pod.yaml', '--format', 'json'], tmp);
    expect(r.code).toBe(0);
    expect(rules(r.stdout)).toEqual([]);
  });

  it('applies --kubernetes-version and --feature-gates', () => {
    const old = run(['lint', 'pod.yaml', '--format', 'json', '--kubernetes-version', '1.29'], tmp);
    expect(old.code).toBe(1);
    expect(rules(old.stdout)).toEqual(['container-restart-policy', 'feature-gate-off']);
    const gated = run(
      [
        'lint',
        'pod.yaml',
        '--format',
        'json',
        '--kubernetes-version',
        '1.29',
        '--feature-gates',
        'PodLifecycleSleepAction=true',
      ],
      tmp,
    );
    expect(rules(gated.stdout)).toEqual(['container-restart-policy']);
  });

  it('reads kubernetesVersion and featureGates from .podlens.yaml, the flags winning', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'cfg-'));
    fs.writeFileSync(path.join(dir, 'pod.yaml'), SLEEP_POD);
    fs.writeFileSync(
      path.join(dir, '.podlens.yaml'),
      'kubernetesVersion: "1.34"\nfeatureGates:\n  ContainerRestartRules: true\n',
    );
    expect(rules(run(['lint', 'pod.yaml', '--format', 'json'], dir).stdout)).toEqual([]);
    // v1.33 has no ContainerRestartRules gate to turn on.
    const flagged = run(['lint', 'pod.yaml', '--format', 'json', '--kubernetes-version', '1.33'], dir);
    expect(rules(flagged.stdout)).toEqual(['container-restart-policy']);
    const off = run(['lint', 'pod.yaml', '--format', 'json', '--feature-gates', 'ContainerRestartRules=false'], dir);
    expect(rules(off.stdout)).toEqual(['container-restart-policy']);
  });

  it('rejects an unsupported version or a malformed gate with exit 2 and one line', () => {
    const bad = run(['lint', 'pod.yaml', '--kubernetes-version', '1.20'], tmp);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(
      'podlens: unsupported --kubernetes-version "1.20" (1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36)',
    );
    const gate = run(['lint', 'pod.yaml', '--feature-gates', 'ImageVolume'], tmp);
    expect(gate.code).toBe(2);
    expect(gate.stderr.trim()).toBe(
      'podlens: invalid --feature-gates entry "ImageVolume" (use Name=true or Name=false)',
    );
  });
});
