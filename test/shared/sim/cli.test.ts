// `podlens simulate` (server/cli/simulateCommand.ts) run in process: output formats, options and the
// one-line errors with exit code 2.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSimulate } from '../../../server/cli/simulateCommand';
import { FIXTURES } from './checkSim';

const FILES: Record<string, string> = {
  'multi.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
      - {name: app, image: app:1}
`,
  'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n',
  'scenario.json': '{"images": {}, "until": 50}',
  'bad-scenario.json': '{"until": "soon"}',
  'broken.json': '{until',
  'crash.yaml': `apiVersion: v1
kind: Pod
metadata: {name: crash}
spec:
  containers:
  - {name: app, image: busybox:1.36, command: [sh, -c, "exit 1"]}
`,
};

function cli(...argv: string[]) {
  let stdout = '';
  const stderr: string[] = [];
  const code = runSimulate(argv, {
    readFile: (p) => {
      if (p in FILES) return FILES[p] as string;
      return fs.readFileSync(path.join(FIXTURES, p), 'utf8');
    },
    stdout: (s) => {
      stdout += s;
    },
    stderr: (l) => stderr.push(l),
  });
  return { code, stdout, stderr };
}

describe('podlens simulate', () => {
  it('prints a text timeline with the prediction and the assumptions', () => {
    const r = cli('seeds/001-05-example-pod-always.yaml', '--until', '40');
    expect(r.code).toBe(0);
    expect(r.stderr).toEqual([]);
    expect(r.stdout).toContain('Prediction: Init:CrashLoopBackOff predicted for init-container');
    expect(r.stdout).toMatch(/^2s\+\s+Init:CrashLoopBackOff\s+0\/1\s+1 \(0s ago\)/m);
    expect(r.stdout).toContain('Assumptions (override them with --scenario;');
  });

  it('prints the JSON contract', () => {
    const r = cli('seeds/001-23-failed-pod.yaml', '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ version: 1, pod: 'failed-pod', document: 0 });
    expect(doc.steps.at(-1).kubectl.STATUS).toBe('Error');
  });

  it('uses the first pod document, or the one --document names', () => {
    const first = JSON.parse(cli('multi.yaml', '--format', 'json', '--until', '10').stdout);
    expect(first.document).toBe(1);
    expect(cli('multi.yaml', '--document', '1', '--until', '10').code).toBe(0);
  });

  it('applies --scenario, --delete-at and --at', () => {
    const r = cli(
      'seeds/001-15-pre-stop.yaml',
      '--scenario',
      'scenario.json',
      '--delete-at',
      '20',
      '--at',
      '25',
      '--format',
      'json',
    );
    const doc = JSON.parse(r.stdout);
    expect(doc.assumptions.until).toBe(50);
    expect(doc.steps.find((s: { t: number }) => s.t === 25).kubectl.STATUS).toBe('Terminating');
    expect(doc.steps.at(-1)).toMatchObject({ t: 30, exists: false });
  });

  it('prints the timeline up to an early stop and says on stderr where the work budget stopped it', () => {
    // Ten years of a crash loop: the prediction stops early rather than computing a million restarts.
    const r = cli('crash.yaml', '--until', '315360000');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/CrashLoopBackOff/);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(
      /^podlens: simulation: prediction stopped early at t=\d+ s of 315360000 s: the simulation's work budget ran out/,
    );
  });

  it.each([
    [['missing.yaml'], /cannot read file missing\.yaml: ENOENT/],
    [['cm.yaml'], /cm\.yaml has no pod document/],
    [['multi.yaml', '--document', '0'], /document 0 of multi\.yaml is not a pod document \(ConfigMap\)/],
    [['multi.yaml', '--document', '7'], /multi\.yaml has no document 7/],
    [
      ['seeds/001-23-failed-pod.yaml', '--scenario', 'bad-scenario.json'],
      /invalid scenario: scenario\.until: Expected number/,
    ],
    [['seeds/001-23-failed-pod.yaml', '--scenario', 'broken.json'], /scenario broken\.json is not valid JSON/],
    [['seeds/002-25-mypod.yaml'], /cannot simulate this pod: spec\.containers/],
    [['seeds/001-23-failed-pod.yaml', '--until', '0'], /--until must be a number >= 1 \(got "0"\)/],
    [['seeds/001-23-failed-pod.yaml', '--format', 'yaml'], /unknown --format "yaml"/],
    [['seeds/001-23-failed-pod.yaml', '--bogus'], /Unknown option '--bogus'/],
    [[], /exactly one file/],
  ])('fails with one line and exit code 2: %j', (argv, message) => {
    const r = cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/^podlens: /);
    expect(r.stderr[0]).toMatch(message);
  });
});
