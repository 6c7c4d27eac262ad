/**
 * podFailurePolicy matching (pkg/controller/job/pod_failure_policy.go, v1.36): the first rule that matches a
 * failed pod decides. onExitCodes looks at containers that terminated with a non-zero exit (exit 0 is
 * excluded from NotIn); onPodConditions at the pod's conditions (the simulation sets none, e.g. no
 * DisruptionTarget, since it models no eviction or preemption).
 */
import type { FailureRule } from './spec';

export interface RuleMatch {
  action: string;
  index: number;
  /** The Failed condition's message for FailJob, as matchPodFailurePolicy writes it. */
  message: string;
}

export interface FailedPod {
  name: string;
  namespace: string;
  failures: { container: string; exitCode: number }[];
  conditions: { type: string; status: string }[];
}

function exitMatch(rule: FailureRule, pod: FailedPod) {
  const req = rule.onExitCodes;
  if (!req) return undefined;
  return pod.failures.find(
    (f) =>
      (req.containerName === undefined || req.containerName === f.container) &&
      (req.operator === 'In'
        ? req.values.includes(f.exitCode)
        : req.operator === 'NotIn' && !req.values.includes(f.exitCode)),
  );
}

/**
 * @example matchFailurePolicy(rules, pod)?.action // 'FailJob' | 'Ignore' | 'Count' | 'FailIndex'
 */
export function matchFailurePolicy(rules: readonly FailureRule[], pod: FailedPod): RuleMatch | undefined {
  for (const [index, rule] of rules.entries()) {
    const exit = exitMatch(rule, pod);
    if (exit) {
      const message =
        `Container ${exit.container} for pod ${pod.namespace}/${pod.name} failed with exit code ${exit.exitCode} ` +
        `matching ${rule.action} rule at index ${index}`;
      return { action: rule.action, index, message };
    }
    const condition = rule.onPodConditions.find((c) =>
      pod.conditions.some((p) => p.type === c.type && p.status === c.status),
    );
    if (condition) {
      const message = `Pod ${pod.namespace}/${pod.name} has condition ${condition.type} matching ${rule.action} rule at index ${index}`;
      return { action: rule.action, index, message };
    }
  }
  return undefined;
}
