/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it (rules with help URIs, results with
 * 1-based regions relative to %SRCROOT%).
 */
import type { Severity } from '../../../shared/util/range';
import type { LintReport, RuleInfo } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

export function formatSarif(report: LintReport, version: string, describe: (rule: string) => RuleInfo): string {
  const ruleIds = [...new Set(report.files.flatMap((f) => f.diagnostics.map((d) => d.rule)))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const info = describe(id);
    return {
      id,
      name: id,
      shortDescription: { text: info.summary },
      helpUri: info.helpUri,
      help: { text: `${info.summary} See ${info.helpUri}` },
      defaultConfiguration: { level: LEVEL[info.severity] },
    };
  });
  const results = report.files.flatMap((file) =>
    file.diagnostics.map((d) => ({
      ruleId: d.rule,
      ruleIndex: index.get(d.rule),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: file.path.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
          logicalLocations: d.path ? [{ fullyQualifiedName: `document[${d.document}].${d.path}` }] : undefined,
        },
      ],
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'podlens', version, informationUri: 'https://github.com/podlens/podlens', rules },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
