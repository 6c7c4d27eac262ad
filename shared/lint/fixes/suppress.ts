/**
 * Suppression comments as fixes, for any rule: `# podlens-disable-next-line <id>` above the finding's line (at
 * that line's indentation) and `# podlens-disable <id>` at the start of the YAML document. An existing
 * comment of the same kind in that place is extended (`, <id>`) rather than stacked.
 */
import { visit } from 'yaml';
import type { ManifestDocument } from '../../model';
import type { Fix } from '../types';
import { eolOf, indentOf } from './text';

const NEXT_LINE = /^\s*#\s*podlens-disable-next-line\s+(.*)$/;
const WHOLE_DOCUMENT = /^\s*#\s*podlens-disable\s+(.*)$/;
const MARKER_LINE = /^---\s*(#.*)?$/;

/** Where `, <id>` goes in a directive line: before a ` -- reason`, else at the end. */
function appendAt(line: string): number {
  const reason = line.indexOf(' -- ');
  return reason === -1 ? line.trimEnd().length : reason;
}

function listsRule(list: string, rule: string): boolean {
  const reason = list.indexOf(' -- ');
  return (reason === -1 ? list : list.slice(0, reason))
    .split(',')
    .map((s) => s.trim())
    .includes(rule);
}

/** Continuation lines of each document's multi-line scalars, found in one walk: a walk per fix was quadratic. */
const continuationLines = new WeakMap<ManifestDocument, Set<number>>();

/** True when a file line is a continuation line of a multi-line scalar: a comment there would become text. */
function insideMultilineScalar(doc: ManifestDocument, line: number): boolean {
  let lines = continuationLines.get(doc);
  if (!lines) {
    const found = new Set<number>();
    visit(doc.ast, {
      Scalar(_, node) {
        const r = doc.ctx.range(node);
        if (!r) return;
        const last = r.end.character === 0 ? r.end.line - 1 : r.end.line;
        for (let l = r.start.line + 1; l <= last; l++) found.add(l);
      },
    });
    continuationLines.set(doc, found);
    lines = found;
  }
  return lines.has(line);
}

/** "Suppress <rule> on this line" for a finding that starts on `line` (a file line inside `doc`). */
export function suppressLineFix(doc: ManifestDocument, line: number, rule: string): Fix | undefined {
  const lines = doc.ctx.lines;
  if (line < doc.range.start.line || line > doc.range.end.line || insideMultilineScalar(doc, line)) return undefined;
  const title = `Suppress ${rule} on this line`;
  const above = line > lines.baseLine ? lines.lineText(line - 1) : '';
  const existing = NEXT_LINE.exec(above);
  if (existing) {
    if (listsRule(existing[1] ?? '', rule)) return undefined;
    const at = { line: line - 1, character: appendAt(above) };
    return { title, edits: [{ range: { start: at, end: at }, newText: `, ${rule}` }] };
  }
  const at = { line, character: 0 };
  const newText = `${indentOf(lines.lineText(line))}# podlens-disable-next-line ${rule}${eolOf(lines)}`;
  return { title, edits: [{ range: { start: at, end: at }, newText }] };
}

/** "Suppress <rule> in this document": a `# podlens-disable` comment at the start of the YAML document. */
export function suppressDocumentFix(doc: ManifestDocument, rule: string): Fix | undefined {
  const lines = doc.ctx.lines;
  const isComment = (l: number) => lines.lineText(l).trim().startsWith('#');
  const isBlank = (l: number) => lines.lineText(l).trim() === '';
  let insertAt = doc.range.start.line;
  let from = insertAt;
  const first = lines.lineText(insertAt);
  if (first.startsWith('---')) {
    // After the `---` marker, or the comment would belong to the previous document.
    if (!MARKER_LINE.test(first)) return undefined;
    insertAt++;
    from = insertAt;
  } else {
    // The document's content starts here; comments just above it are its header.
    while (from > lines.baseLine && (isComment(from - 1) || isBlank(from - 1))) from--;
  }
  const title = `Suppress ${rule} in this document`;
  for (let l = from; l <= doc.range.end.line && (l < insertAt || isComment(l) || isBlank(l)); l++) {
    const text = lines.lineText(l);
    const existing = WHOLE_DOCUMENT.exec(text);
    if (!existing) continue;
    if (listsRule(existing[1] ?? '', rule)) return undefined;
    const at = { line: l, character: appendAt(text) };
    return { title, edits: [{ range: { start: at, end: at }, newText: `, ${rule}` }] };
  }
  const at = { line: insertAt, character: 0 };
  return { title, edits: [{ range: { start: at, end: at }, newText: `# podlens-disable ${rule}${eolOf(lines)}` }] };
}
