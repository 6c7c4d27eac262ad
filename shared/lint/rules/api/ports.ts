/**
 * Container ports (validateContainerPorts, checkHostPortConflicts, validatePodHostNetworkDeps): `invalid-port`
 * (containerPort and a non-zero hostPort in 1..65535), `invalid-port-name` (an IANA service name),
 * `duplicate-port-name` (within one container), `host-port-conflict` (the same protocol/hostIP/hostPort twice among
 * the regular containers, or within one init container: init containers run one at a time) and
 * `host-network-host-port` (with hostNetwork a hostPort must equal its containerPort).
 */
import { isValidPortName, isValidPortNum } from '../../../k8s/names';
import type { ContainerView, PortView } from '../../../model';
import type { Range } from '../../../util/range';
import type { Rule } from '../../types';
import { allContainers, duplicate, invalid, reportPodSpec } from './util';

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

/** The key AccumulateUniqueHostPorts uses: protocol (defaulted to TCP) / hostIP / hostPort. */
function hostPortKey(p: PortView): string | undefined {
  if (p.hostPort.kind !== 'value' || p.hostPort.value === 0) return undefined;
  const protocol = p.protocol.kind === 'value' && p.protocol.value !== '' ? p.protocol.value : 'TCP';
  const ip = p.hostIP.kind === 'value' ? p.hostIP.value : '';
  return `${protocol}/${ip}/${p.hostPort.value}`;
}

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
    const scan = (containers: ContainerView[]) => {
      const seen = new Map<string, Range>();
      for (const c of containers) {
        for (const p of c.ports) {
          const key = hostPortKey(p);
          if (!key || p.hostPort.kind !== 'value') continue;
          const first = seen.get(key);
          if (!first) {
            seen.set(key, p.hostPort.range);
            continue;
          }
          const path = [...p.path, 'hostPort'];
          reportPodSpec(ctx, {
            path,
            range: p.hostPort.range,
            message: `${duplicate(path, key)}: this host port is already taken in the pod's network namespace`,
            related: [{ range: first, message: `First use of ${key}` }],
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
