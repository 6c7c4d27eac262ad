/**
 * Rule levels: the `podlens.rules` setting and the workspace file `.podlens.yaml` (`rules: { <id>: <level> }`) map
 * rule ids to `off|hint|info|warning|error`. Both are untrusted input: the file is zod-validated with every problem
 * reported at its exact range, and unknown rule ids are reported rather than silently ignored.
 */
import { isMap, isScalar, type Node, parseDocument } from 'yaml';
import { z } from 'zod';
import { DEFAULT_TARGET, type KubernetesTarget } from '../k8s/version/target';
import {
  featureGatesSchema,
  KUBERNETES_VERSIONS,
  minorOfVersion,
  NEWEST_VERSION,
  RULE_LEVELS,
  RULE_PRESETS,
  type RuleLevel,
  type RulePreset,
} from '../settings';
import { comparePositions, formatPath } from '../util/range';
import { LineIndex } from '../yaml/lineIndex';
import { quoted } from './message';
import { ruleById, ruleIds } from './registry';
import { suggest } from './suggest';
import type { Finding, Fix, Range } from './types';

export type { RuleLevel };
export { RULE_LEVELS };

/** The file the CLI and the editor read rule levels from. */
export const CONFIG_FILE_NAME = '.podlens.yaml';

export interface LintConfig {
  /** Rule id -> level; rules not listed keep their default severity. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** How loud best-practice rules are (./presets); `default` when absent. */
  readonly preset?: RulePreset;
  /** The target cluster's minor (`kubernetesVersion: "1.31"`); the newest supported when absent. */
  readonly kubernetesVersion?: number;
  /** Feature gates the target cluster sets, against its version's defaults. */
  readonly featureGates?: Readonly<Record<string, boolean>>;
}

/**
 * The cluster a configuration checks manifests against.
 * @example
 *   targetOf({ rules: {}, kubernetesVersion: 31 }) // { minor: 31, featureGates: {} }
 */
export function targetOf(config: LintConfig): KubernetesTarget {
  if (config.kubernetesVersion === undefined && !config.featureGates) return DEFAULT_TARGET;
  return { minor: config.kubernetesVersion ?? DEFAULT_TARGET.minor, featureGates: config.featureGates ?? {} };
}

export const DEFAULT_LINT_CONFIG: LintConfig = Object.freeze({ rules: Object.freeze({}) });

/**
 * Layers configurations; later layers win per rule. The server layers `.podlens.yaml` first and the
 * `podlens.rules` setting over it, so a user can override the shared file in their own editor.
 * @example
 *   mergeLintConfigs(fromFile, fromSettings).rules['latest-tag'] // 'off'
 */
export function mergeLintConfigs(...layers: LintConfig[]): LintConfig {
  const preset = layers.findLast((l) => l.preset)?.preset;
  const version = layers.findLast((l) => l.kubernetesVersion !== undefined)?.kubernetesVersion;
  const gated = layers.filter((l) => l.featureGates);
  return {
    rules: Object.assign({}, ...layers.map((l) => l.rules)),
    ...(preset && { preset }),
    ...(version !== undefined && { kubernetesVersion: version }),
    ...(gated.length > 0 && { featureGates: Object.assign({}, ...gated.map((l) => l.featureGates)) }),
  };
}

function isLevel(value: unknown): value is RuleLevel {
  return typeof value === 'string' && (RULE_LEVELS as readonly string[]).includes(value);
}

function didYouMean(id: string): string {
  const guess = suggest(id, ruleIds());
  return guess ? ` Did you mean "${guess}"?` : '';
}

/**
 * Reads the `podlens.rules` setting (already shaped as a string map by ../settings). Unknown rule ids and invalid
 * levels are returned as one-line problems for the server to log and show once; valid entries still apply.
 */
export function configFromSettings(
  rules: Readonly<Record<string, unknown>>,
  preset: RulePreset = 'default',
  kubernetesVersion: string = NEWEST_VERSION,
  featureGates: Readonly<Record<string, boolean>> = {},
): {
  config: LintConfig;
  problems: string[];
} {
  const levels: Record<string, RuleLevel> = {};
  const problems: string[] = [];
  for (const [id, level] of Object.entries(rules)) {
    if (!ruleById(id)) problems.push(`unknown rule id "${id}".${didYouMean(id)}`);
    else if (!isLevel(level))
      problems.push(`"${id}": invalid level ${JSON.stringify(level)} (use ${RULE_LEVELS.join('|')}).`);
    else levels[id] = level;
  }
  // `default` (and the newest version) is also what VS Code sends for an unset setting: it leaves the workspace
  // file's preset (and version) in force.
  const minor = kubernetesVersion === NEWEST_VERSION ? undefined : minorOfVersion(kubernetesVersion);
  const gates = Object.keys(featureGates).length > 0 ? featureGates : undefined;
  return {
    config: {
      rules: levels,
      ...(preset !== 'default' && { preset }),
      ...(minor !== undefined && { kubernetesVersion: minor }),
      ...(gates && { featureGates: gates }),
    },
    problems,
  };
}

const fileSchema = z
  .object({
    rules: z.record(z.string(), z.enum(RULE_LEVELS)).nullish(),
    preset: z.enum(RULE_PRESETS).nullish(),
    // `kubernetesVersion: 1.31` is a YAML float; `1.30` would read as 1.3, so the message asks for a string.
    kubernetesVersion: z
      .union([z.string(), z.number()])
      .refine((v) => minorOfVersion(v) !== undefined && !(typeof v === 'number' && v === 1.3))
      .nullish(),
    featureGates: featureGatesSchema.nullish(),
  })
  .strict();

/**
 * Levels for every rule fit in a few KiB. A bigger file is not a configuration, and reading one costs more than its
 * size suggests (the `yaml` duplicate-key check and the per-entry lookups are quadratic in a map's size).
 */
export const MAX_CONFIG_LENGTH = 64 * 1024;

export interface ConfigFileResult {
  config: LintConfig;
  /** Problems in the file with exact ranges (rules `invalid-config` and `unknown-rule-id`), at their default levels. */
  findings: Finding[];
}

/** A file that is not read at all: one `invalid-config` finding at its start, and the default levels. */
function unreadable(message: string): ConfigFileResult {
  const start = { line: 0, character: 0 };
  const range = { start, end: start };
  return {
    config: DEFAULT_LINT_CONFIG,
    findings: [{ rule: 'invalid-config', severity: 'error', message, range, path: '', document: 0 }],
  };
}

/** The file as plain data. `yaml` refuses to expand aliases past a bound (alias bombs) by throwing. */
function plainValue(
  doc: ReturnType<typeof parseDocument>,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: doc.toJS() };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Parses `.podlens.yaml`. Never throws: YAML errors, unknown keys, a non-map `rules`, invalid levels and unknown
 * rule ids become findings; every valid entry still applies.
 * @example
 *   parseConfigFile('rules:\n  latest-tag: off\n').config.rules // { 'latest-tag': 'off' }
 */
export function parseConfigFile(text: string): ConfigFileResult {
  if (text.length > MAX_CONFIG_LENGTH) {
    const kib = Math.ceil(text.length / 1024);
    return unreadable(
      `${CONFIG_FILE_NAME} is ${kib} KiB; rule levels fit in ${MAX_CONFIG_LENGTH / 1024} KiB, so it is not read.`,
    );
  }
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { prettyErrors: false, keepSourceTokens: false });
  } catch (err) {
    // `yaml` reports problems as data; it throws only on input nested deep enough to exhaust the stack.
    return unreadable(`${CONFIG_FILE_NAME} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const at = (node: Node | null | undefined): Range => {
    const r = node?.range;
    return r
      ? { start: lines.positionAt(r[0]), end: lines.positionAt(r[1]) }
      : { start: lines.positionAt(0), end: lines.positionAt(0) };
  };
  const invalid = (range: Range, path: (string | number)[], message: string) =>
    findings.push({ rule: 'invalid-config', severity: 'error', message, range, path: formatPath(path), document: 0 });

  for (const e of doc.errors) {
    const [a, b] = e.pos;
    invalid(
      { start: lines.positionAt(a), end: lines.positionAt(Math.max(b, a + 1)) },
      [],
      e.message.split('\n')[0] ?? e.message,
    );
  }
  if (doc.errors.length > 0) return { config: DEFAULT_LINT_CONFIG, findings };

  const root = doc.contents;
  const rulesPair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === 'rules') : undefined;
  const rulesMap = isMap(rulesPair?.value) ? rulesPair.value : undefined;
  const value = plainValue(doc);
  if (!value.ok) {
    invalid(at(root as Node), [], `${CONFIG_FILE_NAME} cannot be read: ${value.message}`);
    return { config: DEFAULT_LINT_CONFIG, findings };
  }
  const parsed = fileSchema.safeParse(value.value ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys' && isMap(root)) {
        for (const key of issue.keys) {
          const pair = root.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
          invalid(
            at(pair?.key as Node),
            [key],
            `Unknown key ${quoted(key)} in ${CONFIG_FILE_NAME}: use rules, preset, kubernetesVersion or featureGates.`,
          );
        }
      } else if (issue.path.length === 2 && issue.path[0] === 'rules' && rulesMap) {
        const id = String(issue.path[1]);
        const pair = rulesMap.items.find((p) => isScalar(p.key) && String(p.key.value) === id);
        invalid(
          at(pair?.value as Node),
          ['rules', id],
          `Invalid level for "${id}": use one of ${RULE_LEVELS.join(', ')}.`,
        );
      } else if (issue.path[0] === 'preset' && isMap(root)) {
        const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'preset');
        invalid(at(pair?.value as Node), ['preset'], `Invalid preset: use one of ${RULE_PRESETS.join(', ')}.`);
      } else if (issue.path[0] === 'kubernetesVersion' || issue.path[0] === 'featureGates') {
        const key = issue.path[0];
        const pair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
        invalid(
          at(pair?.value as Node),
          [key],
          key === 'kubernetesVersion'
            ? `Unsupported kubernetesVersion: use a quoted one of ${KUBERNETES_VERSIONS.join(', ')}.`
            : '"featureGates" must be a map of gate name to true or false.',
        );
      } else if (issue.path[0] === 'rules') {
        invalid(
          at((rulesPair?.value ?? rulesPair?.key) as Node),
          ['rules'],
          '"rules" must be a map of rule id to level.',
        );
      } else {
        invalid(at(root as Node), [], `${CONFIG_FILE_NAME} must be a map with a "rules" key.`);
      }
    }
  }

  const levels: Record<string, RuleLevel> = {};
  for (const pair of rulesMap?.items ?? []) {
    if (!isScalar(pair.key)) continue;
    const id = String(pair.key.value);
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (!ruleById(id)) {
      const guess = suggest(id, ruleIds());
      const range = at(pair.key as Node);
      const fixes: Fix[] | undefined = guess
        ? [{ title: `Change to "${guess}"`, edits: [{ range, newText: guess }], isPreferred: true }]
        : undefined;
      findings.push({
        rule: 'unknown-rule-id',
        severity: 'warning',
        message: `Unknown rule id ${quoted(id)} in ${CONFIG_FILE_NAME}; it has no effect.${didYouMean(id)}`,
        range,
        path: formatPath(['rules', id]),
        document: 0,
        ...(fixes && { fixes }),
      });
    } else if (isLevel(value)) {
      levels[id] = value;
    }
  }
  findings.sort((a, b) => comparePositions(a.range.start, b.range.start));
  const preset = parsed.success ? parsed.data.preset : undefined;
  const minor = parsed.success ? minorOfVersion(parsed.data.kubernetesVersion) : undefined;
  const gates = parsed.success ? parsed.data.featureGates : undefined;
  return {
    config: {
      rules: levels,
      ...(preset && { preset }),
      ...(minor !== undefined && { kubernetesVersion: minor }),
      ...(gates && { featureGates: gates }),
    },
    findings,
  };
}
