/**
 * The `podlens.*` settings, parsed with zod wherever they cross a boundary (workspace/configuration in the
 * server, the client's config reader). Invalid values fall back to defaults field by field.
 */
import { z } from 'zod';
import { DEFAULT_HORIZON_SECONDS } from './sim/horizon';

export const RULE_LEVELS = ['off', 'hint', 'info', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** How loud the best-practice rules are (shared/lint/presets.ts); per-rule levels in `podlens.rules` win. */
export const RULE_PRESETS = ['strict', 'default', 'quiet'] as const;
export type RulePreset = (typeof RULE_PRESETS)[number];

export const traceLevel = z.enum(['off', 'messages', 'verbose']);

/** Who answers schema questions when Red Hat YAML also has a Kubernetes schema (see shared/coexistence.ts). */
export const COEXISTENCE_MODES = ['auto', 'podlens', 'both'] as const;
export type CoexistenceMode = (typeof COEXISTENCE_MODES)[number];

/**
 * What an active Kubernetes schema in Red Hat YAML already provides, as the client detected it. Not a user
 * setting: the VS Code client adds it to the `podlens` section it answers (languageClient.ts); other editors
 * leave it out, so podlens keeps every feature there.
 */
const NO_SCHEMA_ELSEWHERE = { hover: false, completion: false, validation: false };
export const schemaElsewhereSchema = z
  .object({
    hover: z.boolean().catch(false),
    completion: z.boolean().catch(false),
    validation: z.boolean().catch(false),
  })
  .catch(NO_SCHEMA_ELSEWHERE);
export type SchemaElsewhere = z.infer<typeof schemaElsewhereSchema>;

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
      until: z.number().int().positive().max(86_400).catch(DEFAULT_HORIZON_SECONDS),
    })
    .catch({ until: DEFAULT_HORIZON_SECONDS }),
  coexistence: z.enum(COEXISTENCE_MODES).catch('auto'),
  schemaElsewhere: schemaElsewhereSchema,
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({
  trace: { server: 'off' },
  lint: { enable: true, maxDiagnosticsPerFile: 1000 },
  rules: {},
  rulePreset: 'default',
  codeLens: { enable: true },
  simulation: { until: DEFAULT_HORIZON_SECONDS },
  coexistence: 'auto',
  schemaElsewhere: NO_SCHEMA_ELSEWHERE,
});

/** Parses raw settings (anything) into Settings; never throws. */
export function parseSettings(raw: unknown): Settings {
  const r = settingsSchema.safeParse(raw ?? {});
  return r.success ? r.data : DEFAULT_SETTINGS;
}
