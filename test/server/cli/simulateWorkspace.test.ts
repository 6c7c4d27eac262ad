// `podlens simulate --workspace DIR [--workspace-complete]` (issue 18): the directory's manifests decide what
// exists beyond the pod's file and which namespace policies apply; bad options are one line and exit code 2.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSimulate } from '../../../server/cli/simulateCommand';
import { MODE_FROM_APP_CONFIG, webPod } from '../../helpers/manifests';

const ROOT = path.resolve(__dirname, '../../..');
let dir = '';
let empty = '';

const POD = webPod('nginx:1.27', MODE_FROM_APP_CONFIG);

const POLICY = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  mode: prod
---
apiVersion: v1
kind: LimitRange
metadata:
  name: bounds
spec:
  limits:
  - type: Container
    max: { memory: 1Gi }
`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-ws-'));
  fs.mkdirSync(path.join(dir, 'config'));
  fs.writeFileSync(path.join(dir, 'pod.yaml'), POD);
  fs.writeFileSync(path.join(dir, 'config', 'policy.yaml'), POLICY);
  fs.writeFileSync(
    path.join(dir, 'big.yaml'),
    POD.replace('    env:', '    resources: { limits: { memory: 2Gi } }\n    env:'),
  );
  empty = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-ws-empty-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(empty, { recursive: true, force: true });
});

function cli(...argv: string[]) {
  let stdout = '';
  const stderr: string[] = [];
  const code = runSimulate(argv, {
    readFile: (p) => fs.readFileSync(p, 'utf8'),
    stdout: (s) => {
      stdout += s;
    },
    stderr: (l) => stderr.push(l),
  });
  return { code, stdout, stderr };
}

const json = (r: { stdout: string }) => JSON.parse(r.stdout);
const lastStatus = (r: { stdout: string }) => {
  const steps = json(r).steps as { kubectl: { STATUS: string } }[];
  return steps[steps.length - 1]?.kubectl.STATUS;
};

describe('podlens simulate --workspace', () => {
  it('a ConfigMap in another file of the workspace exists: the pod runs, and the assumption names that file', () => {
    const r = cli(path.join(dir, 'pod.yaml'), '--workspace', dir, '--format', 'json', '--until', '30');
    expect(r.code).toBe(0);
    expect(lastStatus(r)).toBe('Running');
    expect(r.stdout).toContain(`ConfigMap app-config is defined in file://${path.join(dir, 'config', 'policy.yaml')}`);
  });

  it('a complete workspace without the ConfigMap: CreateContainerConfigError', () => {
    const r = cli(path.join(dir, 'pod.yaml'), '--workspace', empty, '--workspace-complete', '--format', 'json');
    expect(r.code).toBe(0);
    expect(lastStatus(r)).toBe('CreateContainerConfigError');
  });

  it('without --workspace the ConfigMap is assumed to exist, as before', () => {
    const r = cli(path.join(dir, 'pod.yaml'), '--format', 'json', '--until', '30');
    expect(lastStatus(r)).toBe('Running');
    expect(r.stdout).toContain('assumed: ConfigMap app-config exists, though not defined in this file');
  });

  it("a pod over the workspace's LimitRange max cannot be simulated: the admission message, exit 2", () => {
    const r = cli(path.join(dir, 'big.yaml'), '--workspace', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      `podlens: cannot simulate this pod: LimitRanger (LimitRange bounds, file://${path.join(dir, 'config', 'policy.yaml')}): ` +
        'pods "web" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi',
    ]);
  });

  it('a missing directory and --workspace-complete alone are usage errors', () => {
    expect(cli(path.join(dir, 'pod.yaml'), '--workspace', path.join(dir, 'nope')).stderr).toEqual([
      `podlens: --workspace ${path.join(dir, 'nope')} is not a directory`,
    ]);
    const alone = cli(path.join(dir, 'pod.yaml'), '--workspace-complete');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toEqual(['podlens: --workspace-complete needs --workspace DIR']);
  });

  it('the bundled CLI takes the options too', () => {
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'dist/cli.js'),
        'simulate',
        path.join(dir, 'pod.yaml'),
        '--workspace',
        empty,
        '--workspace-complete',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('CreateContainerConfigError');
    expect(r.stdout).toContain('ConfigMap app-config is in no file of the workspace (complete): absent');
  });
});
