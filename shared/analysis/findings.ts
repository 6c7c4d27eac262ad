/**
 * A file's findings from its segments' analyses: each moved to where its segment is now and numbered in the
 * file, plus the one template notice for the whole file.
 */
import { type Finding, templateFinding } from '../lint';
import { templateNoticeAt } from '../model';
import { shiftRange } from '../util/range';
import { analysisCounts, COUNTS_PER_GROUP } from './findingCounts';
import type { SegmentAnalysis } from './segmentAnalysis';
import type { Placement, PlacementBasis, SegmentSlot } from './slots';

/** Each analysis' findings moved to where its segment is now; most stay put across an edit elsewhere. */
const PLACED = new WeakMap<SegmentAnalysis, { line: number; firstIndex: number; findings: Finding[] }>();

const NONE: readonly Finding[] = [];

/**
 * The file's findings of every analysed slot, counted. From a basis, a keystroke costs the slots it changed and a
 * copy of the rest's references and counts: in a 10,000-document file, opening every slot's findings again took
 * longer than analysing the edited document, and moving every finding after an added line took 60 ms.
 */
export function placeFindings(slots: readonly SegmentSlot[], basis?: PlacementBasis): Placement {
  return (basis && placedFrom(slots, basis)) ?? placedAfresh(slots);
}

/** Group `i` of a placement: its slot's findings where the segment is now, placed when first asked for. */
export function groupOf(placement: Placement, i: number): readonly Finding[] {
  let group = placement.groups[i];
  if (!group) {
    const slot = placement.slots[i];
    group = slot?.analysis ? slotFindings(slot, slot.analysis) : NONE;
    placement.groups[i] = group;
  }
  return group;
}

function placedAfresh(slots: readonly SegmentSlot[]): Placement {
  const counts = new Uint32Array(slots.length * COUNTS_PER_GROUP);
  let documents = 0;
  let templated = 0;
  let firstTemplated = -1;
  slots.forEach((slot, i) => {
    const a = slot.analysis;
    if (!a) return;
    counts.set(analysisCounts(a), i * COUNTS_PER_GROUP);
    documents += a.documentCount;
    templated += a.templatedCount;
    if (firstTemplated === -1 && a.firstTemplate) firstTemplated = i;
  });
  const groups = new Array<readonly Finding[] | undefined>(slots.length).fill(undefined);
  return withNotice({ slots, groups, counts, documents, templated, firstTemplated });
}

/**
 * The placement from a basis: the slots before and after the edit keep their counts, and their groups too when
 * the edit moved no line or document (typing within a line); moved groups are placed again when asked for.
 * Undefined when the basis does not fit the slots, for a fresh placement.
 */
function placedFrom(slots: readonly SegmentSlot[], basis: PlacementBasis): Placement | undefined {
  const { placement: was, head, tail } = basis;
  const before = was.slots;
  const n = slots.length;
  const m = before.length;
  if (head + tail > n || head + tail > m) return undefined;
  const counts = new Uint32Array(n * COUNTS_PER_GROUP);
  counts.set(was.counts.subarray(0, head * COUNTS_PER_GROUP));
  counts.set(was.counts.subarray((m - tail) * COUNTS_PER_GROUP), (n - tail) * COUNTS_PER_GROUP);
  let { documents, templated } = was;
  let firstTemplated = was.firstTemplated !== -1 && was.firstTemplated < head ? was.firstTemplated : -1;
  for (let i = head; i < m - tail; i++) {
    const a = before[i]?.analysis;
    if (!a) return undefined;
    documents -= a.documentCount;
    templated -= a.templatedCount;
  }
  for (let i = head; i < n - tail; i++) {
    const a = slots[i]?.analysis;
    if (!a) continue;
    counts.set(analysisCounts(a), i * COUNTS_PER_GROUP);
    documents += a.documentCount;
    templated += a.templatedCount;
    if (firstTemplated === -1 && a.firstTemplate) firstTemplated = i;
  }
  if (firstTemplated === -1 && templated > 0) {
    // The first template is after the edit: where it was, if it was there already, else the first one there.
    let i = was.firstTemplated >= m - tail ? was.firstTemplated - m + n : n - tail;
    while (i < n && !slots[i]?.analysis?.firstTemplate) i++;
    firstTemplated = i < n ? i : -1;
  }
  // The slots after the edit move together, by the lines and documents it added: if the first did not, none did.
  const now = slots[n - tail];
  const then = before[m - tail];
  const moved = tail > 0 && (now?.segment.line !== then?.segment.line || now?.firstIndex !== then?.firstIndex);
  const groups = was.groups.slice(0, head);
  for (let i = head; i < n - tail; i++) groups.push(undefined);
  for (let i = m - tail; i < m; i++) groups.push(moved ? undefined : was.groups[i]);
  return withNotice({ slots, groups, counts, documents, templated, firstTemplated });
}

function withNotice(placement: Omit<Placement, 'notice'>): Placement {
  const slot = placement.slots[placement.firstTemplated];
  const first = slot?.analysis?.firstTemplate;
  if (placement.templated <= 0 || !slot?.analysis || !first) return placement;
  const range = shiftRange(first, slot.segment.line - slot.analysis.line);
  const notice = templateFinding({ templateNotice: templateNoticeAt(range, placement.templated, placement.documents) });
  return { ...placement, notice };
}

/**
 * The findings of the slots analysed so far, in file positions, without the file-level template notice (it counts
 * every document of the file): what a partial publish shows, always a subset of `placeFindings`.
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
