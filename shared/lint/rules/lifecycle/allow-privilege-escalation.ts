/**
 * allow-privilege-escalation: a container that may gain more privileges than its parent process (setuid binaries).
 * The API server accepts it; Pod Security Admission's "restricted" level rejects it.
 */
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { capitalize, describeContainer } from './_helpers/containers';

export const allowPrivilegeEscalationRule: Rule = {
  meta: {
    id: 'allow-privilege-escalation',
    family: 'lifecycle',
    severity: 'info',
    summary: 'A container explicitly allows privilege escalation (setuid binaries can gain root).',
  },
  check(ctx) {
    for (const c of ctx.pod ? resolvePod(ctx.pod).views : []) {
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
