// `podlens simulate`'s text output (issue 13): fits 120 columns, keeps commands as written, explains its
// notations, shows the Job controller's pods and lists each assumption with its manifest line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSimulate } from '../../../server/cli/simulateCommand';

const EXAMPLES = path.join(__dirname, '../../../examples');

const FILES: Record<string, string> = {
  'config.yaml': `apiVersion: v1
kind: Pod
metadata: {name: cfg}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo $(cat /etc/config) && sleep 3600"]
    livenessProbe:
      exec: {command: ["sh", "-c", "test -f $(cat /etc/config)"]}
`,
  'failing.json': '{"containers": {"app": {"probes": {"liveness": {"always": "failure"}}}}}',
  'job.yaml': `apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
`,
  'fails.json': '{"containers": {"pi": {"runs": [{"exitCode": 1, "afterSeconds": 3}]}}}',
};

function text(...argv: string[]) {
  let stdout = '';
  const code = runSimulate(argv, {
    readFile: (p) => FILES[p] ?? fs.readFileSync(p, 'utf8'),
    stdout: (s) => {
      stdout += s;
    },
    stderr: () => undefined,
  });
  expect(code).toBe(0);
  return stdout;
}

const longest = (out: string) => Math.max(...out.split('\n').map((l) => l.length));

describe('podlens simulate text output', () => {
  const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));

  it.each(examples)('%s fits 120 columns', (file) => {
    expect(longest(text(path.join(EXAMPLES, file)))).toBeLessThanOrEqual(120);
  });

  it('wraps the event messages to --width', () => {
    const out = text('config.yaml', '--scenario', 'failing.json', '--until', '40', '--width', '80');
    expect(longest(out)).toBeLessThanOrEqual(80);
    expect(out).toContain('Liveness probe failed');
  });

  it('shows commands verbatim, a quoted command on one line', () => {
    const out = text('config.yaml', '--scenario', 'failing.json', '--until', '40');
    expect(out).toContain('"sh -c test -f $(cat /etc/config)"');
    const plain = text('config.yaml', '--until', '10');
    expect(plain).toContain('`sh -c "echo $(cat /etc/config) && sleep 3600"`');
  });

  it('explains its notations in a legend', () => {
    const out = text('config.yaml', '--until', '10');
    expect(out).toMatch(/^Legend:$/m);
    expect(out).toContain('`12s+` is the state right after what happened at 12s');
    expect(out).toContain('`!` marks a Warning event');
  });

  it('lists every assumption with the manifest line it came from', () => {
    const out = text('config.yaml', '--until', '10');
    expect(out).toMatch(/^ {2}line 8 +containers\.app\.runs: /m);
    expect(out).toMatch(/^ {2}line 7 +images\[busybox:1\.36\]: /m);
    expect(out).toMatch(/^ {2}- +node\.allocatable: /m);
  });

  it('lists the pods of a Job one after another with its final condition', () => {
    const out = text('job.yaml', '--scenario', 'fails.json');
    expect(out).toContain('Prediction: Fails: exit 1, BackoffLimitExceeded at ~41 s (3 pods)');
    expect(out).toMatch(
      /^Job pi \(completions 1, parallelism 1, backoffLimit 2\): Failed \(BackoffLimitExceeded\) at 41s/m,
    );
    const rows = out.split('\n').filter((l) => /^ {2}pi-[a-z0-9]{5} /.test(l));
    expect(rows.map((r) => r.split(/\s+/).slice(3, 6).join(' '))).toEqual([
      '0s 5s Failed',
      '15s 18s Failed',
      '38s 41s Failed',
    ]);
  });
});
