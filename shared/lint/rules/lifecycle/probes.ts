/**
 * missing-readiness-probe, missing-liveness-probe and liveness-equals-readiness, for regular containers of
 * pods that keep running (not Jobs; restartPolicy Always). Without a readiness probe a started container is
 * ready at once (the Kubernetes v1.36 kubelet), so Services send it traffic before it can answer; without a liveness probe
 * a hung process is never restarted; a liveness probe that checks exactly what readiness checks turns every
 * overload into restarts.
 */
import { effectiveHandler, effectiveProbe } from '../../../k8s';
import type { ManifestDocument, ProbeView } from '../../../model';
import { insertProbeFix } from '../../fixes';
import type { Rule } from '../../types';
import { capitalize, containerAnchor, describeContainer, isLongRunning } from './_helpers/containers';

export const missingReadinessProbe: Rule = {
  meta: {
    id: 'missing-readiness-probe',
    family: 'lifecycle',
    severity: 'info',
    bestPractice: true,
    summary: 'A long-running container has no readinessProbe: it receives traffic as soon as it starts.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || !isLongRunning(pod)) return;
    for (const c of pod.containers) {
      if (c.readinessProbe) continue;
      const fix = insertProbeFix(ctx.doc, c, 'readinessProbe');
      ctx.report({
        ...containerAnchor(c),
        needsWholeObject: true,
        message: 'No readinessProbe: ready, and sent traffic, the moment it starts',
        detail:
          `${capitalize(describeContainer(c))} has no readinessProbe: it counts as ready the moment it starts and ` +
          'gets traffic before it can serve.',
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

export const missingLivenessProbe: Rule = {
  meta: {
    id: 'missing-liveness-probe',
    family: 'lifecycle',
    severity: 'hint',
    bestPractice: true,
    summary: 'A long-running container has no livenessProbe: a hung process is never restarted.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || !isLongRunning(pod)) return;
    for (const c of pod.containers) {
      if (c.livenessProbe) continue;
      const fix = insertProbeFix(ctx.doc, c, 'livenessProbe');
      ctx.report({
        ...containerAnchor(c),
        needsWholeObject: true,
        message: 'No livenessProbe: a hung process is restarted only if it exits',
        detail: `${capitalize(describeContainer(c))} has no livenessProbe: a hung process is restarted only if it exits.`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

/**
 * What a probe checks: its handler with API defaults applied (`httpGet` path `/`, scheme HTTP), plus the
 * settings the view does not carry (HTTP headers, gRPC service) read from the handler's YAML.
 */
function handlerKey(doc: ManifestDocument, probe: ProbeView): string | undefined {
  const h = probe.handlers[0];
  if (!h || probe.handlers.length !== 1) return undefined;
  const node = doc.ctx.asMap(doc.ast.getIn(h.path, true));
  if (!node) return undefined;
  const raw = node.toJSON() as Record<string, unknown>;
  const extra = { httpHeaders: raw.httpHeaders, service: raw.service };
  return JSON.stringify([effectiveHandler(h).handler, extra]);
}

const TIMING = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'failureThreshold'] as const;

export const livenessEqualsReadiness: Rule = {
  meta: {
    id: 'liveness-equals-readiness',
    family: 'lifecycle',
    severity: 'info',
    summary: 'The livenessProbe checks exactly what the readinessProbe checks.',
  },
  check(ctx) {
    for (const c of ctx.pod ? [...ctx.pod.initContainers, ...ctx.pod.containers] : []) {
      const live = c.livenessProbe;
      const ready = c.readinessProbe;
      if (!live || !ready) continue;
      const key = handlerKey(ctx.doc, live);
      if (key === undefined || key !== handlerKey(ctx.doc, ready)) continue;
      const [l, r] = [effectiveProbe(live), effectiveProbe(ready)];
      const sameTiming = TIMING.every((t) => l[t] === r[t]);
      ctx.report({
        path: live.path,
        range: live.keyRange,
        message: `livenessProbe makes the same check as the readinessProbe${sameTiming ? ', with the same timing' : ''}`,
        detail:
          `The livenessProbe of ${describeContainer(c)} makes the same check as its readinessProbe` +
          `${sameTiming ? ' with the same timing' : ''}: a slowdown that takes it out of rotation also restarts it.`,
        related: [{ range: ready.keyRange, message: 'the readinessProbe with the same check' }],
      });
    }
  },
};
