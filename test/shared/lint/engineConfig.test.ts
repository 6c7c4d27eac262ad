// Rule levels from .podlens.yaml (zod-validated, problems at exact ranges) and from the podlens.rules setting.
import { describe, expect, it } from 'vitest';
import { configFromSettings, mergeLintConfigs, parseConfigFile } from '../../../shared/lint';
import { marked } from '../../helpers/lint/marked';

describe('parseConfigFile', () => {
  it('reads rule levels', () => {
    const r = parseConfigFile("rules:\n  latest-tag: 'off'\n  unknown-field: warning\n");
    expect(r.findings).toEqual([]);
    expect(r.config.rules).toEqual({ 'latest-tag': 'off', 'unknown-field': 'warning' });
  });

  it('accepts an empty file and an empty rules key', () => {
    expect(parseConfigFile('').findings).toEqual([]);
    expect(parseConfigFile('rules:\n').findings).toEqual([]);
  });

  it('reports an invalid level at the value and keeps the valid entries', () => {
    const m = marked('rules:\n  latest-tag: «warn»\n  unknown-field: hint\n');
    const r = parseConfigFile(m.text);
    expect(r.findings).toEqual([
      expect.objectContaining({ rule: 'invalid-config', severity: 'error', range: m.range, path: 'rules.latest-tag' }),
    ]);
    expect(r.config.rules).toEqual({ 'unknown-field': 'hint' });
  });

  it('reports an unknown top-level key at the key', () => {
    const m = marked('rules: {}\n«rulez»: {}\n');
    expect(parseConfigFile(m.text).findings).toEqual([
      expect.objectContaining({ rule: 'invalid-config', range: m.range }),
    ]);
  });

  it('reports rules that is not a map, and a file that is not a map', () => {
    const m = marked('rules: «[latest-tag]»\n');
    expect(parseConfigFile(m.text).findings).toEqual([
      expect.objectContaining({ rule: 'invalid-config', range: m.range }),
    ]);
    expect(parseConfigFile('- a\n').findings[0]?.rule).toBe('invalid-config');
  });

  it('reports a YAML syntax error', () => {
    expect(parseConfigFile('rules: {latest-tag: off\n').findings[0]?.rule).toBe('invalid-config');
  });

  it('warns about an unknown rule id at the key and offers the closest id', () => {
    const m = marked('rules:\n  «latest-tagg»: off\n');
    const [f] = parseConfigFile(m.text).findings;
    expect(f).toMatchObject({ rule: 'unknown-rule-id', severity: 'warning', range: m.range });
    expect(f?.fixes?.[0]?.edits[0]?.newText).toBe('latest-tag');
  });
});

describe('configFromSettings', () => {
  it('keeps valid levels and describes unknown ids and invalid levels', () => {
    const { config, problems } = configFromSettings({
      'latest-tag': 'off',
      'lates-tag': 'off',
      'unknown-field': 'loud',
    });
    expect(config.rules).toEqual({ 'latest-tag': 'off' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('Did you mean "latest-tag"');
  });
});

describe('mergeLintConfigs', () => {
  it('lets later layers win per rule', () => {
    const merged = mergeLintConfigs({ rules: { a: 'off', b: 'hint' } }, { rules: { b: 'error' } });
    expect(merged.rules).toEqual({ a: 'off', b: 'error' });
  });
});
