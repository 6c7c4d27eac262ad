// Diagnostics people read (issue 15): every finding on every example, seed, fixture manifest and API-validation
// case is one line of at most 100 characters; the explanation lives in the detail the hover shows.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { MAX_MESSAGE_LENGTH } from '../../../shared/lint/message';
import { UPSTREAM_CASES } from '../../fixtures/lint/api/upstreamCases';
import { VALIDATION_CASES } from '../../fixtures/lint/api/validationCases';
import { marked } from '../../helpers/lint/marked';

const ROOT = path.resolve(__dirname, '../../..');

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

/** Every manifest the repository ships or tests with, by name. */
function corpus(): [string, string][] {
  const files = [...yamlFiles(path.join(ROOT, 'examples')), ...yamlFiles(path.join(ROOT, 'test/fixtures'))];
  return [
    ...files.map((f): [string, string] => [path.relative(ROOT, f), fs.readFileSync(f, 'utf8')]),
    ...[...VALIDATION_CASES, ...UPSTREAM_CASES].map((c): [string, string] => [c.source, c.yaml]),
  ];
}

describe('finding messages', () => {
  const all = corpus();

  it('covers the examples, the seeds, the fixtures and the validation cases', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it('are single lines of at most 100 characters', () => {
    const offenders: string[] = [];
    let findings = 0;
    for (const [name, text] of all) {
      for (const f of lintText(marked(text).text, { path: name })) {
        findings++;
        if (f.message.includes('\n') || f.message.length > MAX_MESSAGE_LENGTH) {
          offenders.push(`${name} ${f.rule} (${f.message.length}): ${f.message}`);
        }
      }
    }
    expect(findings).toBeGreaterThan(200);
    expect(offenders).toEqual([]);
  });
});
