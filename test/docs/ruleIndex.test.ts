// The rule index and the rule pages follow the registry: every rule is listed and has its page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRuleIndex } from '../../scripts/gen/ruleIndex';
import { allRuleMetas } from '../../shared/lint';

const RULES = path.resolve(__dirname, '../../docs/rules');

describe('docs/rules', () => {
  it('README.md is the index of the registry (regenerate with npm run gen:rules)', () => {
    expect(fs.readFileSync(path.join(RULES, 'README.md'), 'utf8')).toBe(renderRuleIndex());
  });

  it('has a page for every rule and no page for a rule that does not exist', () => {
    const pages = fs.readdirSync(RULES).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pages.map((f) => f.replace(/\.md$/, '')).sort()).toEqual(
      allRuleMetas()
        .map((m) => m.id)
        .sort(),
    );
  });
});
