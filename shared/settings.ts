/**
 * The `podlens.*` settings, parsed with zod wherever they cross a boundary (workspace/configuration in the
 * server, the client's config reader). Invalid values fall back to defaults field by field.
 */
import { z } from 'zod';

export const RULE_LEVELS = ['off', 'hint', 'info', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** How loud the best-practice rules are (shared/lint/presets.ts); per-rule levels in `podlens.rules` win. */
export const RULE_PRESETS = ['strict', 'default', 'quiet'] as const;
export type RulePreset = (typeof RULE_PRESETS)[number];

export const traceLevel = z.enum(['off', 'messages', 'verbose']);

export const settingsSchema = z.object({
  trace: z.object({ server: traceLevel.catch('off') }).catch({ server: 'off' }),
  lint: z
    .object({
      enable: z.boolean().catch(true),
      // VS Code shows at most 1,000 diagnostics per file (ExtHostDiagnostics._maxDiagnosticsPerFile) and drops the
      // rest after sorting by severity; publishing more only makes every keystroke in a big file slower.
      maxDiagnosticsPerFile: z.number().int().min(1).max(100_000).catch(1000),
    })
    .catch({ enable: true, maxDiagnosticsPerFile: 1000 }),
  rules: z.record(z.string(), z.string()).catch({}),
  rulePreset: z.enum(RULE_PRESETS).catch('default'),
  codeLens: z.object({ enable: z.boolean().catch(true) }).catch({ enable: true }),
  simulation: z
    .object({
      until: z.number().int().positive().max(86_400).catch(900),
    })
    .catch({ until: 900 }),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({
  trace: { server: 'off' },
  lint: { enable: true, maxDiagnosticsPerFile: 1000 },
  rules: {},
  rulePreset: 'default',
  codeLens: { enable: true },
  simulation: { until: 900 },
});

/** Parses raw settings (anything) into Settings; never throws. */
export function parseSettings(raw: unknown): Settings {
  const r = settingsSchema.safeParse(raw ?? {});
  return r.success ? r.data : DEFAULT_SETTINGS;
}
