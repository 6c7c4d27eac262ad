// The bundled CLI as users run it: exit codes, one-line errors, and the JSON contract.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_LINT_CONFIG, lintText } from '../../../shared/lint';
import { REPO_ROOT as ROOT, runCli } from '../../helpers/cli';

const run = runCli;

const position = z.object({ line: z.number().int().min(0), character: z.number().int().min(0) }).strict();
const contract = z
  .object({
    version: z.literal(1),
    files: z.array(
      z
        .object({
          path: z.string(),
          diagnostics: z.array(
            z
              .object({
                rule: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
                severity: z.enum(['error', 'warning', 'info', 'hint']),
                message: z.string().min(1),
                document: z.number().int().min(0),
                path: z.string(),
                range: z.object({ start: position, end: position }).strict(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-cli-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('podlens CLI', () => {
  it('prints its version and help', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(run(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('podlens lint <files|dirs|globs...>');
    expect(help.stdout).toContain('podlens simulate <file>');
  });

  it('lints examples/ into JSON that follows the contract', () => {
    const r = run(['lint', 'examples', '--format', 'json']);
    expect(r.stderr).toBe('');
    const report = contract.parse(JSON.parse(r.stdout));
    expect(report.files.map((f) => path.basename(f.path))).toContain('init-containers.yaml');
    expect(r.code).toBe(report.files.some((f) => f.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0);
  });

  it('exits 1 with error findings and reports them at 1-based positions in text', () => {
    const file = path.join(tmp, 'broken.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: [a\n');
    const r = run(['lint', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${file}:\\d+:\\d+ error yaml-syntax `, 'm'));
    expect(r.stdout).toMatch(/podlens: \d+ problems? \(\d+ errors?/);
  });

  it('lists errors and warnings in text by default and counts the infos and hints in one line', () => {
    const file = path.join(tmp, 'levels.yaml');
    // In a Deployment, latest-tag is a warning, missing-readiness-probe an info, missing-liveness-probe a hint.
    fs.writeFileSync(
      file,
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n',
    );
    const rules = (out: string) => [...out.matchAll(/^\S+:\d+:\d+ (\w+) ([a-z-]+) /gm)].map((m) => `${m[1]} ${m[2]}`);
    const byDefault = run(['lint', file]);
    expect(rules(byDefault.stdout)).toEqual(['warning latest-tag']);
    const json = contract.parse(JSON.parse(run(['lint', file, '--format', 'json']).stdout));
    const hidden = json.files[0]!.diagnostics.filter((d) => d.severity === 'info' || d.severity === 'hint');
    const infos = hidden.filter((d) => d.severity === 'info').length;
    const hints = hidden.length - infos;
    expect(infos).toBeGreaterThan(0);
    expect(hints).toBeGreaterThan(0);
    expect(byDefault.stdout).toContain(
      `podlens: ${infos} info${infos === 1 ? '' : 's'} and ${hints} hint${hints === 1 ? '' : 's'} not shown (--level hint lists them)`,
    );
    const all = run(['lint', file, '--level', 'hint']);
    expect(rules(all.stdout)).toHaveLength(1 + hidden.length);
    expect(rules(all.stdout)).toContain('hint missing-liveness-probe');
    expect(all.stdout).not.toContain('not shown');
    expect(rules(run(['lint', file, '--level', 'info']).stdout)).toContain('info missing-readiness-probe');
    expect(rules(run(['lint', file, '--level', 'error']).stdout)).toEqual([]);
    expect(run(['lint', file, '--level', 'loud'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown --level "loud"/),
    });
  });

  it.each([
    ['a missing file', ['missing.yaml'], /^podlens: missing\.yaml: no such file or directory\n$/],
    [
      'a glob that matches nothing',
      ['nothing/**/*.yaml'],
      /^podlens: nothing\/\*\*\/\*\.yaml: no files match this pattern\n$/,
    ],
    ['no files at all', [], /^podlens: lint: no files given/],
    ['an unknown format', ['--format', 'xml', 'examples'], /^podlens: unknown --format "xml"/],
  ])('exits 2 with one stderr line for %s', (_, args, message) => {
    const r = run(['lint', ...(args as string[])], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a directory without manifests, a binary file and invalid UTF-8, one line each', () => {
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(empty);
    const bin = path.join(tmp, 'image.yaml');
    fs.writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const latin1 = path.join(tmp, 'latin1.yaml');
    fs.writeFileSync(latin1, Buffer.from('kind: Pod\nname: caf\xe9\n', 'latin1'));
    const r = run(['lint', empty, bin, latin1]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `podlens: ${empty}: directory contains no .yaml or .yml files`,
      `podlens: ${bin}: binary file (contains NUL bytes), not a YAML manifest`,
      `podlens: ${latin1}: not valid UTF-8; Kubernetes manifests must be UTF-8`,
    ]);
  });

  it('still lints the readable files when another argument fails', () => {
    const r = run(['lint', 'missing.yaml', 'examples/crashloop.yaml', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(contract.parse(JSON.parse(r.stdout)).files.map((f) => f.path)).toEqual(['examples/crashloop.yaml']);
  });

  it('rejects an unknown command with one line', () => {
    const r = run(['deploy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('podlens: unknown command "deploy" (run "podlens --help" for the commands)\n');
  });

  it('applies .podlens.yaml from the working directory, and reports unknown rule ids in it', () => {
    const dir = path.join(tmp, 'configured');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(ROOT, 'examples/image-pull-policy.yaml'), path.join(dir, 'pods.yaml'));
    const rulesOf = (r: ReturnType<typeof run>) =>
      contract.parse(JSON.parse(r.stdout)).files.flatMap((f) => f.diagnostics.map((d) => d.rule));
    expect(rulesOf(run(['lint', 'pods.yaml', '--format', 'json'], dir))).toContain('latest-tag');
    fs.writeFileSync(path.join(dir, '.podlens.yaml'), 'rules:\n  latest-tag: off\n  no-such-rule: warning\n');
    const r = run(['lint', 'pods.yaml', '--format', 'json'], dir);
    const report = contract.parse(JSON.parse(r.stdout));
    expect(report.files.flatMap((f) => f.diagnostics.map((d) => d.rule))).not.toContain('latest-tag');
    expect(report.files[0]).toMatchObject({ path: '.podlens.yaml', diagnostics: [{ rule: 'unknown-rule-id' }] });
  });

  it('refuses an invalid .podlens.yaml with one line and exit 2', () => {
    const dir = path.join(tmp, 'badconfig');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '.podlens.yaml'), 'rules:\n  latest-tag: loud\n');
    fs.copyFileSync(path.join(ROOT, 'examples/crashloop.yaml'), path.join(dir, 'pod.yaml'));
    const r = run(['lint', 'pod.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^podlens: \.podlens\.yaml:2:15: invalid configuration: Invalid level for "latest-tag"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('writes SARIF 2.1.0 with rule help URIs and 1-based regions', () => {
    const r = run(['lint', 'test/fixtures/seeds/001-10-image-pull-policy-tag.yaml', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run0 = sarif.runs[0];
    const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'unknown-field');
    expect(rule.helpUri).toMatch(/docs\/rules\/unknown-field\.md$/);
    expect(rule.shortDescription.text.length).toBeGreaterThan(10);
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'unknown-field');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 1 });
    expect(run0.tool.driver.rules[result.ruleIndex].id).toBe('unknown-field');
  });

  it('lints a file of many documents on worker threads with the same findings as in-process linting', () => {
    const examples = fs
      .readdirSync(path.join(ROOT, 'examples'))
      .map((f) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'));
    // 250 different documents: each of the two workers posts its analyses in more than one run.
    const docs = Array.from({ length: 250 }, (_, i) => `# document ${i}\n${examples[i % examples.length]}`);
    const text = docs.map((d) => `---\n${d}`).join('');
    const file = path.join(tmp, 'many.yaml');
    fs.writeFileSync(file, text);
    const r = run(['lint', file, '--format', 'json']);
    const viaCli = contract.parse(JSON.parse(r.stdout)).files[0]?.diagnostics ?? [];
    const inProcess = lintText(text, { config: DEFAULT_LINT_CONFIG, path: file }).map(
      ({ rule, severity, message, document, path: p, range }) => ({
        rule,
        severity,
        message,
        document,
        path: p,
        range,
      }),
    );
    expect(viaCli.length).toBeGreaterThan(100);
    expect(viaCli).toEqual(inProcess);
  });
});
