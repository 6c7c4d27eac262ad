/**
 * probe-port-not-declared: a probe's port that the container does not declare. The API server does not check
 * it (Kubernetes v1.36 validation.go). A named port is resolved by the kubelet against the container's own `ports`; an
 * unknown name makes every probe fail ("couldn't find port"). A number works whenever the app listens on it,
 * so an undeclared number is only suspicious when the container lists other ports (a typo, or a port moved).
 */
import { type ContainerView, type ProbeView, resolvePod } from '../../../model';
import { quoted } from '../../message';
import type { RelatedInfo, Rule } from '../../types';
import { describeContainer } from './_helpers/containers';
import { portHandler } from './_helpers/probePorts';

const EFFECT: Record<ProbeView['kind'], string> = {
  livenessProbe: 'the container is killed and restarted over and over (CrashLoopBackOff)',
  readinessProbe: 'the container never becomes ready, so it never receives Service traffic',
  startupProbe: 'the container never counts as started and is killed after failureThreshold attempts, again and again',
};

function declaredPorts(c: ContainerView): RelatedInfo[] {
  const out: RelatedInfo[] = [];
  for (const p of c.ports) {
    if (p.containerPort.kind !== 'value') continue;
    const name = p.name.kind === 'value' ? ` (${p.name.value})` : '';
    out.push({ range: p.containerPort.range, message: `declared port ${p.containerPort.value}${name}` });
  }
  return out;
}

export const probePortNotDeclaredRule: Rule = {
  meta: {
    id: 'probe-port-not-declared',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'A probe targets a port (by name or number) that the container does not declare.',
  },
  check(ctx) {
    for (const c of ctx.pod ? resolvePod(ctx.pod).views : []) {
      // A port list with a template or a wrongly typed entry cannot be checked.
      if (c.ports.some((p) => p.name.kind === 'template' || p.containerPort.kind === 'template')) continue;
      for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
        const h = probe ? portHandler(probe) : undefined;
        if (!probe || !h || h.port.kind !== 'value') continue;
        const port = h.port.value;
        const related = declaredPorts(c);
        const where = `The ${probe.kind} of ${describeContainer(c)}`;
        if (typeof port === 'string') {
          // A numeric string is the API server's problem (not a valid port name); names are ours.
          if (/^\d+$/.test(port) || c.ports.some((p) => p.name.kind === 'value' && p.name.value === port)) continue;
          ctx.report({
            path: [...h.path, 'port'],
            range: h.port.range,
            needsWholeObject: true,
            related,
            message: `${probe.kind} port ${quoted(port)} is not a port name of this container: every probe fails`,
            detail:
              `${where} uses the port name "${port}", but the container declares no port with that name. The ` +
              `API server accepts it; the kubelet cannot resolve it, so every probe fails and ${EFFECT[probe.kind]}. ` +
              'Name the port in `ports` or use its number.',
          });
          continue;
        }
        if (
          related.length === 0 ||
          c.ports.some((p) => p.containerPort.kind === 'value' && p.containerPort.value === port)
        ) {
          continue;
        }
        ctx.report({
          path: [...h.path, 'port'],
          range: h.port.range,
          needsWholeObject: true,
          related,
          severity: 'info',
          message: `${probe.kind} checks port ${port}, which the container does not declare`,
          detail:
            `${where} checks port ${port}, which is not among the container's declared ports. The probe works ` +
            `only if the app listens on ${port}; if it does not, ${EFFECT[probe.kind]}. Declare the port, or ` +
            'point the probe at one of the declared ports.',
        });
      }
    }
  },
};
