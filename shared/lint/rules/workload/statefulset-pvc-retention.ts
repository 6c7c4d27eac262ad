/**
 * `statefulset-pvc-retention` (ValidatePersistentVolumeClaimRetentionPolicy in
 * pkg/apis/apps/validation/validation.go, v1.36): whenDeleted and whenScaled are Retain or Delete. An empty or
 * omitted one is defaulted to Retain (SetDefaults_StatefulSet, StatefulSetAutoDeletePVC is GA).
 */
import type { Rule } from '../../types';
import { stringIn } from './_helpers/read';

const POLICY = ['spec', 'persistentVolumeClaimRetentionPolicy'];
const SUPPORTED = ['Retain', 'Delete'];

export const statefulsetPvcRetentionRule: Rule = {
  meta: {
    id: 'statefulset-pvc-retention',
    family: 'api-validation',
    severity: 'error',
    summary: 'persistentVolumeClaimRetentionPolicy whenDeleted/whenScaled other than Retain or Delete.',
  },
  check(ctx) {
    if (ctx.pod?.workload !== 'StatefulSet') return;
    for (const key of ['whenDeleted', 'whenScaled']) {
      const f = stringIn(ctx, POLICY, key);
      if (f.kind !== 'value' || f.value === '' || SUPPORTED.includes(f.value)) continue;
      const guess = SUPPORTED.find((s) => s.toLowerCase() === f.value.toLowerCase());
      ctx.report({
        path: [...POLICY, key],
        range: f.range,
        message: `${key} ${JSON.stringify(f.value)} is not supported: use "Retain" or "Delete"`,
        ...(guess && {
          fixes: [{ title: `Change to ${guess}`, edits: [{ range: f.range, newText: guess }], isPreferred: true }],
        }),
      });
    }
  },
};
