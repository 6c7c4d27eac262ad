/**
 * `host-port-conflict` (checkHostPortConflicts): the same protocol/hostIP/hostPort twice among the regular
 * containers, or within one init container (init containers run one at a time). In a Pod with hostNetwork an unset
 * hostPort counts as its containerPort, as defaulting sets it before validation.
 */
import type { ContainerView, PortView } from '../../../model';
import type { Range } from '../../../util/range';
import { duplicates } from '../../helpers/duplicates';
import type { Rule } from '../../types';
import { defaultsHostPorts } from './_helpers/hostNetworkDefaults';
import { duplicate, reportPodSpec } from './_helpers/util';

/**
 * The host port validation sees after defaulting: the written hostPort, or, in a Pod with `hostNetwork: true`, the
 * containerPort when hostPort is unset or 0 (SetDefaults_Pod, for regular and init containers). Templates are not
 * defaulted (they keep 0, which validation allows), so the default applies to kind Pod only.
 */
interface EffectiveHostPort {
  port: number;
  range: Range;
  /** True when the value is the containerPort, filled in by hostNetwork defaulting. */
  defaulted: boolean;
}

function effectiveHostPort(p: PortView, defaultFromContainerPort: boolean): EffectiveHostPort | undefined {
  const host = p.hostPort;
  if (host.kind === 'value' && host.value !== 0) return { port: host.value, range: host.range, defaulted: false };
  if (!defaultFromContainerPort || (host.kind !== 'absent' && host.kind !== 'value')) return undefined;
  const container = p.containerPort;
  if (container.kind !== 'value' || container.value === 0) return undefined;
  return { port: container.value, range: container.range, defaulted: true };
}

/** The key AccumulateUniqueHostPorts uses: protocol (defaulted to TCP) / hostIP / hostPort. */
function hostPortKey(p: PortView, hostPort: number): string {
  const protocol = p.protocol.kind === 'value' && p.protocol.value !== '' ? p.protocol.value : 'TCP';
  const ip = p.hostIP.kind === 'value' ? p.hostIP.value : '';
  return `${protocol}/${ip}/${hostPort}`;
}

const DEFAULTED_NOTE = ' hostPort is unset: with hostNetwork: true the API server defaults it to the containerPort.';

export const hostPortConflictRule: Rule = {
  meta: {
    id: 'host-port-conflict',
    family: 'api-validation',
    severity: 'error',
    summary:
      'The same hostPort (protocol, hostIP and port) twice among the regular containers or in one init container.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const defaulting = defaultsHostPorts(pod);
    const scan = (containers: ContainerView[]) => {
      const hostPorts = containers.flatMap((c) =>
        c.ports.flatMap((p) => {
          const host = effectiveHostPort(p, defaulting);
          return host ? [{ p, host, value: hostPortKey(p, host.port) }] : [];
        }),
      );
      for (const [{ p, host }, { first, key }] of duplicates(hostPorts, (h) => h)) {
        const path = [...p.path, 'hostPort'];
        const note = host.defaulted ? DEFAULTED_NOTE : '';
        const firstNote = first.host.defaulted ? ' (hostPort defaulted to this containerPort)' : '';
        reportPodSpec(ctx, {
          path,
          range: host.range,
          message: duplicate(path, key.value),
          detail: `This host port is already taken in the pod's network namespace.${note}`,
          related: [{ range: first.host.range, message: `First use of ${key.value}${firstNote}` }],
          // A patch may omit what the base sets (protocol, hostIP): only a whole Pod shows the defaulted clash.
          ...((host.defaulted || first.host.defaulted) && { needsWholeObject: true }),
        });
      }
    };
    scan(pod.containers);
    for (const c of pod.initContainers) scan([c]);
  },
};
