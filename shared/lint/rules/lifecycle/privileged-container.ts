/**
 * privileged-container: `privileged: true` hands the container the node. The API server accepts it (Kubernetes
 * v1.36 validation.go refuses it only when the apiserver runs with --allow-privileged=false); Pod Security
 * Admission's "baseline" level rejects it.
 */
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { capitalize, describeContainer } from './_helpers/containers';

export const privilegedContainerRule: Rule = {
  meta: {
    id: 'privileged-container',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'A container runs privileged: it gets every capability and all host devices.',
  },
  check(ctx) {
    for (const c of ctx.pod ? resolvePod(ctx.pod).views : []) {
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
