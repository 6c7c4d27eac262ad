/**
 * `invalid-volume-source`: fields inside a volume source that validateVolumeSource rejects
 * (pkg/apis/core/validation/validation.go, v1.36): a hostPath path with a `..` segment (validatePathNoBacksteps), a
 * relative nfs path, an iscsi lun outside 0..255, a negative emptyDir sizeLimit, a gitRepo directory that is
 * absolute or has a `..` segment (validateLocalDescendingPath), and an image volume without a reference (checked
 * on Pods only, so a warning on templates). Missing required fields are missing-required-field and enum spellings
 * (hostPath.type) invalid-enum.
 */
import { inclusiveRangeError } from '../../../k8s/names';
import { parseQuantity } from '../../../k8s/quantity';
import { readers } from '../../../model';
import type { FieldPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { int, keyRange, str } from './_helpers/items';
import { forbidden, invalid, mapAt, reportPodOnly, reportPodSpec, required } from './_helpers/util';

const MAX_LUN = 255;

function checkLun(ctx: RuleContext, source: FieldPath) {
  const lun = int(ctx, mapAt(ctx.doc, source), 'lun');
  if (lun.kind !== 'value' || (lun.value >= 0 && lun.value <= MAX_LUN)) return;
  const path = [...source, 'lun'];
  reportPodSpec(ctx, { path, range: lun.range, message: invalid(path, lun.value, inclusiveRangeError(0, MAX_LUN)) });
}

const hasBackstep = (p: string) => p.split('/').includes('..');

function checkPath(ctx: RuleContext, source: FieldPath, key: string, problem: (p: string) => string | undefined) {
  const f = str(ctx, mapAt(ctx.doc, source), key);
  if (f.kind !== 'value' || f.value === '') return;
  const detail = problem(f.value);
  const path = [...source, key];
  if (detail) reportPodSpec(ctx, { path, range: f.range, message: invalid(path, f.value, detail) });
}

/** validateImageVolumeSource asks for a reference only when the object is a Pod (opts.ResourceIsPod). */
function checkImageReference(ctx: RuleContext, volume: FieldPath) {
  const m = mapAt(ctx.doc, [...volume, 'image']);
  if (!m) return;
  const ref = str(ctx, m, 'reference');
  if (ref.kind === 'value' && ref.value !== '') return;
  const path = [...volume, 'image', 'reference'];
  const range = ref.kind === 'value' ? ref.range : keyRange(ctx, mapAt(ctx.doc, volume), 'image');
  if (range) reportPodOnly(ctx, { path, range, message: 'An image volume needs a reference.', detail: required(path) });
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
    summary: "A hostPath with '..', a relative nfs path, a bad iscsi lun or gitRepo directory, and the like.",
  },
  check(ctx) {
    for (const v of ctx.pod?.volumes ?? []) {
      checkPath(ctx, [...v.path, 'hostPath'], 'path', (p) => (hasBackstep(p) ? "must not contain '..'" : undefined));
      checkPath(ctx, [...v.path, 'nfs'], 'path', (p) => (p.startsWith('/') ? undefined : 'must be an absolute path'));
      checkPath(ctx, [...v.path, 'gitRepo'], 'directory', (p) =>
        p.startsWith('/') ? 'must be a relative path' : hasBackstep(p) ? "must not contain '..'" : undefined,
      );
      checkImageReference(ctx, v.path);
      checkLun(ctx, [...v.path, 'iscsi']);
      checkSizeLimit(ctx, [...v.path, 'emptyDir']);
    }
  },
};
