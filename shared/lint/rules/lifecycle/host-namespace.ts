/**
 * host-namespace: hostNetwork, hostPID or hostIPC share the node's namespaces with the pod. The API server accepts
 * them; Pod Security Admission's "baseline" level rejects all of them.
 */
import type { Rule } from '../../types';

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

export const hostNamespaceRule: Rule = {
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
