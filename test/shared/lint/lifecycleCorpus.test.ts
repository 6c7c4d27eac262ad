// The lifecycle and metadata families over the examples, the seed manifests and the real-world corpus: no
// error on anything the API server accepts, and the seed that crash-loops an init container is flagged.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Finding, ruleById } from '../../../shared/lint';
import { explained, lint } from '../../helpers/lint/lintHelpers';

const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = path.resolve(ROOT, '../shared/real-manifests');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));
}

function ours(findings: Finding[]): Finding[] {
  return findings.filter((f) => ['lifecycle', 'metadata'].includes(ruleById(f.rule)?.meta.family ?? ''));
}

describe('examples and seed manifests', () => {
  const files = [...yamlFiles(path.join(ROOT, 'examples')), ...yamlFiles(path.join(ROOT, 'test/fixtures/seeds'))];

  it.each(files.map((f) => [path.relative(ROOT, f), f]))(
    '%s gets no error from lifecycle or metadata rules',
    (_, file) => {
      const errors = ours(lint(readFileSync(file, 'utf8'), file)).filter((f) => f.severity === 'error');
      expect(errors).toEqual([]);
    },
  );

  it('flags the seed init container that runs `exit 1` under restartPolicy Always as Init:CrashLoopBackOff', () => {
    const text = readFileSync(path.join(ROOT, 'test/fixtures/seeds/001-05-example-pod-always.yaml'), 'utf8');
    const found = ours(lint(text)).filter((f) => f.rule === 'init-never-succeeds');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('warning');
    expect(explained(found[0])).toContain('Init:CrashLoopBackOff');
  });

  it('flags the crash-looping example container', () => {
    const text = readFileSync(path.join(ROOT, 'examples/crashloop.yaml'), 'utf8');
    expect(ours(lint(text)).filter((f) => f.rule === 'crashloop-predicted')).toHaveLength(1);
  });
});

describe.runIf(existsSync(CORPUS))('real-world manifests', () => {
  it('lint without an error from lifecycle or metadata rules', () => {
    const errors: string[] = [];
    for (const file of yamlFiles(CORPUS)) {
      for (const f of ours(lint(readFileSync(file, 'utf8'), file))) {
        if (f.severity === 'error') errors.push(`${path.basename(file)}:${f.range.start.line + 1} ${f.rule}`);
      }
    }
    expect(errors).toEqual([]);
  });
});
