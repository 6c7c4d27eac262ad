// Every lifecycle and metadata rule has a doc page whose failing example it flags and whose passing example it does not.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../../shared/lint';
import { findings } from '../../helpers/lint/lintHelpers';

const DOCS = path.resolve(__dirname, '../../../docs/rules');
const RULE_FILES = path.resolve(__dirname, '../../../shared/lint/rules');
const ours = allRules().filter((r) => r.meta.family === 'lifecycle' || r.meta.family === 'metadata');

function example(page: string, heading: string): string {
  const m = new RegExp(`## ${heading}\\n\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(page);
  if (!m?.[1]) throw new Error(`no "${heading}" yaml block`);
  return m[1];
}

describe('rule doc pages', () => {
  it('cover every rule filed under rules/lifecycle and rules/metadata', () => {
    const filed = ['lifecycle', 'metadata'].flatMap((dir) =>
      readdirSync(path.join(RULE_FILES, dir))
        .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
        .map((f) => f.replace(/\.ts$/, '')),
    );
    expect(ours.map((r) => r.meta.id).sort()).toEqual(filed.sort());
  });

  it.each(ours.map((r) => [r.meta.id]))('%s: page, failing and passing examples', (id) => {
    const file = path.join(DOCS, `${id}.md`);
    expect(existsSync(file)).toBe(true);
    const page = readFileSync(file, 'utf8');
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page).toContain('## Why it matters');
    expect(page).toContain('## Source');
    expect(findings(example(page, 'Failing example'), id).length).toBeGreaterThan(0);
    expect(findings(example(page, 'Passing example'), id)).toEqual([]);
  });
});
