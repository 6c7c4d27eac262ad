/**
 * `referenced-object-missing`: with `podlens.workspace.assumeComplete` (`--workspace-complete`), a ConfigMap,
 * Secret, PVC, ServiceAccount, PriorityClass or RuntimeClass the pod names that the workspace does not define. A
 * hint only: the object may come from elsewhere, and the API server accepts the reference either way (the pod
 * then waits, or admission rejects it, at creation time).
 */
import { podReferences, type ReferenceKind } from '../../../analysis/workspace';
import type { Rule } from '../../types';
import { namespaceOf } from './_helpers/podNamespace';

/** Objects every cluster has: the ServiceAccount each namespace gets, the built-in priority classes, the CA bundle. */
const BUILT_IN: Partial<Record<ReferenceKind, readonly string[]>> = {
  ServiceAccount: ['default'],
  PriorityClass: ['system-cluster-critical', 'system-node-critical'],
  ConfigMap: ['kube-root-ca.crt'],
};

export const referencedObjectMissingRule: Rule = {
  meta: {
    id: 'referenced-object-missing',
    family: 'workspace',
    severity: 'hint',
    summary: 'A referenced ConfigMap, Secret, PVC, ServiceAccount, PriorityClass or RuntimeClass not in the workspace.',
  },
  check(ctx) {
    const { pod, workspace } = ctx;
    if (!pod || !workspace?.complete) return;
    const namespace = namespaceOf(ctx.doc);
    for (const ref of podReferences(pod)) {
      if (ref.optional || BUILT_IN[ref.kind]?.includes(ref.name)) continue;
      if (workspace.find(ref.kind, ref.name, namespace).length > 0) continue;
      ctx.report({
        path: ref.path,
        range: ref.range,
        message: `${ref.kind} "${ref.name}" is not defined in the workspace.`,
        detail:
          'The workspace is assumed complete (podlens.workspace.assumeComplete, --workspace-complete), and no file ' +
          `in it defines ${ref.kind} ${ref.name}${namespace ? ` in namespace ${namespace}` : ''}. Unless it is ` +
          'created some other way, the pod will not start.',
      });
    }
  },
};
