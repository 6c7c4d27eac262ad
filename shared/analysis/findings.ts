/**
 * A file's findings from its segments' analyses: each moved to where its segment is now and numbered in the
 * file, plus the one template notice for the whole file.
 */
import { type Finding, templateFinding } from '../lint';
import { templateNoticeAt } from '../model';
import { shiftRange } from '../util/range';
import type { SegmentAnalysis } from './segmentAnalysis';
import type { SegmentSlot } from './slots';

/** Each analysis' findings moved to where its segment is now; most stay put across an edit elsewhere. */
const PLACED = new WeakMap<SegmentAnalysis, { line: number; firstIndex: number; findings: Finding[] }>();

/**
 * A file's own findings in groups, in file order: each analysed segment's own (the same array across edits that do
 * not move the segment), then the template notice. The notice is also returned alone, for lookups by line.
 */
export function assembleGroups(slots: SegmentSlot[]): { groups: Finding[][]; notice?: Finding } {
  const groups: Finding[][] = [];
  for (const slot of slots) {
    const placed = slot.analysis ? slotFindings(slot, slot.analysis) : [];
    if (placed.length > 0) groups.push(placed);
  }
  let templated = 0;
  let firstTemplate: Finding['range'] | undefined;
  let total = 0;
  for (const { segment, analysis } of slots) {
    if (!analysis) continue;
    const delta = segment.line - analysis.line;
    total += analysis.documentCount;
    templated += analysis.templatedCount;
    if (!firstTemplate && analysis.firstTemplate) firstTemplate = shiftRange(analysis.firstTemplate, delta);
  }
  const notice =
    templated > 0 && firstTemplate
      ? templateFinding({ templateNotice: templateNoticeAt(firstTemplate, templated, total) })
      : undefined;
  if (notice) groups.push([notice]);
  return { groups, notice };
}

/**
 * The findings of the slots analysed so far, in file positions, without the file-level template notice (it counts
 * every document of the file): what a partial publish shows, always a subset of `assembleGroups`.
 */
export function placedFindings(slots: SegmentSlot[]): Finding[] {
  const out: Finding[] = [];
  for (const slot of slots) {
    if (!slot.analysis) continue;
    for (const f of slotFindings(slot, slot.analysis)) out.push(f);
  }
  return out;
}

/** One segment's own findings where the segment is now (the file's template notice is not among them). */
export function slotFindings(slot: SegmentSlot, analysis: SegmentAnalysis): Finding[] {
  const { segment, firstIndex } = slot;
  let placed = PLACED.get(analysis);
  if (!placed || placed.line !== segment.line || placed.firstIndex !== firstIndex) {
    const delta = segment.line - analysis.line;
    placed = {
      line: segment.line,
      firstIndex,
      findings: analysis.findings.map((f) => shiftFinding(f, delta, firstIndex)),
    };
    PLACED.set(analysis, placed);
  }
  return placed.findings;
}

/** A finding moved `delta` lines down, its document numbered `firstIndex` further. */
export function shiftFinding(f: Finding, delta: number, firstIndex: number): Finding {
  if (delta === 0 && firstIndex === 0) return f;
  return {
    ...f,
    document: f.document + firstIndex,
    range: shiftRange(f.range, delta),
    related: f.related?.map((r) => ({ ...r, range: shiftRange(r.range, delta) })),
    fixes: f.fixes?.map((fix) => ({
      ...fix,
      edits: fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, delta) })),
    })),
  };
}
