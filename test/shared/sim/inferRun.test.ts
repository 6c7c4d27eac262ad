// The run inference table: what a container's command does, predicted from the manifest alone (issues 3, 13).
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../shared/model';
import { predictProcess } from '../../../shared/sim/infer/process';

function inferRun(fields: string) {
  const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox\n${fields}`;
  const pod = parseManifests(text).documents[0]?.pod;
  const c = pod?.containers[0];
  if (!pod || !c) throw new Error('fixture has no container');
  return predictProcess(pod, c, new Set()).execution;
}

const cmd = (argv: string[]) => `    command: ${JSON.stringify(argv)}\n`;

type Expected = { kind: 'exits'; exitCode: number; afterSeconds?: number } | { kind: 'forever' } | { kind: 'unknown' };

const CASES: [string, string, Expected][] = [
  ['sh -c "exit 1"', cmd(['sh', '-c', 'exit 1']), { kind: 'exits', exitCode: 1, afterSeconds: 0 }],
  ['exit 0 via /bin/sh', cmd(['/bin/sh', '-c', 'exit 0']), { kind: 'exits', exitCode: 0, afterSeconds: 0 }],
  ['exit 256 wraps to 0', cmd(['sh', '-c', 'exit 256']), { kind: 'exits', exitCode: 0, afterSeconds: 0 }],
  ['sleep N', cmd(['sleep', '10']), { kind: 'exits', exitCode: 0, afterSeconds: 10 }],
  ['sleep with units', cmd(['sleep', '1m', '30s']), { kind: 'exits', exitCode: 0, afterSeconds: 90 }],
  [
    'echo && sleep',
    cmd(['sh', '-c', 'echo Initializing... && sleep 10']),
    { kind: 'exits', exitCode: 0, afterSeconds: 10 },
  ],
  ['echo; sleep', cmd(['sh', '-c', 'echo Hello, World!; sleep 5']), { kind: 'exits', exitCode: 0, afterSeconds: 5 }],
  ['sleep then exit', cmd(['sh', '-c', 'sleep 5; exit 3']), { kind: 'exits', exitCode: 3, afterSeconds: 5 }],
  ['false && skipped', cmd(['sh', '-c', 'false && sleep 100']), { kind: 'exits', exitCode: 1, afterSeconds: 0 }],
  ['false || recovered', cmd(['sh', '-c', 'false || sleep 2']), { kind: 'exits', exitCode: 0, afterSeconds: 2 }],
  ['true', cmd(['true']), { kind: 'exits', exitCode: 0, afterSeconds: 0 }],
  ['false', cmd(['/bin/false']), { kind: 'exits', exitCode: 1, afterSeconds: 0 }],
  ['bash -ec', cmd(['bash', '-ec', 'echo a\nsleep 3']), { kind: 'exits', exitCode: 0, afterSeconds: 3 }],
  ['args as the command', '    args: ["sleep", "7"]\n', { kind: 'exits', exitCode: 0, afterSeconds: 7 }],
  [
    'quoted separators stay inside words',
    cmd(['sh', '-c', "echo 'a; exit 4'; sleep 1"]),
    { kind: 'exits', exitCode: 0, afterSeconds: 1 },
  ],
  ['comments are ignored', cmd(['sh', '-c', 'sleep 2 # then exit 9']), { kind: 'exits', exitCode: 0, afterSeconds: 2 }],
  [
    'background jobs do not block',
    cmd(['sh', '-c', 'sleep 100 & sleep 1']),
    { kind: 'exits', exitCode: 0, afterSeconds: 1 },
  ],
  [
    'a wait loop on a condition it cannot see is assumed satisfied',
    cmd(['sh', '-c', 'until pg_isready -h db; do echo waiting; sleep 2; done']),
    { kind: 'exits', exitCode: 0, afterSeconds: 0 },
  ],
  [
    'a wait loop on a Service that does not exist waits forever',
    cmd(['sh', '-c', 'until nslookup db; do echo waiting; sleep 2; done']),
    { kind: 'forever' },
  ],
  ['while true', cmd(['sh', '-c', 'while true; do echo Running...; sleep 10000; done']), { kind: 'forever' }],
  ['while :', cmd(['sh', '-c', 'while :; do sleep 1; done']), { kind: 'forever' }],
  ['sleep infinity', cmd(['sleep', 'infinity']), { kind: 'forever' }],
  ['tail -f', cmd(['tail', '-f', '/dev/null']), { kind: 'forever' }],
  ['server', cmd(['nginx', '-g', 'daemon off;']), { kind: 'forever' }],
  ['exec server', cmd(['sh', '-c', 'echo start; exec nginx']), { kind: 'forever' }],
  ['no command: busybox runs sh, which exits at once', '', { kind: 'exits', exitCode: 0, afterSeconds: 0 }],
  ['unknown program', cmd(['myapp', '--serve']), { kind: 'unknown' }],
  ['wget of a Service that does not exist', cmd(['wget', 'http://x']), { kind: 'exits', exitCode: 4 }],
  ['if on a file it cannot see', cmd(['sh', '-c', 'if [ -f /x ]; then exit 1; else exit 0; fi']), { kind: 'unknown' }],
  [
    'if on a file in /tmp',
    cmd(['sh', '-c', 'if [ -f /tmp/x ]; then exit 1; else exit 3; fi']),
    { kind: 'exits', exitCode: 3 },
  ],
  ['loop with break', cmd(['sh', '-c', 'while true; do break; done']), { kind: 'exits', exitCode: 0 }],
  ['script file', cmd(['sh', '/run.sh']), { kind: 'unknown' }],
  [
    'for over words',
    cmd(['sh', '-c', 'for i in 1 2 3; do sleep 2; done']),
    { kind: 'exits', exitCode: 0, afterSeconds: 6 },
  ],
  [
    'set -e stops at the first failure',
    cmd(['sh', '-c', 'set -e; false; sleep 9']),
    { kind: 'exits', exitCode: 1, afterSeconds: 0 },
  ],
  [
    'a redirect makes the file a test reads',
    cmd(['sh', '-c', 'echo ok > /tmp/f; test -f /tmp/f && exit 7']),
    { kind: 'exits', exitCode: 7 },
  ],
  [
    'elif picks the first true branch',
    cmd(['sh', '-c', 'if false; then exit 1; elif true; then exit 2; else exit 3; fi']),
    { kind: 'exits', exitCode: 2 },
  ],
  ['trap and wait on a background sleep', cmd(['sh', '-c', 'trap : TERM; sleep infinity & wait']), { kind: 'forever' }],
  [
    'curl of an outside URL',
    cmd(['sh', '-c', 'curl -fsS https://example.com/x']),
    { kind: 'exits', exitCode: 0, afterSeconds: 1 },
  ],
  [
    'stress-ng without a memory limit runs until stopped',
    cmd(['stress-ng', '--vm', '2', '--vm-bytes', '1G']),
    { kind: 'forever' },
  ],
  // A program the Python reader follows to its end exits at once; one it cannot follow keeps the 5 s guess.
  ['a python one-liner', cmd(['python3', '-c', 'print(42)']), { kind: 'exits', exitCode: 0, afterSeconds: 0 }],
  [
    'a python program that exits 3',
    cmd(['python3', '-c', 'import sys\nsys.exit(3)']),
    { kind: 'exits', exitCode: 3, afterSeconds: 0 },
  ],
  [
    'a python program the reader cannot follow',
    cmd(['python3', '-c', 'x = compute()\nprint(x)']),
    { kind: 'exits', exitCode: 0, afterSeconds: 5 },
  ],
  ['a python server module', cmd(['python3', '-m', 'http.server', '8000']), { kind: 'forever' }],
  ['ping with a count', cmd(['ping', '-c', '4', 'example.com']), { kind: 'exits', exitCode: 0, afterSeconds: 3 }],
  ['variable exit code', cmd(['sh', '-c', 'exit $CODE']), { kind: 'unknown' }],
  ['templated command', '    command: "{{ .Values.cmd }}"\n', { kind: 'unknown' }],
];

describe('inferRun', () => {
  it.each(CASES)('%s', (_name, fields, expected) => {
    const r = inferRun(fields);
    expect(r).toMatchObject(expected);
    expect(r.because.length).toBeGreaterThan(0);
  });

  it('reports a shell builtin used as the command as a start error', () => {
    const p = inferRun(cmd(['exit', '1']));
    expect(p).toMatchObject({ kind: 'startError', message: 'exec: "exit": executable file not found in $PATH' });
  });

  it('says why a wait loop was assumed to end', () => {
    const r = inferRun(cmd(['sh', '-c', 'until pg_isready; do sleep 2; done']));
    expect(r.because).toContain('assumes the wait loop `until pg_isready` ends at once');
  });

  it('records the files a script makes and removes, with their times', () => {
    const r = inferRun(cmd(['sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']));
    expect(r.trace).toEqual([
      { t: 0, path: '/tmp/healthy', exists: true },
      { t: 30, path: '/tmp/healthy', exists: false },
    ]);
  });

  it('never throws on broken or huge scripts, and bounds the work on endless ones', () => {
    const scripts = [
      'while true; do '.repeat(500),
      `echo ${'x'.repeat(200_000)}`,
      'until $(nslookup; do sleep',
      'if then fi elif else',
      'for in do done; ) ) } {',
      `${'touch /tmp/a; rm -f /tmp/a; '.repeat(5000)}sleep 1`,
      'while true; do for i in 1 2 3; do touch /tmp/$i; done; done',
      "echo 'unterminated",
      '2>&1 >&2 < > >>',
    ];
    for (const script of scripts) {
      const r = inferRun(cmd(['sh', '-c', script]));
      expect(['exits', 'forever', 'unknown', 'oom']).toContain(r.kind);
    }
  });

  it('names the Service a wait loop waits for', () => {
    const r = inferRun(cmd(['sh', '-c', 'until nslookup db; do sleep 2; done']));
    expect(r.waitsFor).toEqual(['db']);
    expect(r.because).toContain('waits for Service db');
  });
});
