/**
 * Which port a probe checks, shared by probe-port-not-declared and probe-predicted-to-fail so they never both
 * report one probe.
 */
import type { ContainerView, HandlerView, ProbeView } from '../../../../model';

export function portHandler(probe: ProbeView): HandlerView | undefined {
  return probe.handlers.find((h) => h.type === 'httpGet' || h.type === 'tcpSocket' || h.type === 'grpc');
}

/** A probe on a port number the container does not declare while it declares others: probe-port-not-declared's case. */
export function checksUndeclaredNumber(c: ContainerView, probe: ProbeView): boolean {
  const h = portHandler(probe);
  if (h?.port.kind !== 'value' || typeof h.port.value !== 'number') return false;
  const port = h.port.value;
  const numbers = c.ports.flatMap((p) => (p.containerPort.kind === 'value' ? [p.containerPort.value] : []));
  return numbers.length > 0 && !numbers.includes(port);
}
