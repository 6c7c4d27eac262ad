// Reliability (issue 8): the bundled CLI on hostile inputs. Each bad input gives one clear line on stderr and exit
// code 2 while the good inputs next to it are still linted; nothing hangs (a bound on every run), nothing prints a
// stack trace. Covers missing paths, directories, globs matching nothing, binary and invalid UTF-8 files, a 50 MB
// file made at test time, permission denied (as `nobody` when run as root), a FIFO with no writer, symlink loops, and `podlens simulate` inputs.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFsError, readManifest } from '../../server/cli/files';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const POD = fs.readFileSync(path.join(ROOT, 'examples/crashloop.yaml'), 'utf8');
/** A liveness bound: a run that blocks (a FIFO read, a huge parse) fails here instead of hanging the suite. */
const BOUND_MS = 30_000;
const IS_ROOT = process.getuid?.() === 0;

let tmp: string;
const at = (...p: string[]) => path.join(tmp, ...p);

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: 'utf8', timeout: BOUND_MS });
  if (r.error) throw new Error(`podlens ${args.join(' ')}: ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Root reads a file whatever its mode, so under root (CI containers) the CLI runs as `nobody` to meet a real
 * permission error: from a copy inside the test directory, which is opened to other users for it.
 */
function runUnprivileged(args: string[]) {
  if (!IS_ROOT) return run(args);
  const cli = at('podlens-cli.js');
  fs.copyFileSync(CLI, cli);
  fs.chmodSync(tmp, 0o755);
  const nobody = 65534;
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: BOUND_MS,
    uid: nobody,
    gid: nobody,
  });
  if (r.error) throw new Error(`podlens ${args.join(' ')} as nobody: ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The stderr lines of a run, which must hold no stack trace. */
function lines(stderr: string): string[] {
  expect(stderr).not.toMatch(/\n\s+at |Error: |node:internal/);
  return stderr.trim().split('\n').filter(Boolean);
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-hostile-'));
  fs.writeFileSync(at('good.yaml'), POD);
  fs.writeFileSync(at('binary.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
  fs.writeFileSync(at('latin1.yaml'), Buffer.from('kind: Pod\nmetadata: {name: caf\xe9}\n', 'latin1'));
  fs.mkdirSync(at('empty-dir'));
  fs.mkdirSync(at('loops'));
  fs.writeFileSync(at('loops', 'pod.yaml'), POD);
  fs.symlinkSync('.', at('loops', 'self-dir'));
  fs.symlinkSync('me.yaml', at('loops', 'me.yaml'));
  execFileSync('mkfifo', [at('fifo.yaml')]);
  // 50 MB of plausible YAML: if the size check failed, the CLI would try to parse all of it.
  const fd = fs.openSync(at('huge.yaml'), 'w');
  const chunk = Buffer.from(`---\n${POD}`.repeat(Math.ceil((1024 * 1024) / POD.length)));
  for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk);
  fs.ftruncateSync(fd, 50 * 1024 * 1024);
  fs.closeSync(fd);
  fs.writeFileSync(at('locked.yaml'), POD);
  fs.chmodSync(at('locked.yaml'), 0o000);
  fs.writeFileSync(at('scenario-broken.json'), '{"until": ');
  fs.writeFileSync(at('configmap.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n');
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('podlens lint on hostile inputs', () => {
  it.each([
    ['a missing path', 'missing.yaml', 'missing.yaml: no such file or directory'],
    ['a directory without manifests', 'empty-dir', 'empty-dir: directory contains no .yaml or .yml files'],
    ['a glob matching nothing', 'nothing/**/*.yml', 'nothing/**/*.yml: no files match this pattern'],
    ['a binary file', 'binary.yaml', 'binary.yaml: binary file (contains NUL bytes), not a YAML manifest'],
    ['invalid UTF-8', 'latin1.yaml', 'latin1.yaml: not valid UTF-8; Kubernetes manifests must be UTF-8'],
    ['a 50 MB file', 'huge.yaml', 'huge.yaml: file is 50.0 MiB; manifests over 10 MiB are not linted'],
    ['a FIFO with no writer', 'fifo.yaml', 'fifo.yaml: not a regular file (a FIFO, socket or device)'],
    ['a symlink to itself', 'loops/me.yaml', 'loops/me.yaml: too many levels of symbolic links'],
  ])('reports %s in one line, exits 2 and still lints the good file', (_, input, message) => {
    const r = run(['lint', input, 'good.yaml', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`podlens: ${message}`]);
    const report = JSON.parse(r.stdout) as { files: { path: string; diagnostics: unknown[] }[] };
    expect(report.files.map((f) => f.path)).toEqual(['good.yaml']);
  });

  it('reports an unreadable file as permission denied', () => {
    const r = runUnprivileged(['lint', 'locked.yaml', 'good.yaml']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['podlens: locked.yaml: permission denied']);
  });

  it('maps permission errors to one line whoever runs the tests', () => {
    for (const code of ['EACCES', 'EPERM']) {
      expect(describeFsError(Object.assign(new Error(`${code}: open`), { code }))).toBe('permission denied');
    }
    const read = readManifest(at('locked.yaml'));
    expect(read.ok ? 'read' : read.message).toBe(IS_ROOT ? 'read' : 'permission denied');
  });

  it('walks a directory with a symlink loop once, and a glob through it without hanging', () => {
    const dir = run(['lint', 'loops', '--format', 'json']);
    expect(lines(dir.stderr)).toEqual([]);
    expect(JSON.parse(dir.stdout).files.map((f: { path: string }) => f.path)).toEqual([path.join('loops', 'pod.yaml')]);
    const glob = run(['lint', 'loops/**/*.yaml', '--format', 'json']);
    expect(glob.code).not.toBeNull();
    expect(JSON.parse(glob.stdout).files.map((f: { path: string }) => f.path)).toContain('loops/pod.yaml');
  });
});

describe('podlens simulate on hostile inputs', () => {
  it.each([
    [['missing.yaml'], 'cannot read file missing.yaml: no such file or directory'],
    [['empty-dir'], 'cannot read file empty-dir: is a directory'],
    [['binary.yaml'], 'cannot read file binary.yaml: binary file (contains NUL bytes), not a YAML manifest'],
    [['fifo.yaml'], 'cannot read file fifo.yaml: not a regular file (a FIFO, socket or device)'],
    [['huge.yaml'], 'cannot read file huge.yaml: file is 50.0 MiB; manifests over 10 MiB are not linted'],
    [['configmap.yaml'], 'configmap.yaml has no pod document (a Pod or a workload with a pod template)'],
    [['good.yaml', '--scenario', 'missing.json'], 'cannot read scenario missing.json: no such file or directory'],
    [
      ['good.yaml', '--scenario', 'fifo.yaml'],
      'cannot read scenario fifo.yaml: not a regular file (a FIFO, socket or device)',
    ],
  ])('%j: one line, exit 2', (args, message) => {
    const r = run(['simulate', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([`podlens: ${message}`]);
  });

  it('reports a broken scenario file in one line', () => {
    const r = run(['simulate', 'good.yaml', '--scenario', 'scenario-broken.json']);
    expect(r.code).toBe(2);
    const [line, ...rest] = lines(r.stderr);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^podlens: scenario scenario-broken\.json is not valid JSON: /);
  });
});
