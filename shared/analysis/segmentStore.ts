/**
 * Segment analyses under one set of rule levels, by file context and segment text, each text with one analysis
 * per range of targets it was made for (`SegmentAnalysis.validFor`). Switching the target keeps the store: an
 * analysis whose range holds the new target is the new target's analysis too, and the previous target's stay
 * for switching back. Analyses are kept while some open file has their text: counted per text, so an edit drops
 * the analyses of the segments it replaced without a pass over every open segment.
 */
import { holdsFor } from '../k8s/version/reads';
import type { KubernetesTarget } from '../k8s/version/target';
import type { SegmentAnalysis } from './segmentAnalysis';
import type { SegmentSlot } from './slots';

/** Analyses of texts no open file has any more that are kept, the most recent first: what an undo brings back. */
const RECENT_KEPT = 16;

export class SegmentStore {
  /**
   * Keyed by the segment string itself so its cached hash is reused: a composite key string would be hashed
   * again, 4 MB per edit in a big file.
   */
  private byContext = new Map<string, Map<string, SegmentAnalysis[]>>();
  /** How many segments of open files have each text, by context. */
  private held = new Map<string, Map<string, number>>();
  /** The context each open file's texts are counted under. */
  private contexts = new Map<string, string>();
  /**
   * Analyses of texts the last edits replaced, by text, oldest first: typing a character and deleting it again, or an
   * undo, brings the text back, and its analysis is not made a second time.
   */
  private recent = new Map<string, { context: string; variants: SegmentAnalysis[] }>();

  get(context: string, text: string, target: KubernetesTarget): SegmentAnalysis | undefined {
    const variants = this.byContext.get(context)?.get(text);
    const recent = variants ? undefined : this.recent.get(text);
    return (variants ?? (recent?.context === context ? recent.variants : undefined))?.find((a) =>
      holdsFor(a.validFor, target),
    );
  }

  /** Keeps an analysis while an open file has its text (one made for an older version of a file is not kept). */
  add(context: string, text: string, analysis: SegmentAnalysis): void {
    if (!this.held.get(context)?.has(text)) return;
    let byText = this.byContext.get(context);
    if (!byText) this.byContext.set(context, (byText = new Map()));
    const variants = byText.get(text);
    if (!variants) byText.set(text, [analysis]);
    else if (!variants.includes(analysis)) variants.push(analysis);
  }

  /** Keeps the analyses of the open files' texts that hold for one of the targets, and nothing else. */
  retain(
    files: readonly { uri: string; context: string; texts: readonly string[] }[],
    targets: readonly KubernetesTarget[],
  ): void {
    const keep = new Map<string, Map<string, SegmentAnalysis[]>>();
    this.held = new Map();
    this.contexts = new Map();
    this.recent = new Map();
    for (const { uri, context, texts } of files) {
      this.contexts.set(uri, context);
      this.count(context, texts, 1);
      let byText = keep.get(context);
      if (!byText) keep.set(context, (byText = new Map()));
      for (const text of texts) {
        if (byText.has(text)) continue;
        const variants = this.byContext
          .get(context)
          ?.get(text)
          ?.filter((a) => targets.some((t) => holdsFor(a.validFor, t)));
        if (variants?.length) byText.set(text, variants);
      }
    }
    this.byContext = keep;
  }

  /**
   * A file's segments from `before` to `after` (none when it closes), counted under `context`. An edit changes one
   * run of segments: those before and after it keep their texts (`ends`, as the host found them), and only the run
   * is counted again.
   */
  replace(
    uri: string,
    context: string,
    before: readonly SegmentSlot[],
    after: readonly SegmentSlot[],
    ends: { head: number; tail: number },
  ): void {
    const was = this.contexts.get(uri);
    let old = before;
    let { head, tail } = ends;
    if (was !== context) {
      // Counted under another context (or not at all): every text is new under this one.
      if (was !== undefined) this.count(was, textsOf(before, 0, before.length), -1);
      old = [];
      head = 0;
      tail = 0;
    }
    if (after.length > 0) this.contexts.set(uri, context);
    else this.contexts.delete(uri);
    this.count(context, textsOf(after, head, after.length - tail), 1);
    this.count(context, textsOf(old, head, old.length - tail), -1);
  }

  /** Adds `by` to each text's count; a text counted down to none moves its analyses to the recent ones. */
  private count(context: string, texts: readonly string[], by: 1 | -1): void {
    let counts = this.held.get(context);
    if (!counts) this.held.set(context, (counts = new Map()));
    let byText = this.byContext.get(context);
    if (!byText) this.byContext.set(context, (byText = new Map()));
    for (const text of texts) {
      const n = (counts.get(text) ?? 0) + by;
      if (n > 0) {
        counts.set(text, n);
        const back = n === 1 ? this.recent.get(text) : undefined;
        if (back?.context === context) {
          this.recent.delete(text);
          byText.set(text, back.variants);
        }
        continue;
      }
      counts.delete(text);
      const variants = byText.get(text);
      if (!variants) continue;
      byText.delete(text);
      this.recent.delete(text);
      this.recent.set(text, { context, variants });
      if (this.recent.size > RECENT_KEPT) this.recent.delete(this.recent.keys().next().value as string);
    }
  }
}

function textsOf(slots: readonly SegmentSlot[], from: number, to: number): string[] {
  const texts: string[] = [];
  for (let i = from; i < to; i++) texts.push((slots[i] as SegmentSlot).segment.text);
  return texts;
}
