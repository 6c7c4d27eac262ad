/**
 * Everything the core offers, run on one (possibly hostile) text: the segment split, the manifest model, every
 * lint rule on its own and the whole engine, the outline, hover and completion at given positions, the simulation
 * of every pod document, and the readers of `.podlens.yaml` and kustomizations. Returns the problems found (a throw,
 * a slow call, a rule failure, a range outside the text) instead of throwing, so a worker can run it under a
 * watchdog.
 */

import { keyItems } from '../../../server/features/completion/keys';
import { slotOf } from '../../../server/features/completion/slot';
import { snippetItems } from '../../../server/features/completion/snippets';
import { valueItems } from '../../../server/features/completion/values';
import { foldsOf } from '../../../server/features/outline/foldsOf';
import { documentSymbol } from '../../../server/features/outline/symbolsOf';
import { hoverMarkdown } from '../../../shared/explain';
import { allRules, lintDocuments, lintText, parseConfigFile } from '../../../shared/lint';
import {
  kustomizationPatchPaths,
  type ManifestDocument,
  parseManifests,
  pathAt,
  splitSegments,
} from '../../../shared/model';
import { predictionSummary, simulate, toJson } from '../../../shared/sim';
import { lineLengths, type Position, rangeProblems } from './ranges';
import { callClock } from './threadCpu';

export interface CoreJob {
  text: string;
  /** File path the model sees (patch-like names make documents partial). */
  path: string;
  /** Cursor positions as fractions: [line fraction, character fraction] (the character may pass the line end). */
  cursors: [number, number][];
  scenario?: unknown;
  until: number;
}

export interface CoreResult {
  problems: string[];
  /** The slowest call, for the report. */
  slowest: { what: string; ms: number };
}

/** A single call that needs more CPU than this is a hang in the making (generous: the CI machine has two cores). */
export const CALL_BUDGET_MS = 4000;

export function runCoreChecks(job: CoreJob): CoreResult {
  const { text } = job;
  const lines = lineLengths(text);
  const problems: string[] = [];
  let slowest = { what: '', ms: 0 };
  const clock = callClock();
  const call = <T>(what: string, fn: () => T): T | undefined => {
    clock.start();
    try {
      return fn();
    } catch (err) {
      problems.push(`${what} threw: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return undefined;
    } finally {
      const { wallMs, cpuMs } = clock.cost(CALL_BUDGET_MS);
      if (wallMs > slowest.ms) slowest = { what, ms: wallMs };
      if (cpuMs > CALL_BUDGET_MS) {
        problems.push(`${what} took ${Math.round(cpuMs)} ms of CPU (${Math.round(wallMs)} ms wall)`);
      }
    }
  };
  const ranges = (what: string, value: unknown) => problems.push(...rangeProblems(lines, value, what));

  const segments = call('splitSegments', () => splitSegments(text)) ?? [];
  if (segments.map((s) => s.text).join('') !== text) problems.push('splitSegments: segments do not rebuild the text');

  const file = call('parseManifests', () => parseManifests(text, { path: job.path }));
  const documents = file?.documents ?? [];
  for (const doc of documents) {
    const at = `document ${doc.index}`;
    ranges(`${at} range`, doc.range);
    ranges(`${at} issues`, doc.issues);
    for (const rule of allRules()) {
      const findings = call(`rule ${rule.meta.id} on ${at}`, () =>
        lintDocuments([doc], {
          rules: [rule],
          path: job.path,
          onRuleFailure: (f) => problems.push(`rule ${f.rule} failed on ${at}: ${f.stack ?? f.message}`),
        }),
      );
      // Every call also returns the document's syntax findings: checked once (under yaml-syntax), not per rule,
      // since 40,000 of them times every rule made the check, not the core, the slow part of a run.
      ranges(
        `rule ${rule.meta.id} on ${at}`,
        findings?.filter((f) => f.rule === rule.meta.id),
      );
    }
    ranges(
      `symbols of ${at}`,
      call(`documentSymbol(${at})`, () => documentSymbol(doc)),
    );
    ranges(
      `folds of ${at}`,
      call(`foldsOf(${at})`, () => foldsOf(doc)),
    );
    if (doc.pod) simulateDocument(doc, job, call, ranges);
  }
  ranges(
    'lintText',
    call('lintText', () => lintText(text, { path: job.path })),
  );
  ranges(
    'parseConfigFile',
    call('parseConfigFile', () => parseConfigFile(text)),
  );
  call('kustomizationPatchPaths', () => kustomizationPatchPaths(text));

  for (const cursor of job.cursors) {
    const pos = positionOf(lines, cursor);
    const doc = documents.findLast((d) => d.range.start.line <= pos.line) ?? documents[0];
    editorFeatures(doc, pos, call, ranges);
  }
  return { problems, slowest };
}

type Call = <T>(what: string, fn: () => T) => T | undefined;
type Ranges = (what: string, value: unknown) => void;

function positionOf(lines: readonly number[], [lineFraction, charFraction]: [number, number]): Position {
  const line = Math.min(lines.length - 1, Math.floor(lineFraction * lines.length));
  return { line, character: Math.floor(charFraction * ((lines[line] ?? 0) + 1)) };
}

/** What the server does for a hover and a completion at `pos` (server/features/hover.ts and completion.ts). */
function editorFeatures(doc: ManifestDocument | undefined, pos: Position, call: Call, ranges: Ranges): void {
  if (!doc || doc.templated) return;
  const at = `at ${pos.line}:${pos.character}`;
  const loc = call(`pathAt ${at}`, () => pathAt(doc, pos));
  if (!loc) return;
  ranges(`pathAt ${at}`, loc.range);
  call(`hoverMarkdown ${at}`, () => hoverMarkdown(doc, loc.path, []));
  const line = doc.ctx.lines.lineText(pos.line);
  const slot = call(`slotOf ${at}`, () => slotOf(doc, loc, line[loc.range.start.character - 1] ?? ''));
  if (!slot) return;
  const items = call(`completion ${at}`, () =>
    slot.kind === 'value' ? valueItems(slot) : [...keyItems(slot), ...snippetItems(slot)],
  );
  ranges(`completion ${at}`, items);
}

function simulateDocument(doc: ManifestDocument, job: CoreJob, call: Call, ranges: Ranges): void {
  const pod = doc.pod;
  if (!pod) return;
  const at = `document ${doc.index}`;
  for (const scenario of job.scenario === undefined ? [undefined] : [undefined, job.scenario]) {
    const what = `simulate(${at}${scenario === undefined ? '' : ', scenario'})`;
    const result = call(what, () => simulate(pod, scenario as Parameters<typeof simulate>[1], { until: job.until }));
    if (!result) continue;
    ranges(what, result.steps);
    call(`predictionSummary(${at})`, () => predictionSummary(result));
    call(`toJson(${at})`, () => toJson(result, { document: doc.index }));
  }
}
