/**
 * The soak's editing model: documents generated from a seed, and the next edit of a document as an editor sends it
 * (one change, several in one message, or an undo of the last one). Edits lean towards each document's initial size
 * and number of documents, so a long session stays realistic instead of deleting everything.
 */
import fc from 'fast-check';
import type { Position } from 'vscode-languageserver-protocol/node';
import { manifestFile } from '../fuzz/manifests';
import { applyChanges, inverseChange, type Random, type RangedChange, randomChange, splitChange } from './edits';

export interface Doc {
  uri: string;
  text: string;
  /** The size and `---` count the document started with: edits lean towards them so segments stay realistic. */
  initialLength: number;
  initialMarkers: number;
  version: number;
  undo: RangedChange[];
}

/** The soak's documents: two or three generated manifest files each, two of them with CRLF line endings. */
export function initialTexts(seed: number, count: number): string[] {
  const files = fc.sample(manifestFile, { seed, numRuns: count * 3 });
  return Array.from({ length: count }, (_, i) => {
    const text = files.slice(i * 3, i * 3 + 2 + (i % 2)).join('---\n');
    return i % 10 === 3 ? text.replace(/\n/g, '\r\n') : text;
  });
}

export function randomPosition(text: string, rand: Random): Position {
  const lines = text.split(/\r?\n/);
  const line = Math.floor(rand() * lines.length);
  return { line, character: Math.floor(rand() * ((lines[line]?.length ?? 0) + 1)) };
}

export const markers = (text: string) => text.match(/^---/gm)?.length ?? 0;

/** Leans towards the document's initial size: more additions when it has shrunk, more deletions when it has grown. */
function growthFor(doc: Doc): number {
  const ratio = doc.text.length / doc.initialLength;
  return Math.min(0.95, Math.max(0.05, 0.5 + 2 * (1 - ratio)));
}

/** The next edit of a document: an undo of its last edit, several changes in one message, or one change. */
export function nextChanges(doc: Doc, rand: Random): RangedChange[] {
  const roll = rand();
  if (roll < 0.15 && doc.undo.length > 0) return [doc.undo.pop() as RangedChange];
  if (roll < 0.25) {
    doc.undo.length = 0;
    const changes: RangedChange[] = [];
    let text = doc.text;
    for (let k = 0; k < 2 + Math.floor(rand() * 3); k++) {
      const c = randomChange(text, rand, growthFor(doc));
      changes.push(c);
      text = applyChanges(text, [c]);
    }
    return changes;
  }
  // Typing over markers merges documents; a user also splits them again, which keeps segments a realistic size.
  const split = markers(doc.text) < doc.initialMarkers && rand() < 0.3;
  const c = split ? splitChange(doc.text, rand) : randomChange(doc.text, rand, growthFor(doc));
  doc.undo.push(inverseChange(doc.text, c));
  if (doc.undo.length > 50) doc.undo.shift();
  return [c];
}
