/**
 * pull-policy-never: `imagePullPolicy: Never`. The kubelet never pulls, so the pod only starts on nodes that already
 * hold the image (the pull decision table of the Kubernetes v1.36 kubelet).
 */
import { resolvePod } from '../../../model';
import { pullPolicyFix } from '../../fixes';
import type { Rule } from '../../types';
import { describeContainer } from './_helpers/containers';

export const pullPolicyNeverRule: Rule = {
  meta: {
    id: 'pull-policy-never',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'imagePullPolicy: Never: the container fails unless the image is already on the node.',
  },
  check(ctx) {
    for (const c of ctx.pod ? resolvePod(ctx.pod).views : []) {
      const f = c.imagePullPolicy;
      if (f.kind !== 'value' || f.value !== 'Never') continue;
      const image = c.image.kind === 'value' ? c.image.value : '<image>';
      const fix = pullPolicyFix(ctx.doc, c, 'IfNotPresent');
      ctx.report({
        path: [...c.path, 'imagePullPolicy'],
        range: f.range,
        message: 'imagePullPolicy: Never: the container starts only where the image is already present',
        detail:
          `imagePullPolicy: Never on ${describeContainer(c)}: the kubelet never pulls. On a node that does not ` +
          `already have "${image}" (pre-pulled, or loaded with kind/minikube), the container waits with ` +
          `ErrImageNeverPull — Container image "${image}" is not present with pull policy of Never — retried ` +
          'every 10–15 s, and the pod stays Pending. Use IfNotPresent unless every node is guaranteed to have it.',
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
