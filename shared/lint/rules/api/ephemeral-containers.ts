/**
 * `ephemeral-containers` (ValidatePodCreate, ValidatePodTemplateSpec): ephemeral containers cannot be set on create,
 * nor in any template; they are added through the ephemeralcontainers subresource.
 */
import { isMap, isSeq, type Node } from 'yaml';
import type { Rule } from '../../types';
import { forbidden, pairAt } from './_helpers/util';

export const ephemeralContainersRule: Rule = {
  meta: {
    id: 'ephemeral-containers',
    family: 'api-validation',
    severity: 'error',
    summary: 'ephemeralContainers in a manifest: they can only be added to a running Pod (kubectl debug).',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const pair = pairAt(ctx.doc, pod.specPath, 'ephemeralContainers');
    const value: Node | undefined = pair?.value;
    if (!pair || !value || (isSeq(value) && value.items.length === 0) || (!isSeq(value) && !isMap(value))) return;
    const path = [...pod.specPath, 'ephemeralContainers'];
    const detail = pod.workload === 'Pod' ? 'cannot be set on create' : 'template may not contain ephemeral containers';
    ctx.report({
      path,
      range: pair.keyRange,
      message: forbidden(path, detail),
      detail: 'Add them to a running Pod with kubectl debug instead.',
    });
  },
};
