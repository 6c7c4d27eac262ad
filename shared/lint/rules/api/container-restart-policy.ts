/**
 * `container-restart-policy`: a container's own `restartPolicy` and `restartPolicyRules`, as validateContainers,
 * validateInitContainers and validateContainerRestartPolicy check them in v1.36 (pkg/apis/core/validation/
 * validation.go). With ContainerRestartRules (beta, on since v1.35) every container may set restartPolicy to Always,
 * OnFailure or Never (on an init container Always still means a sidecar); rules need a restartPolicy, at most 20
 * of them, each with action Restart or RestartAllContainers (RestartAllContainersOnContainerExits, beta, on in
 * v1.36) and exitCodes with operator In or NotIn and at most 255 values. Where the target's gate is off, the older
 * rules apply.
 */
import type { Node, YAMLMap } from 'yaml';
import { gateState } from '../../../k8s/version/gates';
import { readers } from '../../../model';
import type { FieldPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { keyRange as keyRangeOf, quote, str } from './_helpers/items';
import { entryRange, forbidden, mapAt, notSupported, reportPodSpec } from './_helpers/util';

const POLICIES = ['Always', 'OnFailure', 'Never'];
const ACTIONS = ['Restart', 'RestartAllContainers'];
const OPERATORS = ['In', 'NotIn'];
const MAX_RULES = 20;
const MAX_EXIT_CODES = 255;
/**
 * Before ContainerRestartRules (KEP-5307, kubernetes PR #132642: alpha in v1.34, beta and on in v1.35),
 * validateContainers forbids restartPolicy on regular containers and validateInitContainers allows only Always.
 */
const RULES_NOTE = 'v1.35 (ContainerRestartRules)';

/**
 * A required enum (action, operator): Go compares the decoded string, so a missing value is the empty string and
 * NotSupported too; it is reported on the whole entry, where the key is missing.
 */
function checkEnum(ctx: RuleContext, map: YAMLMap, path: FieldPath, key: string, allowed: string[]) {
  const f = readers.string(ctx.doc.ctx, map, key);
  if (f.kind === 'value' && allowed.includes(f.value)) return;
  if (f.kind === 'template' || f.kind === 'invalid') return;
  const range = f.kind === 'value' ? f.range : entryRange(ctx.doc, map);
  const p = [...path, key];
  const message = `${key} ${quote(fieldText(f))} is not one of ${allowed.join(', ')}.`;
  if (range) reportPodSpec(ctx, { path: p, range, message });
}

function fieldText(f: ReturnType<typeof readers.string>): string {
  return f.kind === 'value' ? f.value : '';
}

function checkRule(ctx: RuleContext, node: unknown, path: FieldPath) {
  const doc = ctx.doc.ctx;
  const rule = doc.asMap(node);
  if (!rule) return;
  checkEnum(ctx, rule, path, 'action', ACTIONS);
  const codes = doc.asMap(doc.get(rule, 'exitCodes'));
  const codesPath = [...path, 'exitCodes'];
  if (!codes) {
    const range = entryRange(ctx.doc, rule);
    if (range)
      reportPodSpec(ctx, {
        path: codesPath,
        range,
        message: 'A restart rule needs exitCodes.',
        needsWholeObject: true,
      });
    return;
  }
  checkEnum(ctx, codes, codesPath, 'operator', OPERATORS);
  const values = doc.asSeq(doc.get(codes, 'values'));
  const range = doc.range(values as Node);
  if (values && range && values.items.length > MAX_EXIT_CODES) {
    const p = [...codesPath, 'values'];
    const message = `At most ${MAX_EXIT_CODES} exit codes are allowed (got ${values.items.length}).`;
    reportPodSpec(ctx, { path: p, range, message });
  }
}

export const containerRestartPolicyRule: Rule = {
  meta: {
    id: 'container-restart-policy',
    family: 'api-validation',
    severity: 'error',
    summary: 'A container restartPolicy other than Always, OnFailure or Never, or invalid restartPolicyRules.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const doc = ctx.doc.ctx;
    const spec = mapAt(ctx.doc, pod.specPath);
    // Read only for a container that sets a restartPolicy: the analysis of any other pod holds for every target.
    let gateOn: boolean | undefined;
    const restartRules = () => (gateOn ??= gateState(ctx.target, 'ContainerRestartRules').enabled);
    for (const list of ['initContainers', 'containers']) {
      // One walk per list: a pod of thousands of containers must not walk the AST from the root for each one.
      doc.asSeq(doc.get(spec, list))?.items.forEach((item, index) => {
        const container = doc.asMap(item);
        if (!container) return;
        const cPath = [...pod.specPath, list, index];
        const policy = str(ctx, container, 'restartPolicy');
        const path = [...cPath, 'restartPolicy'];
        if (policy.kind === 'value' && policy.value !== 'Always' && list === 'initContainers' && !restartRules())
          reportPodSpec(ctx, {
            path,
            range: policy.range,
            message: notSupported(path, policy.value, ['Always']),
            detail: `Before ${RULES_NOTE}, an init container's restartPolicy can only be Always (a sidecar).`,
          });
        else if (policy.kind !== 'absent' && list === 'containers' && !restartRules())
          reportPodSpec(ctx, {
            path,
            range: keyRangeOf(ctx, container, 'restartPolicy') ?? policy.range,
            message: forbidden(path, 'may not be set for non-init containers'),
            detail: `Before ${RULES_NOTE}, only init containers (sidecars) take a restartPolicy.`,
          });
        else if (policy.kind === 'value' && !POLICIES.includes(policy.value))
          reportPodSpec(ctx, {
            path,
            range: policy.range,
            message: `Container restartPolicy ${quote(policy.value)} is not Always, OnFailure or Never.`,
          });
        const rulesPair = doc.pair(container, 'restartPolicyRules');
        const rules = doc.asSeq(rulesPair?.value);
        const keyRange = doc.range(rulesPair?.key as Node);
        if (!rules || rules.items.length === 0 || !keyRange) return;
        const rulesPath = [...cPath, 'restartPolicyRules'];
        if (policy.kind === 'absent')
          reportPodSpec(ctx, {
            path,
            range: keyRange,
            message: 'restartPolicyRules need a container restartPolicy.',
            needsWholeObject: true,
          });
        if (rules.items.length > MAX_RULES)
          reportPodSpec(ctx, {
            path: rulesPath,
            range: keyRange,
            message: `At most ${MAX_RULES} restartPolicyRules are allowed (got ${rules.items.length}).`,
          });
        rules.items.forEach((rule, i) => {
          checkRule(ctx, rule, [...rulesPath, i]);
        });
      });
    }
  },
};
