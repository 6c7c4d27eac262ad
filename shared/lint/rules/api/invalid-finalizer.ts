/**
 * `invalid-finalizer`: metadata.finalizers of the object itself, as apimachinery's ValidateFinalizers
 * (pkg/api/validation/objectmeta.go, used by ValidateObjectMeta for every kind in v1.36) checks them: each is a
 * qualified name, and orphan and foregroundDeletion cannot both be set. Errors sit on `metadata.finalizers`.
 */
import { isQualifiedName } from '../../../k8s/names';
import type { Rule } from '../../types';
import { itemString, keyRange, listItems, quote } from './_helpers/items';
import { mapAt } from './_helpers/util';

export const invalidFinalizerRule: Rule = {
  meta: {
    id: 'invalid-finalizer',
    family: 'api-validation',
    severity: 'error',
    summary: 'A finalizer that is not a qualified name, or orphan together with foregroundDeletion.',
  },
  check(ctx) {
    if (!ctx.pod) return;
    const path = ['metadata', 'finalizers'];
    const meta = mapAt(ctx.doc, ['metadata']);
    const items = listItems(ctx, meta, ['metadata'], 'finalizers');
    const names = items.map(itemString);
    items.forEach((item, i) => {
      const name = names[i];
      if (name !== undefined && isQualifiedName(name).length > 0)
        ctx.report({ path, range: item.range, message: `Finalizer ${quote(name)} is not a qualified name.` });
    });
    const range = keyRange(ctx, meta, 'finalizers');
    if (range && names.includes('orphan') && names.includes('foregroundDeletion'))
      ctx.report({ path, range, message: 'Finalizers orphan and foregroundDeletion cannot both be set.' });
  },
};
