/** Finds and reads `.podlens.yaml` for the CLI: `--config <file>`, else the nearest one from the working directory up. */
import fs from 'node:fs';
import path from 'node:path';
import {
  CONFIG_FILE_NAME,
  DEFAULT_LINT_CONFIG,
  type Finding,
  type LintConfig,
  parseConfigFile,
} from '../../shared/lint';
import { describeFsError } from './files';
import { UsageError } from './io';

export interface CliConfig {
  config: LintConfig;
  /** The file the configuration came from, and its findings (unknown rule ids are warnings). */
  file?: { path: string; findings: Finding[] };
}

function nearest(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function loadCliConfig(explicit: string | undefined, cwd = process.cwd()): CliConfig {
  const file = explicit ?? nearest(cwd);
  if (!file) return { config: DEFAULT_LINT_CONFIG };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: ${describeFsError(err)}`);
  }
  const parsed = parseConfigFile(text);
  const shown = path.relative(cwd, file) || file;
  const invalid = parsed.findings.find((f) => f.severity === 'error');
  if (invalid) {
    const at = `${invalid.range.start.line + 1}:${invalid.range.start.character + 1}`;
    throw new UsageError(`${shown}:${at}: invalid configuration: ${invalid.message}`);
  }
  return { config: parsed.config, file: { path: shown, findings: parsed.findings } };
}
