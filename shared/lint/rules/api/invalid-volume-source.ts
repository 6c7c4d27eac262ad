/**
 * `invalid-volume-source`: fields inside a volume source that validateVolumeSource rejects
 * (pkg/apis/core/validation/validation.go, v1.36): a hostPath path with a `..` segment (validatePathNoBacksteps), a
 * relative nfs path, an iscsi lun outside 0..255, and a negative emptyDir sizeLimit. Missing required fields
 * are missing-required-field and enum spellings (hostPath.type) invalid-enum.
 */
import { inclusiveRangeError } from '../../../k8s/names';
import { parseQuantity } from '../../../k8s/quantity';
import { readers } from '../../../model';
import type { FieldPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { int, str } from './items';
import { forbidden, invalid, mapAt, reportPodSpec } from './util';

const MAX_LUN = 255;

function checkLun(ctx: RuleContext, source: FieldPath) {
  const lun = int(ctx, mapAt(ctx.doc, source), 'lun');
  if (lun.kind !== 'value' || (lun.value >= 0 && lun.value <= MAX_LUN)) return;
  const path = [...source, 'lun'];
  reportPodSpec(ctx, { path, range: lun.range, message: invalid(path, lun.value, inclusiveRangeError(0, MAX_LUN)) });
}

function checkPath(ctx: RuleContext, source: FieldPath, problem: (p: string) => string | undefined) {
  const f = str(ctx, mapAt(ctx.doc, source), 'path');
  if (f.kind !== 'value' || f.value === '') return;
  const detail = problem(f.value);
  const path = [...source, 'path'];
  if (detail) reportPodSpec(ctx, { path, range: f.range, message: invalid(path, f.value, detail) });
}

function checkSizeLimit(ctx: RuleContext, source: FieldPath) {
  const f = readers.quantity(ctx.doc.ctx, mapAt(ctx.doc, source), 'sizeLimit');
  if (f.kind !== 'value') return;
  const parsed = parseQuantity(f.value);
  if (!parsed.ok || parsed.quantity.n >= 0n) return;
  const path = [...source, 'sizeLimit'];
  reportPodSpec(ctx, {
    path,
    range: f.range,
    message: forbidden(path, 'SizeLimit field must be a valid resource quantity'),
  });
}

export const invalidVolumeSourceRule: Rule = {
  meta: {
    id: 'invalid-volume-source',
    family: 'api-validation',
    severity: 'error',
    summary: "A hostPath with '..', a relative nfs path, an iscsi lun outside 0..255 or a negative emptyDir sizeLimit.",
  },
  check(ctx) {
    for (const v of ctx.pod?.volumes ?? []) {
      checkPath(ctx, [...v.path, 'hostPath'], (p) =>
        p.split('/').includes('..') ? "must not contain '..'" : undefined,
      );
      checkPath(ctx, [...v.path, 'nfs'], (p) => (p.startsWith('/') ? undefined : 'must be an absolute path'));
      checkLun(ctx, [...v.path, 'iscsi']);
      checkSizeLimit(ctx, [...v.path, 'emptyDir']);
    }
  },
};
