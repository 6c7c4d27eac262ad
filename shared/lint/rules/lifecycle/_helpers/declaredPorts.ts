/**
 * The ports containers declare, as the port warnings of pkg/api/pod/warnings.go (Kubernetes v1.36) compare them:
 * number, protocol defaulted to TCP and the host port validation sees.
 */
import type { ContainerView, PodView, PortView } from '../../../../model';
import { defaultsHostPorts } from '../../api/_helpers/hostNetworkDefaults';

export interface DeclaredPort {
  container: ContainerView;
  port: PortView;
  number: number;
  protocol: string;
  hostPort: number;
  hostIP: string;
}

/**
 * Ports with a known number, protocol defaulted to TCP (SetDefaults_ContainerPort), and hostPort as validation
 * sees it: the containerPort when hostNetwork defaulting fills an unset one in.
 */
export function declared(c: ContainerView, pod: PodView): DeclaredPort[] {
  const defaulting = defaultsHostPorts(pod);
  const out: DeclaredPort[] = [];
  for (const port of c.ports) {
    if (port.containerPort.kind !== 'value') continue;
    const protocol = port.protocol.kind === 'value' && port.protocol.value ? port.protocol.value : 'TCP';
    if (port.protocol.kind === 'template' || port.protocol.kind === 'invalid') continue;
    out.push({
      container: c,
      port,
      number: port.containerPort.value,
      protocol,
      hostPort: writtenHostPort(port) || (defaulting ? port.containerPort.value : 0),
      hostIP: port.hostIP.kind === 'value' ? port.hostIP.value : '',
    });
  }
  return out;
}

export function writtenHostPort(port: PortView): number {
  return port.hostPort.kind === 'value' ? port.hostPort.value : 0;
}

export function rangeOf(p: DeclaredPort) {
  return p.port.containerPort.kind === 'value' ? p.port.containerPort.range : p.port.range;
}
