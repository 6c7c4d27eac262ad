// Inline suppression comments: next-line and whole-document, found with the YAML lexer, unknown ids reported.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { marked } from '../../helpers/lint/marked';

const BAD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: App
    image: x:1
    imagePullpolicy: Always
`;

const rules = (text: string) => lintText(text).map((f) => f.rule);

describe('podlens-disable-next-line', () => {
  it('silences the named rule on the next line with YAML content only', () => {
    const text = BAD.replace('  - name: App', '  # podlens-disable-next-line invalid-container-name\n  - name: App');
    expect(rules(text)).not.toContain('invalid-container-name');
    expect(rules(text)).toContain('unknown-field');
  });

  it('accepts several ids, stacked comments, a trailing comment and a reason after " -- "', () => {
    const text = BAD.replace(
      '    imagePullpolicy: Always',
      '    # podlens-disable-next-line unknown-field, latest-tag -- migrating\n\n    # podlens-disable-next-line invalid-type\n    imagePullpolicy: Always',
    );
    expect(rules(text)).not.toContain('unknown-field');
    const trailing = BAD.replace('image: x:1', 'image: x:1 # podlens-disable-next-line unknown-field');
    expect(rules(trailing)).not.toContain('unknown-field');
  });

  it('without ids silences every rule on that line', () => {
    const text = BAD.replace('  - name: App', '  # podlens-disable-next-line\n  - name: App');
    expect(rules(text)).not.toContain('invalid-container-name');
    expect(rules(text)).toContain('unknown-field');
  });

  it('does not silence a finding two lines below', () => {
    const text = BAD.replace('    image: x:1', '    # podlens-disable-next-line unknown-field\n    image: x:1');
    expect(rules(text)).toContain('unknown-field');
  });
});

describe('podlens-disable', () => {
  it('silences a rule in its whole document but not in the next one', () => {
    const text = `# podlens-disable unknown-field\n${BAD}---\n${BAD}`;
    const found = lintText(text).filter((f) => f.rule === 'unknown-field');
    expect(found.map((f) => f.document)).toEqual([1]);
  });

  it('ignores directive-like text inside strings and block scalars', () => {
    const text = BAD.replace(
      '    image: x:1',
      '    image: "x:1 # podlens-disable unknown-field"\n    args:\n    - |\n      # podlens-disable unknown-field\n      echo',
    );
    expect(rules(text)).toContain('unknown-field');
  });
});

describe('unknown rule ids in comments', () => {
  it('are warnings at the id, with a fix to the closest rule id', () => {
    const m = marked(`# podlens-disable-next-line «unkown-field»\n${BAD}`);
    const [f] = lintText(m.text).filter((x) => x.rule === 'unknown-rule-id');
    expect(f).toMatchObject({ severity: 'warning', range: m.range });
    expect(f?.message).toContain('Did you mean "unknown-field"');
    expect(f?.fixes?.[0]?.edits[0]).toEqual({ range: m.range, newText: 'unknown-field' });
  });

  it('follow configured levels like any other finding', () => {
    const text = `# podlens-disable nope\n${BAD}`;
    expect(lintText(text, { config: { rules: { 'unknown-rule-id': 'off' } } }).map((f) => f.rule)).not.toContain(
      'unknown-rule-id',
    );
  });
});
