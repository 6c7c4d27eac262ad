/**
 * `missing-config-key`: a `configMapKeyRef`/`secretKeyRef` names a key the workspace's ConfigMap or Secret does
 * not have. The kubelet then fails to build the container's environment (`couldn't find key X in ConfigMap ns/name`,
 * makeEnvironmentVariables in pkg/kubelet/kubelet_pods.go, v1.36) and the container waits in
 * CreateContainerConfigError; `optional: true` skips the variable instead.
 */
import { podReferences, whereWritten } from '../../../analysis/workspace';
import type { Rule } from '../../types';
import { namespaceOf } from './_helpers/podNamespace';

export const missingConfigKeyRule: Rule = {
  meta: {
    id: 'missing-config-key',
    family: 'workspace',
    severity: 'warning',
    summary: 'A configMapKeyRef or secretKeyRef names a key the workspace’s ConfigMap or Secret does not have.',
  },
  check(ctx) {
    const { pod, workspace } = ctx;
    if (!pod || !workspace) return;
    const namespace = namespaceOf(ctx.doc);
    for (const ref of podReferences(pod)) {
      if (!ref.key || ref.optional) continue;
      const found = workspace.find(ref.kind, ref.name, namespace);
      // An object whose keys are unknown (a generator reading an env file) may have any key.
      if (found.length === 0 || found.some((o) => !o.keys || o.keys.includes(ref.key?.name ?? ''))) continue;
      const first = found[0];
      ctx.report({
        path: [...ref.path.slice(0, -1), 'key'],
        range: ref.key.range,
        message: `${ref.kind} "${ref.name}" has no key "${ref.key.name}".`,
        detail:
          `${ref.kind} ${ref.name} (${first ? whereWritten(first.location, false) : 'in the workspace'}) has the keys ` +
          `${first?.keys?.map((k) => `\`${k}\``).join(', ') || 'none'}. The kubelet cannot build the ` +
          'environment and the container waits in CreateContainerConfigError. Add the key, fix the name, or set ' +
          '`optional: true`.',
      });
    }
  },
};
