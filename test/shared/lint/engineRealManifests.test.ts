// Real manifests from public repositories (../shared/real-manifests, never copied into this repository): each lints
// without a crash or a failing rule, and none that the API server accepts gets an error-severity finding.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, type RuleFailure } from '../../../shared/lint';

const DIR = path.resolve(__dirname, '../../../../shared/real-manifests');
const present = existsSync(path.join(DIR, 'INDEX.tsv'));

/** INDEX.tsv notes that mark files the API server does not accept as written. */
const NOT_ACCEPTED = /helm-template|partial-patch|removed-api/;

/**
 * Files INDEX.tsv leaves unmarked that the API server still rejects as written, with the error podlens must report.
 * metrics-server's kustomize base has no spec.selector: its kustomization adds one (labels with includeSelectors),
 * and applied on its own the Deployment fails with `spec.selector: Required value`.
 */
const REJECTED_AS_WRITTEN: Record<string, string[]> = {
  'kubernetes-sigs__metrics-server__manifests__base__deployment.yaml': ['missing-required-field spec.selector'],
};

function notes(): Map<string, string> {
  const rows = readFileSync(path.join(DIR, 'INDEX.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  return new Map(rows.map((r) => r.split('\t')).map((c) => [c[4] as string, c[5] ?? '']));
}

describe.skipIf(!present)(`real manifests in ${DIR}`, () => {
  const files = present ? readdirSync(DIR).sort() : [];
  const index = present ? notes() : new Map<string, string>();

  it('holds the 76 manifests of the corpus, each listed in INDEX.tsv', () => {
    const manifests = files.filter((f) => f.endsWith('.yaml'));
    expect(manifests.length).toBe(76);
    for (const f of manifests) expect(index.has(f)).toBe(true);
  });

  for (const file of files) {
    it(`${file} lints without a crash${NOT_ACCEPTED.test(index.get(file) ?? '') ? '' : ' and without a false error'}`, () => {
      const failures: RuleFailure[] = [];
      const text = readFileSync(path.join(DIR, file), 'utf8');
      const findings = lintText(text, { path: file, onRuleFailure: (f) => failures.push(f) });
      expect(failures).toEqual([]);
      for (const f of findings) {
        expect(f.range.start.line).toBeGreaterThanOrEqual(0);
        expect(f.message.length).toBeGreaterThan(0);
      }
      if (NOT_ACCEPTED.test(index.get(file) ?? '')) return;
      const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.path}`);
      expect(errors).toEqual(REJECTED_AS_WRITTEN[file] ?? []);
    });
  }
});

describe.skipIf(present)('real manifests', () => {
  it.skip(`skipped: ${DIR} is not present (the corpus lives next to the repository, never inside it)`, () => {});
});
