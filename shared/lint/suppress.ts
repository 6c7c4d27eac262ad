/**
 * Inline suppression comments, found with the `yaml` lexer (so `#` inside strings and block scalars never counts):
 *   `# podlens-disable-next-line <id>[, <id>]` silences those rules on the next line with YAML content;
 *   `# podlens-disable <id>[, <id>]` silences them in the whole document.
 * Without ids every rule is silenced. Text after ` -- ` is a free-form reason. Unknown ids are reported.
 */
import { Lexer } from 'yaml';
import type { ManifestDocument } from '../model';
import { formatPath } from '../util/range';
import { quoted } from './message';
import { ruleById, ruleIds } from './registry';
import { suggest } from './suggest';
import type { Finding, Range } from './types';

interface Directive {
  kind: 'next-line' | 'document';
  /** Undefined: every rule. */
  ids?: Set<string>;
  /** For next-line directives: the file line they apply to. */
  line?: number;
}

export interface Suppressions {
  /** True when a directive silences this finding. */
  covers(finding: Pick<Finding, 'rule' | 'range'>): boolean;
  /** `unknown-rule-id` findings for ids no rule has. */
  problems: Finding[];
}

const NONE: Suppressions = { covers: () => false, problems: [] };

/** Lexer control characters (document start, scalar, flow error), not source text. */
const CONTROL = new Set(['\u0002', '\u001f', '\u0018']);
const DIRECTIVE = /^#\s*podlens-(disable-next-line|disable)(?=\s|$)/;

interface Comment {
  offset: number;
  text: string;
}

/** Comments inside one document's stretch of its segment, and the lines that hold YAML content. */
function scan(doc: ManifestDocument): { comments: Comment[]; contentLines: number[] } {
  const text = doc.ctx.lines.text;
  const [docStart, docValueEnd] = doc.ast.range;
  const comments: Comment[] = [];
  const content = new Set<number>();
  let offset = 0;
  let prev = '';
  let regionStart = 0;
  let regionEnd = text.length;
  for (const token of new Lexer().lex(text)) {
    if (CONTROL.has(token)) {
      prev = token;
      continue;
    }
    const start = offset;
    offset += token.length;
    const isScalar = prev === '\u001f';
    prev = token;
    if (!isScalar && token === '...') {
      // A document-end marker: the stretch of this document ends here, or the next one starts after it.
      if (start < docStart) regionStart = offset;
      else if (start >= docValueEnd && regionEnd === text.length) regionEnd = start;
      continue;
    }
    if (!isScalar && token.startsWith('#')) {
      comments.push({ offset: start, text: token });
      continue;
    }
    if (isScalar || !/^(\s*|---|%.*|\ufeff)$/.test(token)) {
      const a = doc.ctx.lines.positionAt(start).line;
      const b = doc.ctx.lines.positionAt(offset).line;
      for (let l = a; l <= b; l++) content.add(l);
    }
  }
  return {
    comments: comments.filter((c) => c.offset >= regionStart && c.offset < regionEnd),
    contentLines: [...content].sort((x, y) => x - y),
  };
}

function rangeIn(doc: ManifestDocument, offset: number, length: number): Range {
  return { start: doc.ctx.lines.positionAt(offset), end: doc.ctx.lines.positionAt(offset + length) };
}

/** Reads the suppression directives of a document. Never throws on any input. */
export function readSuppressions(doc: ManifestDocument): Suppressions {
  // Lexing every document again costs as much as parsing it; almost no document has a directive.
  if (!doc.ctx.lines.text.includes('podlens-disable')) return NONE;
  const { comments, contentLines } = scan(doc);
  const directives: Directive[] = [];
  const problems: Finding[] = [];
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const kind = m[1] === 'disable' ? 'document' : 'next-line';
    const reasonAt = comment.text.indexOf(' -- ');
    const list = comment.text.slice(m[0].length, reasonAt === -1 ? undefined : reasonAt);
    const ids = new Set<string>();
    let cursor = comment.offset + m[0].length;
    for (const part of list.split(',')) {
      const id = part.trim();
      const at = cursor + part.indexOf(id);
      cursor += part.length + 1;
      if (!id) continue;
      if (ruleById(id)) {
        ids.add(id);
        continue;
      }
      const range = rangeIn(doc, at, id.length);
      const guess = suggest(id, ruleIds());
      problems.push({
        rule: 'unknown-rule-id',
        severity: 'warning',
        message: `Unknown rule id ${quoted(id)}: this comment silences nothing.${guess ? ` Did you mean "${guess}"?` : ''}`,
        range,
        path: formatPath([]),
        document: doc.index,
        ...(guess && {
          fixes: [{ title: `Change to "${guess}"`, edits: [{ range, newText: guess }], isPreferred: true }],
        }),
      });
    }
    const explicit = list.trim().length > 0;
    if (explicit && ids.size === 0) continue;
    const directive: Directive = { kind, ...(explicit && { ids }) };
    if (kind === 'next-line') {
      const line = doc.ctx.lines.positionAt(comment.offset).line;
      const target = contentLines.find((l) => l > line);
      if (target === undefined) continue;
      directive.line = target;
    }
    directives.push(directive);
  }
  if (directives.length === 0 && problems.length === 0) return NONE;
  return {
    problems,
    covers: (f) =>
      directives.some((d) => (!d.ids || d.ids.has(f.rule)) && (d.kind === 'document' || d.line === f.range.start.line)),
  };
}
