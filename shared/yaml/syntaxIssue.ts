/** A problem in the YAML text itself, at its exact range (its own module: the parser and kubectl's reader share it). */
import type { Range, Severity } from '../util/range';

export interface SyntaxIssue {
  code: string;
  message: string;
  severity: Severity;
  range: Range;
}
