/**
 * Which manifest range an event row or a lane stands for, so a click can reveal it in the editor. The
 * simulation gives ranges per step, shared by all of the step's events; so an event naming a container takes
 * the field its reason is about (the image for pulls, the probe for Unhealthy, the hook for hook failures),
 * else the step's range inside that container, else the container's name.
 */
import type { ContainerView, PodView } from '../../../shared/model';
import { containerName, resolvePod } from '../../../shared/model';
import type { Step } from '../../../shared/sim';
import { comparePositions, type Range } from '../../../shared/util/range';
import type { EventRow } from './timeline';

const inside = (inner: Range, outer: Range) =>
  comparePositions(inner.start, outer.start) >= 0 && comparePositions(inner.end, outer.end) <= 0;

const valueRange = (f: { kind: string; range?: Range }): Range | undefined =>
  f.kind === 'absent' ? undefined : f.range;

/** The container's name value (what a lane click selects), else the start of its list item. */
export function containerRange(view: ContainerView): Range {
  return valueRange(view.name) ?? { start: view.range.start, end: view.range.start };
}

function findContainer(pod: PodView, target: NonNullable<EventRow['container']>): ContainerView | undefined {
  return pod[target.list].find((v) => containerName(v) === target.name);
}

function byReason(view: ContainerView, row: EventRow): Range | undefined {
  const { reason, message } = row.event;
  if (['Pulling', 'Pulled', 'ErrImageNeverPull', 'InspectFailed'].includes(reason) || /image/i.test(message)) {
    return valueRange(view.image);
  }
  if (reason === 'Unhealthy' || (reason === 'Killing' && /probe/i.test(message))) {
    const probe = /^Startup/i.test(message)
      ? view.startupProbe
      : /^Readiness/i.test(message)
        ? view.readinessProbe
        : /liveness/i.test(message)
          ? view.livenessProbe
          : (view.livenessProbe ?? view.startupProbe ?? view.readinessProbe);
    return probe?.keyRange;
  }
  if (reason === 'FailedPostStartHook') return view.lifecycle.postStart?.keyRange;
  if (reason === 'FailedPreStopHook') return view.lifecycle.preStop?.keyRange;
  return undefined;
}

/** The range an event row reveals. */
export function eventRange(row: EventRow, step: Step | undefined, pod: PodView): Range {
  const stepRanges = step?.ranges ?? [];
  const view = row.container && findContainer(pod, row.container);
  if (view) {
    return byReason(view, row) ?? stepRanges.find((r) => inside(r, view.range)) ?? containerRange(view);
  }
  const views = resolvePod(pod).views;
  const podLevel = stepRanges.find((r) => !views.some((v) => inside(r, v.range)));
  return (
    podLevel ??
    valueRange(pod.metadata.name) ??
    pod.specKeyRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
  );
}
