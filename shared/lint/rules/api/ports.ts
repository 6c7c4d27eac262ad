/**
 * Container ports (validateContainerPorts, checkHostPortConflicts, validatePodHostNetworkDeps): `invalid-port`
 * (containerPort and a non-zero hostPort in 1..65535), `invalid-port-name` (an IANA service name),
 * `duplicate-port-name` (within one container), `host-port-conflict` (the same protocol/hostIP/hostPort twice among
 * the regular containers, or within one init container: init containers run one at a time; in a Pod with hostNetwork
 * an unset hostPort counts as its containerPort, as defaulting sets it before validation) and
 * `host-network-host-port` (with hostNetwork a hostPort must equal its containerPort).
 */
import { isValidPortName, isValidPortNum } from '../../../k8s/names';
import type { ContainerView, PodView, PortView } from '../../../model';
import type { Range } from '../../../util/range';
import type { Rule } from '../../types';
import { allContainers, duplicate, invalid, reportPodSpec } from './_helpers/util';

export const invalidPortRule: Rule = {
  meta: {
    id: 'invalid-port',
    family: 'api-validation',
    severity: 'error',
    summary: 'A containerPort or hostPort outside 1..65535.',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of allContainers(ctx.pod)) {
      for (const p of c.ports) {
        for (const key of ['containerPort', 'hostPort'] as const) {
          const f = p[key];
          // containerPort 0 is the missing-required-field finding; hostPort 0 means "no host port".
          if (f.kind !== 'value' || f.value === 0) continue;
          const path = [...p.path, key];
          for (const msg of isValidPortNum(f.value)) {
            reportPodSpec(ctx, { path, range: f.range, message: invalid(path, f.value, msg) });
          }
        }
      }
    }
  },
};

export const invalidPortNameRule: Rule = {
  meta: {
    id: 'invalid-port-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'A port name that is not an IANA service name (1-15 of a-z, 0-9 and "-", with a letter).',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of allContainers(ctx.pod)) {
      for (const p of c.ports) {
        if (p.name.kind !== 'value' || p.name.value === '') continue;
        const path = [...p.path, 'name'];
        for (const msg of isValidPortName(p.name.value)) {
          reportPodSpec(ctx, { path, range: p.name.range, message: invalid(path, p.name.value, msg) });
        }
      }
    }
  },
};

export const duplicatePortNameRule: Rule = {
  meta: {
    id: 'duplicate-port-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'Two ports of one container share a name (the same name in two containers is allowed).',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of allContainers(ctx.pod)) {
      const seen = new Map<string, Range>();
      for (const p of c.ports) {
        const name = p.name;
        // Invalid names are never added to the set upstream, so they cannot be duplicates.
        if (name.kind !== 'value' || name.value === '' || isValidPortName(name.value).length > 0) continue;
        const first = seen.get(name.value);
        if (!first) {
          seen.set(name.value, name.range);
          continue;
        }
        const path = [...p.path, 'name'];
        reportPodSpec(ctx, {
          path,
          range: name.range,
          message: duplicate(path, name.value),
          related: [{ range: first, message: `First port named "${name.value}"` }],
        });
      }
    }
  },
};

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
/** A Pod (not a template) with `hostNetwork: true`: SetDefaults_Pod fills every unset hostPort in. */
export function defaultsHostPorts(pod: PodView): boolean {
  return pod.workload === 'Pod' && pod.hostNetwork.kind === 'value' && pod.hostNetwork.value === true;
}

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
      const seen = new Map<string, EffectiveHostPort>();
      for (const c of containers) {
        for (const p of c.ports) {
          const host = effectiveHostPort(p, defaulting);
          if (!host) continue;
          const key = hostPortKey(p, host.port);
          const first = seen.get(key);
          if (!first) {
            seen.set(key, host);
            continue;
          }
          const path = [...p.path, 'hostPort'];
          const note = host.defaulted ? DEFAULTED_NOTE : '';
          reportPodSpec(ctx, {
            path,
            range: host.range,
            message: duplicate(path, key),
            detail: `This host port is already taken in the pod's network namespace.${note}`,
            related: [
              {
                range: first.range,
                message: `First use of ${key}${first.defaulted ? ' (hostPort defaulted to this containerPort)' : ''}`,
              },
            ],
            // A patch may omit what the base sets (protocol, hostIP): only a whole Pod shows the defaulted clash.
            ...((host.defaulted || first.defaulted) && { needsWholeObject: true }),
          });
        }
      }
    };
    scan(pod.containers);
    for (const c of pod.initContainers) scan([c]);
  },
};

export const hostNetworkHostPortRule: Rule = {
  meta: {
    id: 'host-network-host-port',
    family: 'api-validation',
    severity: 'error',
    summary: 'With hostNetwork: true, a hostPort must equal its containerPort.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (pod?.hostNetwork.kind !== 'value' || !pod.hostNetwork.value) return;
    // Only spec.containers: validatePodHostNetworkDeps does not look at init containers. An unset hostPort is
    // defaulted to the containerPort in Pods and allowed as 0 in templates.
    for (const c of pod.containers) {
      for (const p of c.ports) {
        const host = p.hostPort;
        const container = p.containerPort;
        if (host.kind !== 'value' || host.value === 0 || container.kind !== 'value' || host.value === container.value)
          continue;
        const path = [...p.path, 'hostPort'];
        reportPodSpec(ctx, {
          path,
          range: host.range,
          message: invalid(path, host.value, 'must match `containerPort` when `hostNetwork` is true'),
          fixes: [
            { title: `Change to ${container.value}`, edits: [{ range: host.range, newText: String(container.value) }] },
          ],
        });
      }
    }
  },
};
