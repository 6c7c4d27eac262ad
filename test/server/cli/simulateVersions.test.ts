// `podlens simulate --kubernetes-version/--feature-gates` and the target in .podlens.yaml: the kubelet predicted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';

const run = (args: string[], cwd: string) => runCli(['simulate', 'pod.yaml', ...args], cwd);

// A native sidecar: with the gate on it runs beside the app (2/2 ready); with it off the kubelet treats it as an
// ordinary init container that must finish before the app starts (1/1 ready, later).
const SIDECAR_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: log-shipper
    image: fluent/fluent-bit:3.1
    restartPolicy: Always
  containers:
  - name: app
    image: nginx:1.27
`;

const prediction = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('Prediction:'));
const running = (stdout: string) =>
  stdout
    .split('\n')
    .find((l) => /^\d+s\s+Running\s/.test(l))
    ?.split(/\s+/)[2];

let tmp: string;
let configured: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-cli-simulate-versions-'));
  fs.writeFileSync(path.join(tmp, 'pod.yaml'), SIDECAR_POD);
  configured = path.join(tmp, 'configured');
  fs.mkdirSync(configured);
  fs.writeFileSync(path.join(configured, 'pod.yaml'), SIDECAR_POD);
  fs.writeFileSync(
    path.join(configured, '.podlens.yaml'),
    'kubernetesVersion: "1.31"\nfeatureGates:\n  SidecarContainers: false\n',
  );
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('podlens simulate against a Kubernetes version', () => {
  it('runs the sidecar beside the app on the newest kubelet', () => {
    const r = run([], tmp);
    expect(r.code).toBe(0);
    expect(prediction(r.stdout)).toBe('Prediction: Ready in ~4 s');
    expect(running(r.stdout)).toBe('2/2');
  });

  it('waits for the sidecar to finish with --kubernetes-version 1.31 --feature-gates SidecarContainers=false', () => {
    const r = run(['--kubernetes-version', '1.31', '--feature-gates', 'SidecarContainers=false'], tmp);
    expect(r.code).toBe(0);
    expect(prediction(r.stdout)).toBe('Prediction: Ready in ~9 s');
    expect(running(r.stdout)).toBe('1/1');
  });

  it('reads the target from .podlens.yaml, the flags winning', () => {
    const fromFile = run([], configured);
    expect(fromFile.code).toBe(0);
    expect(running(fromFile.stdout)).toBe('1/1');
    const overridden = run(['--feature-gates', 'SidecarContainers=true'], configured);
    expect(overridden.code).toBe(0);
    expect(running(overridden.stdout)).toBe('2/2');
  });

  it('exits 2 with one line for an unsupported version or a malformed gate', () => {
    for (const args of [
      ['--kubernetes-version', '1.12'],
      ['--feature-gates', 'SidecarContainers'],
    ]) {
      const r = run(args, tmp);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^podlens: (unsupported --kubernetes-version "1.12"|invalid --feature-gates entry)/);
    }
  });
});
