/**
 * A rule the engine reports itself (YAML syntax, Helm markers, configuration problems) rather than through a check:
 * registered like any other rule so it has an id, a level, a doc page and a SARIF entry.
 */
import type { Rule } from '../types';

export function engineReported(meta: Rule['meta']): Rule {
  return { meta, check: () => undefined };
}
