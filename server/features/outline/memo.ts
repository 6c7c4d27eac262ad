/**
 * Per-segment memo for the whole-file features (outline, folding): the analysis host's segments of a file, each
 * segment's result kept by its text, so after an edit only the touched segment is parsed again. Missing
 * segments are computed in short slices with a yield in between, so the first request on a 1,000-document
 * file does not hold up hovers and completions; cancelled work keeps what it finished.
 */
import type { CancellationToken } from 'vscode-languageserver';
import { type ManifestDocument, type ParseOptions, parseSegmentDocuments, type Segment } from '../../../shared/model';

/** Longest stretch of parsing before other requests get a turn. */
const SLICE_MS = 2;

interface Entry<T> {
  line: number;
  value: T;
}

/** A timer, not setImmediate: pending requests (read in the poll phase, run in the check phase) go first. */
const yieldTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class SegmentMemo<T> {
  private entries = new Map<string, Entry<T>>();

  constructor(
    private readonly compute: (docs: ManifestDocument[], segment: Segment) => T,
    private readonly shift: (value: T, lines: number) => T,
    /** The file's parse options: a Helm chart's template is outlined as one. */
    private readonly options: ParseOptions = {},
  ) {}

  /** One result per segment, in order; undefined when cancelled. Keeps only these segments' results. */
  async all(segments: readonly Segment[], token?: CancellationToken): Promise<T[] | undefined> {
    const next = new Map<string, Entry<T>>();
    const out: T[] = [];
    let sliceStart = performance.now();
    for (const segment of segments) {
      let entry = next.get(segment.text) ?? this.entries.get(segment.text);
      if (!entry) {
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldTurn();
          if (token?.isCancellationRequested) {
            for (const [key, e] of next) this.entries.set(key, e);
            return undefined;
          }
          sliceStart = performance.now();
        }
        entry = { line: segment.line, value: this.compute(parseSegmentDocuments(segment, 0, this.options), segment) };
      }
      next.set(segment.text, entry);
      const delta = segment.line - entry.line;
      out.push(delta === 0 ? entry.value : this.shift(entry.value, delta));
    }
    this.entries = next;
    return out;
  }
}
