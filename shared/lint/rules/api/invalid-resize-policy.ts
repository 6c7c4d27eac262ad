/**
 * `invalid-resize-policy`: each container resizePolicy entry names cpu or memory, once, with a restartPolicy of
 * NotRequired or RestartContainer (validateResizePolicy, pkg/apis/core/validation/validation.go, v1.36). Upstream
 * reports every problem on the list itself (`…resizePolicy`), not on the entry. An omitted restartPolicy is
 * defaulted to NotRequired and a missing resourceName is missing-required-field.
 */
import { resolvePod } from '../../../model';
import { duplicates, nonEmptyValue } from '../../helpers/duplicates';
import type { Rule } from '../../types';
import { listItems, str } from './_helpers/items';
import { duplicate, mapAt, notSupported, reportPodSpec } from './_helpers/util';

const RESOURCES = ['cpu', 'memory'];
const POLICIES = ['NotRequired', 'RestartContainer'];

export const invalidResizePolicyRule: Rule = {
  meta: {
    id: 'invalid-resize-policy',
    family: 'api-validation',
    severity: 'error',
    summary: 'A container resizePolicy for a resource other than cpu/memory, twice, or with an unknown restartPolicy.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    for (const c of resolvePod(pod).views) {
      const path = [...c.path, 'resizePolicy'];
      const items = listItems(ctx, mapAt(ctx.doc, c.path), c.path, 'resizePolicy');
      const repeats = duplicates(items, (item) => nonEmptyValue(str(ctx, item.map, 'resourceName')));
      for (const item of items) {
        const name = str(ctx, item.map, 'resourceName');
        if (name.kind === 'value' && name.value !== '') {
          if (repeats.has(item)) reportPodSpec(ctx, { path, range: name.range, message: duplicate(path, name.value) });
          else if (!RESOURCES.includes(name.value))
            reportPodSpec(ctx, { path, range: name.range, message: notSupported(path, name.value, RESOURCES) });
        }
        const policy = str(ctx, item.map, 'restartPolicy');
        if (policy.kind === 'value' && policy.value !== '' && !POLICIES.includes(policy.value))
          reportPodSpec(ctx, { path, range: policy.range, message: notSupported(path, policy.value, POLICIES) });
      }
    }
  },
};
