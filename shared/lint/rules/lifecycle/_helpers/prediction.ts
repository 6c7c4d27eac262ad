/**
 * What the lifecycle rules read of the simulator's prediction of a container (`predictContainer`), so a
 * finding and the lifecycle preview never disagree. Lint sees one document, not the Services defined
 * next to it: a prediction that depends on whether a Service exists is left to the preview.
 */
import type { ContainerView, PodView } from '../../../../model';
import { type ContainerPrediction, predictContainer } from '../../../../sim';

/** The inferred end of the main process: an exit (an OOM kill is exit 137) or running until stopped. */
export type Outcome = (
  | { kind: 'exits'; exitCode: number; afterSeconds: number; oom?: boolean }
  | { kind: 'forever' }
) & {
  because: string;
  source: ContainerPrediction['main']['source'];
};

const NO_SERVICES: ReadonlySet<string> = new Set();

/**
 * Several rules read the same container's prediction, and running the shell interpreter once per rule
 * made it a visible share of linting a large file. Views are immutable once parsed, so the prediction of
 * a (pod, container) pair never changes; weak keys let a re-parsed document drop the old entries.
 */
const cache = new WeakMap<PodView, WeakMap<ContainerView, ContainerPrediction>>();

function predicted(pod: PodView, c: ContainerView): ContainerPrediction {
  let byContainer = cache.get(pod);
  if (!byContainer) {
    byContainer = new WeakMap();
    cache.set(pod, byContainer);
  }
  let p = byContainer.get(c);
  if (!p) {
    p = predictContainer(pod, c, NO_SERVICES);
    byContainer.set(c, p);
  }
  return p;
}

export function lintPrediction(pod: PodView, c: ContainerView): ContainerPrediction | undefined {
  const p = predicted(pod, c);
  return p.main.execution.waitsFor.length > 0 ? undefined : p;
}

/**
 * @example predictedOutcome(pod, c) // { kind: 'exits', exitCode: 0, afterSeconds: 0, because: '`echo hi` exits 0 at once', source: 'command' }
 */
export function predictedOutcome(pod: PodView, c: ContainerView): Outcome | undefined {
  const p = lintPrediction(pod, c);
  // A rerun (files kept in an emptyDir) is what every later restart does: the steady state decides.
  const e = p?.main.rerun ?? p?.main.execution;
  if (!p || !e || p.runs.certainty !== 'inferred') return undefined;
  const source = p.main.source;
  if (e.kind === 'exits')
    return { kind: 'exits', exitCode: e.exitCode, afterSeconds: e.afterSeconds, because: e.because, source };
  if (e.kind === 'oom')
    return { kind: 'exits', exitCode: 137, oom: true, afterSeconds: e.afterSeconds, because: e.because, source };
  if (e.kind === 'forever') return { kind: 'forever', because: e.because, source };
  return undefined;
}
