/**
 * How the namespace-policy rules word a refusal: on a Pod, the API server refuses what `kubectl apply` sends (an
 * error); on a workload, the workload is stored and its controller's pod creations fail (a warning), so the
 * message says so. The full refusal, as the API server prints it, goes to the detail.
 */
import type { IndexedObject } from '../../../../analysis/workspace/types';
import { podNamespace } from '../../../../k8s/admission/namespace';
import { MAX_MESSAGE_LENGTH } from '../../../message';
import type { Report, RuleContext } from '../../../types';

/** `ResourceQuota compute (file:///…/quota.yaml) in namespace shop`: where the policy object is written. */
export function policyWhere(ctx: RuleContext, object: IndexedObject): string {
  const ns = ctx.pod ? podNamespace(ctx.pod) : 'default';
  return `${object.kind} ${object.name} in namespace ${ns}, defined in ${object.location.uri}`;
}

/** The first line that fits: the precise one when it is short enough, else the short one. */
export function headline(precise: string, short: string): string {
  return precise.length <= MAX_MESSAGE_LENGTH ? precise : short;
}

/** An admission refusal: an error on a Pod, a warning naming the controller on a template. */
export function reportRefusal(ctx: RuleContext, report: Report, apiMessage: string, where: string): void {
  const kind = ctx.pod?.workload;
  const detail = `The API server answers: ${apiMessage}\n\n${where}.`;
  if (!kind || kind === 'Pod') {
    ctx.report({ ...report, detail: `${detail} \`kubectl apply\` fails; the Pod is never created.` });
    return;
  }
  ctx.report({
    ...report,
    severity: 'warning',
    message: headline(`every Pod this ${kind} creates is refused: ${report.message}`, report.message),
    detail: `${detail} The ${kind} is stored, but each Pod its controller creates is refused (FailedCreate events).`,
  });
}
