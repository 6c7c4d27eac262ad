/**
 * `statefulset-volume-claim-templates`: since v1.34 a StatefulSet's volumeClaimTemplates are validated on create
 * (ValidateVolumeClaimTemplates in pkg/apis/apps/validation/validation.go, kubernetes/kubernetes#132212, v1.36):
 * each claim spec as a PVC's (ValidatePersistentVolumeClaimSpec in pkg/apis/core/validation/validation.go: at least one
 * access mode, ReadWriteOncePod alone, a storage request above 0 at `spec.resources[storage]`), and each claim counts
 * as a volume of the pod template (kubernetes/kubernetes#131790), so its name must be a volume name (a DNS label).
 */
import type { Node, YAMLMap } from 'yaml';
import { isDNS1123Label } from '../../../k8s/names';
import { isNegative, parseQuantity } from '../../../k8s/quantity';
import { readers } from '../../../model';
import type { FieldPath, Range } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { keyRangeIn } from './_helpers/read';

function checkName(ctx: RuleContext, at: FieldPath, m: YAMLMap, itemRange: Range): void {
  const c = ctx.doc.ctx;
  const name = readers.string(c, c.asMap(c.get(m, 'metadata')), 'name');
  if (name.kind === 'absent' || (name.kind === 'value' && name.value === '')) {
    ctx.report({
      path: [...at, 'metadata', 'name'],
      range: keyRangeIn(ctx, at, 'metadata') ?? keyRangeIn(ctx, at, 'spec') ?? itemRange,
      message: 'the claim template needs a name (it becomes a volume of every Pod)',
      needsWholeObject: true,
    });
    return;
  }
  if (name.kind !== 'value') return;
  const path = [...at, 'metadata', 'name'];
  if (isDNS1123Label(name.value).length > 0) {
    ctx.report({
      path,
      range: name.range,
      message: `claim name ${JSON.stringify(name.value.length > 40 ? `${name.value.slice(0, 40)}…` : name.value)} is not a volume name (a DNS label)`,
    });
  }
}

function checkSpec(ctx: RuleContext, at: FieldPath, m: YAMLMap, itemRange: Range): void {
  const c = ctx.doc.ctx;
  const spec = c.asMap(c.get(m, 'spec'));
  const specPath = [...at, 'spec'];
  const specKey = keyRangeIn(ctx, at, 'spec') ?? itemRange;
  const modes = c.asSeq(c.get(spec, 'accessModes'));
  const modeValues = readers.stringList(c, spec, 'accessModes');
  if ((modes?.items.length ?? 0) === 0) {
    const range = keyRangeIn(ctx, specPath, 'accessModes') ?? specKey;
    ctx.report({
      path: [...specPath, 'accessModes'],
      range,
      message: 'a claim template needs at least one access mode',
      needsWholeObject: true,
    });
  } else if (
    modeValues.kind === 'value' &&
    modeValues.value.length > 1 &&
    modeValues.value.includes('ReadWriteOncePod')
  ) {
    ctx.report({
      path: [...specPath, 'accessModes'],
      range: modeValues.range,
      message: 'ReadWriteOncePod cannot be combined with other access modes',
    });
  }
  // The API reports the storage request at `spec.resources[storage]`, not under requests.
  const storagePath = [...specPath, 'resources', 'storage'];
  const storage = readers.quantity(c, c.asMap(c.get(c.asMap(c.get(spec, 'resources')), 'requests')), 'storage');
  if (storage.kind === 'absent') {
    const range =
      keyRangeIn(ctx, [...specPath, 'resources'], 'requests') ?? keyRangeIn(ctx, specPath, 'resources') ?? specKey;
    ctx.report({
      path: storagePath,
      range,
      message: 'a claim template needs resources.requests.storage',
      needsWholeObject: true,
    });
    return;
  }
  if (storage.kind !== 'value') return;
  const q = parseQuantity(storage.value);
  if (q.ok && (isNegative(q.quantity) || q.quantity.n === 0n)) {
    ctx.report({
      path: storagePath,
      range: storage.range,
      message: 'the storage request must be greater than zero',
    });
  }
}

export const statefulsetVolumeClaimTemplatesRule: Rule = {
  meta: {
    id: 'statefulset-volume-claim-templates',
    family: 'api-validation',
    severity: 'error',
    summary: 'A volume claim template the API server rejects: no name, no access modes, no positive storage request.',
  },
  check(ctx) {
    if (ctx.pod?.workload !== 'StatefulSet') return;
    const c = ctx.doc.ctx;
    const items =
      c.asSeq(c.get(c.asMap(c.get(c.asMap(ctx.doc.ast.contents), 'spec')), 'volumeClaimTemplates'))?.items ?? [];
    items.forEach((item, i) => {
      const m = c.asMap(item);
      const range = c.range(item as Node);
      if (!m || !range) return;
      const at = ['spec', 'volumeClaimTemplates', i];
      checkName(ctx, at, m, range);
      checkSpec(ctx, at, m, range);
    });
  },
};
