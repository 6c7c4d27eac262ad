// Rule presets (issue 15): best-practice findings on a bare Pod are hints by default, keep their severity under
// `strict` and on workloads, disappear under `quiet`; a level set for the rule wins; `.podlens.yaml` and the
// settings both carry the preset.
import { describe, expect, it } from 'vitest';
import { configFromSettings, type LintConfig, lintText, mergeLintConfigs, parseConfigFile } from '../../../shared/lint';
import { parseSettings } from '../../../shared/settings';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';
const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n' +
  '  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n';
// A predicted failure is not best practice: it keeps its severity under every preset.
const CRASHING = `${POD}    command: ["sh", "-c", "exit 1"]\n`;

const levels = (text: string, config?: LintConfig) =>
  Object.fromEntries(lintText(text, { config }).map((f) => [f.rule, f.severity]));

describe('rule presets', () => {
  it('makes best-practice findings on a bare Pod hints by default', () => {
    expect(levels(POD)).toEqual({
      'latest-tag': 'hint',
      'missing-liveness-probe': 'hint',
      'missing-readiness-probe': 'hint',
      'missing-resources': 'hint',
      'recommended-labels': 'hint',
    });
  });

  it('keeps their severity on workloads, and on bare Pods under strict', () => {
    const expected = {
      'latest-tag': 'warning',
      'missing-liveness-probe': 'hint',
      'missing-readiness-probe': 'info',
      'missing-resources': 'info',
    };
    expect(levels(DEPLOYMENT)).toMatchObject(expected);
    expect(levels(POD, { rules: {}, preset: 'strict' })).toMatchObject(expected);
  });

  it('turns best-practice rules off under quiet, and leaves predicted failures alone', () => {
    expect(levels(CRASHING, { rules: {}, preset: 'quiet' })).toEqual({ 'crashloop-predicted': 'warning' });
    expect(levels(CRASHING)).toMatchObject({ 'crashloop-predicted': 'warning' });
  });

  it('lets a level set for the rule win over the preset', () => {
    const config = { rules: { 'latest-tag': 'error' as const }, preset: 'quiet' as const };
    expect(levels(POD, config)).toEqual({ 'latest-tag': 'error' });
  });

  it('reads the preset from .podlens.yaml, reporting an invalid one at its value', () => {
    expect(parseConfigFile('preset: quiet\n').config).toEqual({ rules: {}, preset: 'quiet' });
    const bad = parseConfigFile('preset: loud\n');
    expect(bad.findings.map((f) => [f.rule, f.range.start.character, f.message])).toEqual([
      ['invalid-config', 8, 'Invalid preset: use one of strict, default, quiet.'],
    ]);
  });

  it('reads podlens.rulePreset, where default leaves the workspace file in force', () => {
    expect(parseSettings({ rulePreset: 'strict' }).rulePreset).toBe('strict');
    expect(parseSettings({ rulePreset: 'loud' }).rulePreset).toBe('default');
    const file = parseConfigFile('preset: quiet\n').config;
    expect(mergeLintConfigs(file, configFromSettings({}, 'default').config).preset).toBe('quiet');
    expect(mergeLintConfigs(file, configFromSettings({}, 'strict').config).preset).toBe('strict');
  });
});
