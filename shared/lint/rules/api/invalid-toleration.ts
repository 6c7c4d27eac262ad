/**
 * `invalid-toleration`: what ValidateTolerations (pkg/apis/core/validation/validation.go, v1.36) rejects in
 * spec.tolerations. Unknown operator and effect spellings are `invalid-enum`; Lt and Gt are in the schema's enum but
 * need TaintTolerationComparisonOperators (alpha, off in v1.36), so they are reported here. Value errors sit at the
 * `operator` path, as upstream reports them.
 */
import { isLabelValue, isQualifiedName } from '../../../k8s/names';
import type { Rule } from '../../types';
import { keyRange, listItems, quote, str, valueOr } from './_helpers/items';
import { entryRange, mapAt, reportPodSpec } from './_helpers/util';

const GATED_OPERATORS = new Set(['Lt', 'Gt']);

export const invalidTolerationRule: Rule = {
  meta: {
    id: 'invalid-toleration',
    family: 'api-validation',
    severity: 'error',
    summary: 'A toleration the API server rejects: bad key, Exists with a value, tolerationSeconds without NoExecute.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    for (const t of listItems(ctx, mapAt(ctx.doc, pod.specPath), pod.specPath, 'tolerations')) {
      const m = t.map;
      if (!m) continue;
      const key = str(ctx, m, 'key');
      const op = str(ctx, m, 'operator');
      const value = str(ctx, m, 'value');
      const effect = str(ctx, m, 'effect');
      const opValue = valueOr(op, '');
      const opPath = [...t.path, 'operator'];
      const at = (f: typeof key) => (f.kind === 'absent' ? entryRange(ctx.doc, m) : f.range) ?? t.range;
      if (key.kind === 'value' && key.value !== '' && isQualifiedName(key.value).length > 0)
        reportPodSpec(ctx, {
          path: [...t.path, 'key'],
          range: key.range,
          message: `Toleration key ${quote(key.value)} is not a valid label key.`,
        });
      if (valueOr(key, '') === '' && key.kind !== 'template' && opValue !== 'Exists' && op.kind !== 'template')
        reportPodSpec(ctx, {
          path: opPath,
          range: at(op),
          message: 'A toleration with an empty key must use operator Exists (it matches every taint).',
        });
      const seconds = keyRange(ctx, m, 'tolerationSeconds');
      if (seconds && valueOr(effect, '') !== 'NoExecute' && effect.kind !== 'template')
        reportPodSpec(ctx, {
          path: [...t.path, 'effect'],
          range: effect.kind === 'value' ? effect.range : seconds,
          message: 'tolerationSeconds is only allowed with effect NoExecute.',
        });
      if (op.kind === 'value' && GATED_OPERATORS.has(op.value))
        reportPodSpec(ctx, {
          path: opPath,
          range: op.range,
          message: `Operator ${op.value} needs the TaintTolerationComparisonOperators gate (off in v1.36).`,
        });
      if (value.kind !== 'value' || value.value === '') continue;
      if (opValue === 'Exists')
        reportPodSpec(ctx, {
          path: opPath,
          range: value.range,
          message: 'A toleration with operator Exists must not have a value.',
        });
      else if ((opValue === 'Equal' || opValue === '') && isLabelValue(value.value).length > 0)
        reportPodSpec(ctx, {
          path: opPath,
          range: value.range,
          message: `Toleration value ${quote(value.value)} is not a valid label value.`,
        });
    }
  },
};
