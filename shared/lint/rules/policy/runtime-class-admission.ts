/**
 * `runtime-class-admission`: the RuntimeClass admission plug-in refuses the pod (plugin/pkg/admission/runtimeclass/
 * admission.go, v1.36): its runtimeClassName names no RuntimeClass of a complete workspace, or the class's
 * scheduling.nodeSelector sets a key the pod's nodeSelector sets to another value.
 */
import { admitRuntimeClass } from '../../../k8s/admission/runtimeClass';
import { quoted } from '../../message';
import type { Rule } from '../../types';
import { policyWhere, reportRefusal } from './_helpers/report';

export const runtimeClassAdmissionRule: Rule = {
  meta: {
    id: 'runtime-class-admission',
    family: 'api-validation',
    severity: 'error',
    summary:
      'A runtimeClassName the complete workspace does not define, or a nodeSelector its RuntimeClass contradicts.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || !ctx.workspace || pod.runtimeClassName.kind !== 'value') return;
    const admission = admitRuntimeClass(pod, ctx.workspace);
    const rejection = admission.rejection;
    const range = rejection?.ranges[0];
    if (!rejection || !range) return;
    const rc = admission.runtimeClass;
    const name = pod.runtimeClassName.value;
    if (!rc) {
      reportRefusal(
        ctx,
        { path: [...pod.specPath, 'runtimeClassName'], range, message: `RuntimeClass ${quoted(name)} not found` },
        rejection.message,
        'No file of the workspace defines it, and the workspace is marked complete',
      );
      return;
    }
    reportRefusal(
      ctx,
      {
        path: [...pod.specPath, 'nodeSelector'],
        range,
        message: `nodeSelector contradicts RuntimeClass ${quoted(name)}'s scheduling.nodeSelector`,
      },
      rejection.message,
      policyWhere(ctx, rc),
    );
  },
};
