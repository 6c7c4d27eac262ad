/**
 * Segment analyses under one set of rule levels, by file context and segment text, each text with one analysis
 * per range of targets it was made for (`SegmentAnalysis.validFor`). Switching the target keeps the store: an
 * analysis whose range holds the new target is the new target's analysis too, and the previous target's stay
 * for switching back.
 */
import { holdsFor } from '../k8s/version/reads';
import type { KubernetesTarget } from '../k8s/version/target';
import type { SegmentAnalysis } from './segmentAnalysis';

export class SegmentStore {
  /**
   * Keyed by the segment string itself so its cached hash is reused: a composite key string would be hashed
   * again, 4 MB per edit in a big file.
   */
  private byContext = new Map<string, Map<string, SegmentAnalysis[]>>();

  get(context: string, text: string, target: KubernetesTarget): SegmentAnalysis | undefined {
    return this.byContext
      .get(context)
      ?.get(text)
      ?.find((a) => holdsFor(a.validFor, target));
  }

  add(context: string, text: string, analysis: SegmentAnalysis): void {
    let byText = this.byContext.get(context);
    if (!byText) this.byContext.set(context, (byText = new Map()));
    const variants = byText.get(text);
    if (!variants) byText.set(text, [analysis]);
    else if (!variants.includes(analysis)) variants.push(analysis);
  }

  /** Keeps the analyses of the given segments that hold for one of the targets, and nothing else. */
  retain(segments: Iterable<{ context: string; text: string }>, targets: readonly KubernetesTarget[]): void {
    const keep = new Map<string, Map<string, SegmentAnalysis[]>>();
    for (const { context, text } of segments) {
      let byText = keep.get(context);
      if (!byText) keep.set(context, (byText = new Map()));
      if (byText.has(text)) continue;
      const variants = this.byContext
        .get(context)
        ?.get(text)
        ?.filter((a) => targets.some((t) => holdsFor(a.validFor, t)));
      if (variants?.length) byText.set(text, variants);
    }
    this.byContext = keep;
  }
}
