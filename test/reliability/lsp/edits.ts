/**
 * Random edits the way an editor sends them: ranged `didChange` content changes (typing, deleting, pasting,
 * reverting), biased towards `---` document markers and edits that span documents, because that is where an
 * incremental re-split can go wrong. Positions follow LSP: lines split at `\r\n` or `\n`, UTF-16 characters.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface Position {
  line: number;
  character: number;
}

/** An LSP content change: a ranged replacement (editors send nothing else for typing). */
export interface RangedChange {
  range: { start: Position; end: Position };
  text: string;
}

export type Random = () => number;

const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

const TYPED = ['a', ' ', 'x: 1', '- ', ':', '\n', '  ', '#', '"', '{{ x }}', '---', '--', '-', '...', 'image: nginx'];
const PASTED = [
  '---\n',
  '\n---\n',
  '---\napiVersion: v1\nkind: Pod\nmetadata: {name: pasted}\nspec:\n  containers:\n  - {name: a, image: nginx}\n',
  '  livenessProbe:\n    httpGet: {path: /, port: 80}\n',
  '- name: extra\n  image: busybox:1.36\n',
  'metadata:\n  name: moved\n',
];

/** Line lengths without their line breaks, and the break after each line. */
function lines(text: string): { text: string; eol: string }[] {
  const out: { text: string; eol: string }[] = [];
  const re = /\r\n|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: text.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), eol: '' });
  return out;
}

function randomPosition(rand: Random, ls: readonly { text: string }[]): Position {
  const line = Math.floor(rand() * ls.length);
  return { line, character: Math.floor(rand() * ((ls[line]?.text.length ?? 0) + 1)) };
}

/** A position at, just before or just after a `---` marker line, when the text has one. */
function nearMarker(rand: Random, ls: readonly { text: string }[]): Position | undefined {
  const markers = ls.flatMap((l, i) => (l.text.startsWith('---') ? [i] : []));
  if (markers.length === 0) return undefined;
  const m = pick(rand, markers);
  const candidates: Position[] = [
    { line: m, character: 0 },
    { line: m, character: Math.min(3, ls[m]?.text.length ?? 0) },
    { line: m, character: Math.min(1, ls[m]?.text.length ?? 0) },
    ...(m > 0 ? [{ line: m - 1, character: ls[m - 1]?.text.length ?? 0 }] : []),
    ...(m + 1 < ls.length ? [{ line: m + 1, character: 0 }] : []),
  ];
  return pick(rand, candidates);
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** The nearest `---` line within `reach` lines after (or before) `line`. */
function markerNear(ls: readonly { text: string }[], line: number, reach: number, dir: 1 | -1): number | undefined {
  for (let l = line + dir; l >= 0 && l < ls.length && Math.abs(l - line) <= reach; l += dir) {
    if (ls[l]?.text.startsWith('---')) return l;
  }
  return undefined;
}

type Kind = 'type' | 'paste' | 'deleteShort' | 'deleteLines' | 'deleteAcross' | 'replace';

/** How often each kind of edit happens; `growth` above 0.5 favours adding text, below favours removing it. */
function kindOf(rand: Random, growth: number): Kind {
  const weights: [Kind, number][] = [
    ['type', 4],
    ['paste', 4 * growth],
    ['deleteShort', 2],
    ['deleteLines', 4 * (1 - growth)],
    ['deleteAcross', 0.6 * (1 - growth)],
    ['replace', 1],
  ];
  let r = rand() * weights.reduce((n, [, w]) => n + w, 0);
  for (const [kind, w] of weights) {
    r -= w;
    if (r < 0) return kind;
  }
  return 'type';
}

/**
 * One random ranged change to `text`; newlines typed match the text's line endings. `growth` above 0.5 favours
 * insertions and pastes, below favours deletions (a long session keeps a document's size steady with it).
 */
export function randomChange(text: string, rand: Random, growth = 0.5): RangedChange {
  const ls = lines(text);
  const eol = ls.find((l) => l.eol)?.eol ?? '\n';
  const at = (rand() < 0.4 ? nearMarker(rand, ls) : undefined) ?? randomPosition(rand, ls);
  const insert = (t: string): RangedChange => ({ range: { start: at, end: at }, text: t.replace(/\r?\n/g, eol) });
  const lineEnd = (line: number): Position => ({ line, character: ls[line]?.text.length ?? 0 });
  let end: Position;
  switch (kindOf(rand, growth)) {
    case 'type':
      return insert(pick(rand, TYPED));
    case 'paste': {
      if (rand() < 0.3) return insert(pick(rand, PASTED));
      // A block copied from elsewhere in the file, as a user duplicating a container or a document does.
      const from = Math.floor(rand() * ls.length);
      const to = Math.min(ls.length, from + 1 + Math.floor(rand() * 12));
      return insert(
        ls
          .slice(from, to)
          .map((l) => `${l.text}\n`)
          .join(''),
      );
    }
    case 'deleteShort':
      end = {
        line: at.line,
        character: Math.min(lineEnd(at.line).character, at.character + 1 + Math.floor(rand() * 6)),
      };
      break;
    case 'deleteLines': {
      const line = Math.min(ls.length - 1, at.line + 1 + Math.floor(rand() * 4));
      end = { line, character: Math.floor(rand() * ((ls[line]?.text.length ?? 0) + 1)) };
      break;
    }
    case 'deleteAcross': {
      // From inside one document into the next (or the previous): the `---` between them goes too.
      const dir = rand() < 0.5 ? 1 : -1;
      const marker = markerNear(ls, at.line, 30, dir);
      if (marker === undefined) return insert(pick(rand, TYPED));
      const other = Math.max(0, Math.min(ls.length - 1, marker + dir * (1 + Math.floor(rand() * 2))));
      end = { line: other, character: Math.floor(rand() * ((ls[other]?.text.length ?? 0) + 1)) };
      break;
    }
    case 'replace': {
      const line = Math.min(ls.length - 1, at.line + Math.floor(rand() * 2));
      end = { line, character: Math.floor(rand() * ((ls[line]?.text.length ?? 0) + 1)) };
      const [start, stop] = before(at, end) ? [at, end] : [end, at];
      return { range: { start, end: stop }, text: pick(rand, TYPED).replace(/\n/g, eol) };
    }
  }
  const [start, stop] = before(at, end) ? [at, end] : [end, at];
  return { range: { start, end: stop }, text: '' };
}

/** Starts a new document: `---` inserted above a random top-level line (a user splitting a file). */
export function splitChange(text: string, rand: Random): RangedChange {
  const ls = lines(text);
  const eol = ls.find((l) => l.eol)?.eol ?? '\n';
  const candidates = ls.flatMap((l, i) => (/^[A-Za-z]/.test(l.text) ? [i] : []));
  const line = candidates.length > 0 ? pick(rand, candidates) : ls.length - 1;
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, text: `---${eol}` };
}

/** Applies changes in order, each against the text the previous one produced (LSP `didChange` semantics). */
export function applyChanges(text: string, changes: readonly RangedChange[]): string {
  const doc = TextDocument.create('file:///edits', 'yaml', 0, text);
  return TextDocument.update(doc, [...changes], 1).getText();
}

/** The change that undoes `change` on `text` (an editor's undo sends exactly this). */
export function inverseChange(text: string, change: RangedChange): RangedChange {
  const doc = TextDocument.create('file:///edits', 'yaml', 0, text);
  const removed = doc.getText(change.range);
  const start = doc.offsetAt(change.range.start);
  const after = TextDocument.create('file:///edits', 'yaml', 1, applyChanges(text, [change]));
  return { range: { start: change.range.start, end: after.positionAt(start + change.text.length) }, text: removed };
}
