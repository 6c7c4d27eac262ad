/**
 * privileged-container, allow-privilege-escalation and host-namespace: settings the API server accepts
 * (Kubernetes v1.36 validation.go: `privileged` is refused only when the apiserver runs with --allow-privileged=false) but
 * that hand a container the node. Pod Security Admission's "baseline" level rejects all of them.
 */
import type { Rule } from '../../types';
import { allContainers, capitalize, describeContainer } from './_helpers/containers';

export const privilegedContainer: Rule = {
  meta: {
    id: 'privileged-container',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'A container runs privileged: it gets every capability and all host devices.',
  },
  check(ctx) {
    for (const c of ctx.pod ? allContainers(ctx.pod) : []) {
      const f = c.securityContext.privileged;
      if (f.kind !== 'value' || !f.value) continue;
      ctx.report({
        path: [...c.path, 'securityContext', 'privileged'],
        range: f.range,
        message: 'Privileged container: a compromise of the container is a compromise of the node',
        detail:
          `${capitalize(describeContainer(c))} is privileged: it runs with all Linux capabilities, sees every host device ` +
          'and is not confined by seccomp or AppArmor, so a compromise of the container is a compromise of ' +
          'the node. Namespaces with the Pod Security "baseline" or "restricted" level reject the pod. Grant ' +
          'only the capabilities it needs (securityContext.capabilities.add) instead.',
      });
    }
  },
};

export const allowPrivilegeEscalation: Rule = {
  meta: {
    id: 'allow-privilege-escalation',
    family: 'lifecycle',
    severity: 'info',
    summary: 'A container explicitly allows privilege escalation (setuid binaries can gain root).',
  },
  check(ctx) {
    for (const c of ctx.pod ? allContainers(ctx.pod) : []) {
      const f = c.securityContext.allowPrivilegeEscalation;
      // `privileged: true` already implies escalation and is reported by privileged-container.
      const privileged = c.securityContext.privileged;
      if (f.kind !== 'value' || !f.value || (privileged.kind === 'value' && privileged.value)) continue;
      ctx.report({
        path: [...c.path, 'securityContext', 'allowPrivilegeEscalation'],
        range: f.range,
        message: 'allowPrivilegeEscalation: true lets setuid binaries in the image gain privileges',
        detail:
          `${capitalize(describeContainer(c))} sets allowPrivilegeEscalation: true, so the kernel's no_new_privs flag is ` +
          'not set and a setuid binary in the image can gain more privileges than the process started with. ' +
          'The Pod Security "restricted" level requires false; set it to false unless the app needs setuid.',
      });
    }
  },
};

const HOST_FIELDS = [
  {
    key: 'hostNetwork',
    short: 'the pod uses the node’s network stack',
    why: 'the pod uses the node’s network stack: its ports bind on the node, it can reach every host-local service, and two replicas on one node conflict on their ports',
  },
  {
    key: 'hostPID',
    short: 'the pod sees and can signal every process on the node',
    why: 'the pod sees every process on the node and can signal or ptrace them (with the right capabilities), and read their environment through /proc',
  },
  {
    key: 'hostIPC',
    short: 'the pod shares the node’s IPC and shared memory',
    why: 'the pod shares the node’s System V IPC and POSIX shared memory with every host process',
  },
] as const;

export const hostNamespace: Rule = {
  meta: {
    id: 'host-namespace',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'The pod shares a host namespace (hostNetwork, hostPID or hostIPC).',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    for (const { key, short, why } of HOST_FIELDS) {
      const f = pod[key];
      if (f.kind !== 'value' || !f.value) continue;
      ctx.report({
        path: [...pod.specPath, key],
        range: f.range,
        message: `${key}: true: ${short}`,
        detail: `${key}: true — ${why}. The Pod Security "baseline" level rejects it; keep it for node agents only.`,
      });
    }
  },
};
