/**
 * The one place that knows StatefulSet pod templates are not validated when the StatefulSet is created (apps
 * validation `ValidatePodTemplateSpecForStatefulSet`: the call to ValidatePodTemplateSpec is commented out). A
 * validation error there does not reject the object; every Pod the controller creates is rejected instead. Such
 * findings become warnings that say so. Decoding (types, unknown fields) still applies to the whole object.
 */
import type { FieldPath } from '../../util/range';
import type { Report, RuleContext } from '../types';

const NOTE =
  'The StatefulSet itself is accepted (its pod template is not validated on create), but every Pod it creates is ' +
  'rejected (FailedCreate events).';

/** True for a path inside a StatefulSet's pod template spec, except restartPolicy, which the StatefulSet checks. */
function inStatefulSetPodSpec(ctx: RuleContext, path: FieldPath): boolean {
  const pod = ctx.pod;
  if (pod?.workload !== 'StatefulSet') return false;
  const spec = pod.specPath;
  if (path.length <= spec.length || !spec.every((seg, i) => path[i] === seg)) return false;
  return !(
    path.length === spec.length + 1 &&
    (path[spec.length] === 'restartPolicy' || path[spec.length] === 'activeDeadlineSeconds')
  );
}

/** Reports a validation finding, as a warning with an explanation when it sits in a StatefulSet's pod spec. */
export function reportValidation(ctx: RuleContext, report: Report): void {
  if (inStatefulSetPodSpec(ctx, report.path)) {
    ctx.report({ ...report, severity: 'warning', detail: report.detail ? `${report.detail} ${NOTE}` : NOTE });
  } else {
    ctx.report(report);
  }
}
