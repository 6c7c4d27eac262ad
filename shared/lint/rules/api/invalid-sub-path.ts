/**
 * `invalid-sub-path` (ValidateVolumeMounts, validateLocalDescendingPath): subPath and subPathExpr are relative, have
 * no `..` segment and are not both set; upstream reports them on `…volumeMounts.subPath`, without an index.
 */
import { readers, resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { invalid, mapAt, reportPodSpec } from './_helpers/util';

/** validateLocalDescendingPath */
function descendingPathErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.startsWith('/')) errs.push('must be a relative path');
  if (value.split('/').includes('..')) errs.push("must not contain '..'");
  return errs;
}

export const invalidSubPathRule: Rule = {
  meta: {
    id: 'invalid-sub-path',
    family: 'api-validation',
    severity: 'error',
    summary: "A volumeMount subPath/subPathExpr that is absolute or contains '..', or both set at once.",
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of resolvePod(ctx.pod).views) {
      const listPath = [...c.path, 'volumeMounts'];
      for (const m of c.volumeMounts) {
        const expr = readers.string(ctx.doc.ctx, mapAt(ctx.doc, m.path), 'subPathExpr');
        for (const [key, field] of [
          ['subPath', m.subPath],
          ['subPathExpr', expr],
        ] as const) {
          if (field.kind !== 'value' || field.value === '') continue;
          const path = [...listPath, key];
          for (const msg of descendingPathErrors(field.value)) {
            reportPodSpec(ctx, { path, range: field.range, message: invalid(path, field.value, msg) });
          }
        }
        if (expr.kind === 'value' && expr.value !== '' && m.subPath.kind === 'value' && m.subPath.value !== '') {
          const path = [...m.path, 'subPathExpr'];
          reportPodSpec(ctx, {
            path,
            range: expr.keyRange,
            message: invalid(path, expr.value, 'subPathExpr and subPath are mutually exclusive'),
          });
        }
      }
    }
  },
};
