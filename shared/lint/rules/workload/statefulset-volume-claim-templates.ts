/**
 * `statefulset-volume-claim-templates`: a StatefulSet's volumeClaimTemplates are not validated when it is created
 * (ValidateStatefulSetSpec in pkg/apis/apps/validation/validation.go, v1.36, leaves them out; the registry only
 * warns), but the controller creates a PVC `<claim>-<statefulset>-<ordinal>` from each and adds a volume named
 * after the claim to every Pod. A claim the PVC validation rejects (ValidatePersistentVolumeClaimSpec in
 * pkg/apis/core/validation/validation.go: accessModes required, ReadWriteOncePod alone, a positive storage request)
 * or a claim name that is no volume name (a DNS label) leaves every replica without its Pod: warnings that say so.
 */
import type { Node, YAMLMap } from 'yaml';
import { isDNS1123Label } from '../../../k8s/names';
import { isNegative, parseQuantity } from '../../../k8s/quantity';
import { readers } from '../../../model';
import type { FieldPath, Range } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { keyRangeIn } from './read';

const PVC = 'every PVC this StatefulSet creates will be rejected';
const POD = 'every Pod this StatefulSet creates will be rejected';

function checkName(ctx: RuleContext, at: FieldPath, m: YAMLMap, itemRange: Range): void {
  const c = ctx.doc.ctx;
  const name = readers.string(c, c.asMap(c.get(m, 'metadata')), 'name');
  if (name.kind === 'absent' || (name.kind === 'value' && name.value === '')) {
    ctx.report({
      path: [...at, 'metadata', 'name'],
      range: keyRangeIn(ctx, at, 'metadata') ?? keyRangeIn(ctx, at, 'spec') ?? itemRange,
      message: `${PVC}: the claim template has no name`,
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
      message: `${POD}: the claim name is no DNS label`,
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
      message: `${PVC}: it needs at least one access mode`,
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
      message: `${PVC}: ReadWriteOncePod cannot be combined with other modes`,
    });
  }
  const requestsPath = [...specPath, 'resources', 'requests'];
  const storage = readers.quantity(c, c.asMap(c.get(c.asMap(c.get(spec, 'resources')), 'requests')), 'storage');
  if (storage.kind === 'absent') {
    const range =
      keyRangeIn(ctx, [...specPath, 'resources'], 'requests') ?? keyRangeIn(ctx, specPath, 'resources') ?? specKey;
    ctx.report({
      path: [...requestsPath, 'storage'],
      range,
      message: `${PVC}: it needs resources.requests.storage`,
      needsWholeObject: true,
    });
    return;
  }
  if (storage.kind !== 'value') return;
  const q = parseQuantity(storage.value);
  if (q.ok && (isNegative(q.quantity) || q.quantity.n === 0n)) {
    ctx.report({
      path: [...requestsPath, 'storage'],
      range: storage.range,
      message: `${PVC}: the storage request must be above 0`,
    });
  }
}

export const statefulSetVolumeClaimTemplatesRule: Rule = {
  meta: {
    id: 'statefulset-volume-claim-templates',
    family: 'api-validation',
    severity: 'warning',
    summary: 'A volume claim template whose PVCs or Pods the API server will reject (name, accessModes, storage).',
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
