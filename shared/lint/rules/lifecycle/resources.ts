/**
 * missing-resources and missing-memory-limit, for containers that keep running (regular containers and native
 * sidecars). Requests are what the scheduler places the pod by; without any, the pod is BestEffort and the
 * first to be evicted under node pressure. A memory limit is the only bound on a container's memory: without
 * one it can take all free memory of the node (the Kubernetes v1.36 kubelet on QoS classes). A namespace LimitRange can
 * default both, which a manifest linter cannot see.
 */
import type { ContainerView, PodView } from '../../../model';
import { insertMemoryLimitFix, insertResourcesFix } from '../../fixes';
import type { Rule } from '../../types';
import { capitalize, concurrentContainers, containerAnchor, describeContainer } from './_helpers/containers';

const CORE = ['cpu', 'memory'];

function hasAny(c: ContainerView): boolean {
  const { requests, limits } = c.resources;
  return CORE.some((r) => requests.entries.has(r) || limits.entries.has(r));
}

/** Pod-level resources (spec.resources, 1.32+) bound every container that sets none of its own. */
function hasPodLevelResources(pod: PodView): boolean {
  return pod.resources.requests.entries.size > 0 || pod.resources.limits.entries.size > 0;
}

export const missingResources: Rule = {
  meta: {
    id: 'missing-resources',
    family: 'lifecycle',
    severity: 'info',
    bestPractice: true,
    summary: 'A container sets no cpu or memory requests or limits.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || hasPodLevelResources(pod)) return;
    for (const c of concurrentContainers(pod)) {
      if (hasAny(c)) continue;
      const anchor = containerAnchor(c);
      const fix = insertResourcesFix(ctx.doc, c);
      ctx.report({
        ...anchor,
        needsWholeObject: true,
        message: 'No cpu or memory requests or limits: BestEffort, evicted first',
        detail:
          `${capitalize(describeContainer(c))} sets no cpu or memory requests or limits: scheduled as if it needed ` +
          'nothing, evicted first (BestEffort), memory unbounded.',
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

export const missingMemoryLimit: Rule = {
  meta: {
    id: 'missing-memory-limit',
    family: 'lifecycle',
    severity: 'info',
    bestPractice: true,
    summary: 'A container with resource settings has no memory limit.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || hasPodLevelResources(pod)) return;
    for (const c of concurrentContainers(pod)) {
      // No resources at all is missing-resources' finding.
      if (!hasAny(c) || c.resources.limits.entries.has('memory')) continue;
      const fix = insertMemoryLimitFix(ctx.doc, c);
      const anchor = c.resources.keyRange
        ? { range: c.resources.keyRange, path: [...c.path, 'resources'] }
        : containerAnchor(c);
      ctx.report({
        ...anchor,
        needsWholeObject: true,
        message: 'No memory limit: it can use node memory until other pods are OOM-killed',
        detail:
          `${capitalize(describeContainer(c))} has no memory limit: it can use the node's memory until other pods ` +
          'are OOM-killed or evicted.',
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
