/**
 * `invalid-annotation` (ValidateAnnotations, ValidatePodSpecificAnnotations): keys are qualified names after
 * lower-casing, all keys and values together at most 256 KiB, and `controller.kubernetes.io/pod-deletion-cost` a
 * 32-bit integer.
 */
import { byteLength, isAnnotationKey } from '../../../k8s/names';
import { formatPath } from '../../../util/range';
import type { Rule } from '../../types';
import { fromMetadata } from './_helpers/metadataMaps';
import { invalid, pairAt } from './_helpers/util';

const TOTAL_ANNOTATION_SIZE = 256 * 1024;

const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

export const invalidAnnotationRule: Rule = {
  meta: {
    id: 'invalid-annotation',
    family: 'api-validation',
    severity: 'error',
    summary:
      'An annotation key the API server rejects, annotations above 256 KiB in total, or a bad pod-deletion-cost.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const metas = pod.workload === 'Pod' ? [pod.metadata] : [pod.metadata, pod.podMetadata];
    for (const meta of metas) {
      const map = fromMetadata(meta, 'annotations');
      const where = formatPath(map.path);
      let total = 0;
      for (const e of map.entries) {
        for (const msg of isAnnotationKey(e.key)) {
          ctx.report({
            path: map.path,
            range: e.keyRange,
            message: `${where}: Invalid value: ${JSON.stringify(e.key)}: ${msg}`,
          });
        }
        total += byteLength(e.key) + byteLength(e.value ?? '');
        // ValidatePodSpecificAnnotations (Pods and pod templates): strconv.ParseInt(value, 10, 32).
        if (
          e.key === DELETION_COST &&
          (pod.workload === 'Pod' || meta === pod.podMetadata) &&
          e.value !== undefined &&
          e.valueRange
        ) {
          const n = /^[+-]?\d+$/.test(e.value) ? Number(e.value) : Number.NaN;
          if (!(n >= -2147483648 && n <= 2147483647)) {
            const path = [...map.path, DELETION_COST];
            ctx.report({ path, range: e.valueRange, message: invalid(path, e.value, 'must be a 32bit integer') });
          }
        }
      }
      const key = pairAt(ctx.doc, meta.path, 'annotations');
      if (total > TOTAL_ANNOTATION_SIZE && key) {
        ctx.report({
          path: map.path,
          range: key.keyRange,
          message: `${where}: Too long: may not be more than ${TOTAL_ANNOTATION_SIZE} bytes (these are ${total} bytes)`,
        });
      }
    }
  },
};
