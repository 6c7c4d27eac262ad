/**
 * Parses one segment of a file with the `yaml` package into documents whose nodes keep their source
 * offsets, and turns YAML errors and warnings into issues with exact file ranges. Never throws.
 */
import { Composer, type Document, Parser, type YAMLError } from 'yaml';
import type { Severity } from '../util/range';
import { decodeIssues, directiveIssue, droppedDocumentIssue, separatorIssues } from './kubectlReader';
import { LineIndex } from './lineIndex';
import { expandMergeKeys } from './merge';
import { PaddedLineIndex } from './paddedLineIndex';
import { PaddingMap, recoverIndentation } from './recover';
import type { Segment } from './split';
import type { SyntaxIssue } from './syntaxIssue';

export type { SyntaxIssue } from './syntaxIssue';

export interface ParsedYamlDocument {
  /** The `yaml` AST; node ranges are offsets into `lines.text` (the segment). */
  ast: Document.Parsed;
  lines: LineIndex;
  /** Segment-relative [start, end) of this document's text. */
  span: [number, number];
  issues: SyntaxIssue[];
}

const PARSE_OPTIONS = {
  prettyErrors: false,
  // Every scalar stays a string here; ./scalar.ts resolves types with kubectl's YAML 1.1 rules.
  schema: 'failsafe',
  // Duplicate keys are a lint rule (with an id and a quick fix), not a syntax error.
  uniqueKeys: false,
  keepSourceTokens: false,
} as const;

/** Standard tags are resolved by ./scalar.ts, so the failsafe schema's complaint about them is noise. */
function isNoise(e: YAMLError): boolean {
  return e.code === 'TAG_RESOLVE_FAILED' && /tag:yaml\.org,2002:/.test(e.message);
}

/**
 * An `@VAR@` token-replacer placeholder at the start of a plain scalar (`name: @STS_NAME@`). YAML reserves `@`, so
 * go-yaml and `yaml` both reject it as written, but the file is an input to a substitution step (sed, envsubst
 * -like tools) whose output is valid YAML: the placeholder is reported as such by the model, not as a syntax error.
 */
const AT_PLACEHOLDER = /^@[A-Za-z_][A-Za-z0-9_.-]*@/;

function isPlaceholderStart(e: YAMLError, text: string): boolean {
  return e.code === 'BAD_SCALAR_START' && AT_PLACEHOLDER.test(text.slice(e.pos[0], e.pos[0] + 200));
}

const V8Error = Error as ErrorConstructor & { stackTraceLimit?: number };

export function parseSegment(segment: Segment): ParsedYamlDocument[] {
  const lines = new LineIndex(segment.text, segment.line);
  // `yaml` reports each problem as an Error, and capturing its stack trace (never read here) took a quarter of the
  // time spent on a badly broken file. `stackTraceLimit` is V8's (Node, Chromium); elsewhere it is a no-op.
  const stackTraceLimit = V8Error.stackTraceLimit;
  V8Error.stackTraceLimit = 0;
  try {
    const docs = compose(segment.text, lines);
    return hasErrors(docs) ? (recovered(segment.text, lines) ?? docs) : docs;
  } catch (err) {
    // The `yaml` package reports problems as data; a throw here is a bug in it. Degrade to one issue.
    return [failedDocument(segment, lines, err)];
  } finally {
    V8Error.stackTraceLimit = stackTraceLimit;
  }
}

function compose(text: string, lines: LineIndex): ParsedYamlDocument[] {
  const out: ParsedYamlDocument[] = [];
  const composer = new Composer(PARSE_OPTIONS);
  const directives: SyntaxIssue[] = [];
  const tokens = function* () {
    for (const token of new Parser().parse(text)) {
      if (token.type === 'directive') directives.push(directiveIssue(token.offset, token.source, lines));
      yield token;
    }
  };
  for (const doc of composer.compose(tokens(), true, text.length)) {
    const ast = doc as Document.Parsed;
    // Only a document that mentions the key can have a merge: most skip the extra walk.
    if (text.includes('<<')) expandMergeKeys(ast);
    const [start, , end] = ast.range;
    const issues = [...issuesOf(ast, lines), ...decodeIssues(ast, lines)];
    issues.unshift(...directives.splice(0));
    if (out.length === 0) issues.unshift(...separatorIssues(text, lines));
    else {
      const dropped = droppedDocumentIssue(ast, lines);
      if (dropped) issues.push(dropped);
    }
    out.push({ ast, lines, span: [start, end], issues });
  }
  return out;
}

function hasErrors(docs: readonly ParsedYamlDocument[]): boolean {
  return docs.some((d) => d.issues.some((i) => i.severity === 'error'));
}

/**
 * The segment read as kubectl reads it when its only errors are continuation lines that go-yaml accepts (see
 * ./recover), with a warning at each: other YAML tools reject them. Undefined when that does not explain them.
 */
function recovered(text: string, original: LineIndex): ParsedYamlDocument[] | undefined {
  const fix = recoverIndentation(text);
  if (!fix) return undefined;
  const map = new PaddingMap(fix.paddings);
  const docs = compose(fix.text, new PaddedLineIndex(fix.text, original, map));
  if (hasErrors(docs)) return undefined;
  for (const site of fix.sites) {
    const at = map.toPadded(site);
    const doc = docs.find((d) => at >= d.span[0] && at < d.span[1]) ?? docs[docs.length - 1];
    const start = original.positionAt(site);
    doc?.issues.push({
      code: 'UNDER_INDENTED',
      severity: 'warning',
      message:
        'This line continues a quoted string or a [ ] / { } collection but is indented no more than its key. ' +
        'kubectl (go-yaml) reads it, but YAML 1.2 parsers and many tools (yamllint, IDEs, Helm post-renderers) ' +
        'reject it: indent it past its key.',
      range: { start, end: { line: start.line, character: start.character + 1 } },
    });
  }
  return docs;
}

function issuesOf(doc: Document.Parsed, lines: LineIndex): SyntaxIssue[] {
  const issues: SyntaxIssue[] = [];
  const add = (e: YAMLError, severity: Severity) => {
    const [a, b] = e.pos;
    const end = b > a ? b : Math.min(a + 1, lines.text.length);
    issues.push({
      code: e.code,
      message: cleanMessage(e.message),
      severity,
      range: { start: lines.positionAt(a), end: lines.positionAt(end) },
    });
  };
  for (const e of doc.errors) if (!isNoise(e) && !isPlaceholderStart(e, lines.text)) add(e, 'error');
  for (const w of doc.warnings) if (!isNoise(w)) add(w, 'warning');
  return issues;
}

function cleanMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function failedDocument(segment: Segment, lines: LineIndex, err: unknown): ParsedYamlDocument {
  const composer = new Composer(PARSE_OPTIONS);
  const empty = [...composer.compose(new Parser().parse(''), true, 0)][0] as Document.Parsed;
  return {
    ast: empty,
    lines,
    span: [0, segment.text.length],
    issues: [
      {
        code: 'PARSER_FAILURE',
        message: `YAML parser failure: ${err instanceof Error ? err.message : String(err)}`,
        severity: 'error',
        range: { start: lines.positionAt(0), end: lines.positionAt(segment.text.length) },
      },
    ],
  };
}
