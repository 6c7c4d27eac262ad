// podlens.rulePreset over LSP (issue 15): the example pods' best-practice findings are hints by default, keep
// their rule's severity under strict, are gone under quiet, and a changed setting re-publishes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import { lspClientForSuite } from '../helpers/lspClient';

const CRASHLOOP = fs.readFileSync(path.resolve(__dirname, '../../examples/crashloop.yaml'), 'utf8');

let preset = 'default';
const client = lspClientForSuite({ settings: () => ({ rulePreset: preset }) });

const bySeverity = (diags: { code?: string | number; severity?: number }[]) =>
  Object.fromEntries(diags.map((d) => [d.code, d.severity]));

describe('podlens.rulePreset', () => {
  it('publishes best-practice findings on a bare Pod as hints by default, the predicted crash loop as a warning', async () => {
    const uri = client().uri('preset-default.yaml');
    const { diagnostics } = await client().open(uri, CRASHLOOP);
    expect(bySeverity(diagnostics)).toEqual({
      'crashloop-predicted': DiagnosticSeverity.Warning,
      'missing-liveness-probe': DiagnosticSeverity.Hint,
      'missing-readiness-probe': DiagnosticSeverity.Hint,
      'missing-resources': DiagnosticSeverity.Hint,
      'recommended-labels': DiagnosticSeverity.Hint,
    });
  });

  it('re-publishes under quiet with only the predicted failure, and under strict with the rules’ severities', async () => {
    const uri = client().uri('preset-switch.yaml');
    await client().open(uri, CRASHLOOP);
    preset = 'quiet';
    let next = client().nextDiagnostics(uri);
    await client().connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    expect(bySeverity((await next).diagnostics)).toEqual({ 'crashloop-predicted': DiagnosticSeverity.Warning });
    preset = 'strict';
    next = client().nextDiagnostics(uri);
    await client().connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    expect(bySeverity((await next).diagnostics)).toMatchObject({
      'missing-readiness-probe': DiagnosticSeverity.Information,
      'missing-resources': DiagnosticSeverity.Information,
    });
  });
});
