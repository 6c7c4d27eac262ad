/**
 * The facts every consumer derives from a pod view, derived once: its containers in the kubelet's order,
 * the effective grace period and restart policy, and the other API defaults podlens reasons with. Hover,
 * lint, the simulation and the panel read them here so they cannot disagree.
 */
import {
  ALLOWED_RESTART_POLICIES,
  DEFAULT_NAMESPACE,
  DEFAULT_RESTART_POLICY,
  effectiveGracePeriod,
  effectiveRestartPolicy,
  type RestartPolicy,
} from '../k8s/podDefaults';
import { formatPath } from '../util/range';
import type { ContainerRole, ContainerView, PodView } from './types';

export interface ResolvedContainer {
  view: ContainerView;
  role: ContainerRole;
  /** Its position in the kubelet's order over all containers: the simulation's key for it. */
  order: number;
  /** Its index in its own list (spec.initContainers or spec.containers). */
  index: number;
  /** Its name, or its path (`initContainers[1]`) while the name is missing or not a plain string. */
  name: string;
}

/** Where an effective value comes from: written in the spec, the API default, or assumed for an unreadable value. */
export type ValueSource = 'spec' | 'default' | 'assumed';

export interface ResolvedGracePeriod {
  seconds: number;
  source: ValueSource;
  defaulted: boolean;
  /** Why the written value is not used as is (negative, a template, the wrong type). */
  note?: string;
}

export interface ResolvedRestartPolicy {
  policy: RestartPolicy;
  source: ValueSource;
  defaulted: boolean;
  /** What the API server defaults an unset policy to (the same for every kind). */
  default: RestartPolicy;
  /** The policies this kind's pod template may use; anything else is rejected. */
  allowed: readonly RestartPolicy[];
  /** An unsupported, unreadable or, for this kind, rejected policy. */
  note?: string;
}

export interface ResolvedPod {
  /**
   * Every container in the order the kubelet handles them: init containers and native sidecars
   * (restartable init containers) in spec order, then the regular containers.
   */
  containers: readonly ResolvedContainer[];
  /** The views of `containers`, same order. */
  views: readonly ContainerView[];
  /** The native sidecars (restartable init containers), in spec order. */
  sidecars: readonly ContainerView[];
  /** Containers that keep running next to the app once initialised: the native sidecars, then the regular ones. */
  longRunning: readonly ContainerView[];
  gracePeriod: ResolvedGracePeriod;
  restartPolicy: ResolvedRestartPolicy;
  /** metadata.namespace, else the default namespace. */
  namespace: string;
}

const cache = new WeakMap<PodView, ResolvedPod>();

/** The name the simulation and the panel give a container: its `name`, or its path when the name is missing. */
export const containerName = (c: ContainerView): string =>
  c.name.kind === 'value' ? c.name.value : formatPath([c.list, c.index]);

/** A value read from the spec is used as written unless it is unreadable or unsupported (then assumed). */
const sourceOf = (defaulted: boolean, written: boolean): ValueSource =>
  defaulted ? 'default' : written ? 'spec' : 'assumed';

function resolve(pod: PodView): ResolvedPod {
  const views = [...pod.initContainers, ...pod.containers];
  const sidecars = pod.initContainers.filter((c) => c.role === 'sidecar');
  const grace = effectiveGracePeriod(pod);
  const restart = effectiveRestartPolicy(pod);
  return {
    containers: views.map((view, order) => ({
      view,
      role: view.role,
      order,
      index: view.index,
      name: containerName(view),
    })),
    views,
    sidecars,
    longRunning: [...sidecars, ...pod.containers],
    gracePeriod: { ...grace, source: sourceOf(grace.defaulted, pod.terminationGracePeriodSeconds.kind === 'value') },
    restartPolicy: {
      ...restart,
      source: sourceOf(
        restart.defaulted,
        pod.restartPolicy.kind === 'value' && pod.restartPolicy.value === restart.policy,
      ),
      default: DEFAULT_RESTART_POLICY,
      allowed: ALLOWED_RESTART_POLICIES[pod.workload],
    },
    namespace: pod.metadata.namespace.kind === 'value' ? pod.metadata.namespace.value : DEFAULT_NAMESPACE,
  };
}

/**
 * The resolved facts of a pod view, computed once per view (views are immutable; a changed document is a
 * new view).
 * @example resolvePod(podView).gracePeriod // { seconds: 30, source: 'default', defaulted: true }
 */
export function resolvePod(pod: PodView): ResolvedPod {
  const known = cache.get(pod);
  if (known) return known;
  const resolved = resolve(pod);
  cache.set(pod, resolved);
  return resolved;
}
