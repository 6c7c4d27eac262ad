// container-restart-policy as a v1.36 API server checks it: ContainerRestartRules (beta, on since v1.35) lets every
// container set restartPolicy and restartPolicyRules.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { app, pod, type RuleCase, runCases, workload } from '../../helpers/lint/cases';

const rules = (body: string) => `    restartPolicy: Never\n    restartPolicyRules:\n${body}`;
const exitRule = '    - action: Restart\n      exitCodes:\n        operator: In\n        values: [42]\n';

const CASES: RuleCase[] = [
  {
    rule: 'container-restart-policy',
    name: 'a regular container restartPolicy outside Always/OnFailure/Never',
    flagged: pod(app('    restartPolicy: «always»\n')),
    clean: pod(app('    restartPolicy: OnFailure\n')),
    message: 'Container restartPolicy "always" is not Always, OnFailure or Never.',
  },
  {
    rule: 'container-restart-policy',
    name: 'an empty init container restartPolicy',
    flagged: pod(`  initContainers:\n  - name: init\n    image: busybox:1\n    restartPolicy: «""»\n${app()}`),
    clean: pod(`  initContainers:\n  - name: init\n    image: busybox:1\n    restartPolicy: Never\n${app()}`),
    message: 'Container restartPolicy "" is not',
  },
  {
    rule: 'container-restart-policy',
    name: 'restartPolicyRules without a container restartPolicy',
    flagged: pod(app(`    «restartPolicyRules»:\n${exitRule}`)),
    clean: pod(app(rules(exitRule))),
    message: 'restartPolicyRules need a container restartPolicy.',
  },
  {
    rule: 'container-restart-policy',
    name: 'a restart rule with an unknown action',
    flagged: pod(app(rules(exitRule.replace('action: Restart', 'action: «Retry»')))),
    clean: pod(app(rules(exitRule.replace('action: Restart', 'action: RestartAllContainers')))),
    message: 'action "Retry" is not one of Restart, RestartAllContainers.',
  },
  {
    rule: 'container-restart-policy',
    name: 'a restart rule without exitCodes',
    flagged: pod(app(rules('    - «action»: Restart\n'))),
    clean: pod(app(rules(exitRule))),
    message: 'A restart rule needs exitCodes.',
  },
  {
    rule: 'container-restart-policy',
    name: 'a restart rule with operator Equal',
    flagged: pod(app(rules(exitRule.replace('operator: In', 'operator: «Equal»')))),
    clean: pod(app(rules(exitRule.replace('operator: In', 'operator: NotIn')))),
    message: 'operator "Equal" is not one of In, NotIn.',
  },
  {
    rule: 'container-restart-policy',
    name: 'more than 20 restart rules',
    flagged: pod(app(`    restartPolicy: Never\n    «restartPolicyRules»:\n${exitRule.repeat(21)}`)),
    clean: pod(app(`    restartPolicy: Never\n    restartPolicyRules:\n${exitRule.repeat(20)}`)),
    message: 'At most 20 restartPolicyRules are allowed (got 21).',
  },
  {
    rule: 'container-restart-policy',
    name: 'more than 255 exit codes in one rule',
    flagged: pod(
      app(
        rules(exitRule.replace('values: [42]', `values: «[${Array.from({ length: 256 }, (_, i) => i).join(', ')}]»`)),
      ),
    ),
    clean: pod(
      app(rules(exitRule.replace('values: [42]', `values: [${Array.from({ length: 255 }, (_, i) => i).join(', ')}]`))),
    ),
    message: 'At most 255 exit codes are allowed (got 256).',
  },
  {
    rule: 'container-restart-policy',
    name: 'an invalid container restartPolicy in a StatefulSet template (validated on create)',
    flagged: workload('StatefulSet', 'apps/v1', app('    restartPolicy: «Sometimes»\n')),
    clean: workload('StatefulSet', 'apps/v1', app('    restartPolicy: Always\n')),
    message: 'Container restartPolicy "Sometimes" is not',
  },
];

runCases(CASES);

describe('container restartPolicy since v1.35', () => {
  it('reports in one line of at most 100 characters', () => {
    for (const c of CASES)
      for (const f of lintText(c.flagged.replace(/[«»]/g, '')).filter((x) => x.rule === c.rule)) {
        expect(f.message, f.message).not.toContain('\n');
        expect(f.message.length, f.message).toBeLessThanOrEqual(100);
      }
  });

  it('accepts every policy on regular and init containers, and rules on a sidecar', () => {
    for (const policy of ['Always', 'OnFailure', 'Never']) {
      const text = pod(
        `  initContainers:\n  - name: init\n    image: busybox:1\n    restartPolicy: ${policy}\n    restartPolicyRules:\n${exitRule}${app(`    restartPolicy: ${policy}\n`)}`,
      );
      expect(lintText(text).filter((f) => f.severity === 'error')).toEqual([]);
    }
  });
});
