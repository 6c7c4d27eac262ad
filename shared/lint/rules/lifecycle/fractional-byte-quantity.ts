/**
 * fractional-byte-quantity: a memory or ephemeral-storage request/limit that is not a whole number of bytes. The API
 * server accepts it with a warning (pkg/api/pod/warnings.go, Kubernetes v1.36), so this stays a warning.
 */
import { canonicalQuantity, isInteger, isNegative, parseQuantity, roundUpToMilli } from '../../../k8s/quantity';
import { resolvePod } from '../../../model';
import { quoted } from '../../message';
import type { Rule } from '../../types';
import { capitalize, describeContainer } from './_helpers/containers';

/** The resources warnings.go checks for a fractional byte value, in its order. */
const BYTE_RESOURCES = ['memory', 'ephemeral-storage'] as const;

export const fractionalByteQuantityRule: Rule = {
  meta: {
    id: 'fractional-byte-quantity',
    family: 'lifecycle',
    severity: 'warning',
    summary:
      'A memory or ephemeral-storage request or limit is not a whole number of bytes (`1500m`, `0.5`); the API server only warns.',
  },
  check(ctx) {
    for (const c of ctx.pod ? resolvePod(ctx.pod).views : []) {
      for (const resource of BYTE_RESOURCES) {
        for (const list of ['limits', 'requests'] as const) {
          const field = c.resources[list].entries.get(resource);
          if (field?.kind !== 'value') continue;
          const parsed = parseQuantity(field.value);
          // A quantity that does not parse, or a negative one, is an error reported by other rules.
          if (!parsed.ok || isNegative(parsed.quantity)) continue;
          // SetDefaults_ResourceList rounds every value up to whole millis before warnings.go looks at it
          // (MilliValue() % 1000 != 0): `0.9999` becomes 1 and is not reported.
          const stored = roundUpToMilli(parsed.quantity);
          if (isInteger(stored)) continue;
          const shown = canonicalQuantity(stored);
          const what = resource === 'memory' ? 'memory' : 'ephemeral storage';
          const hint = /\dm$/.test(parsed.quantity.text)
            ? ` The suffix "m" means milli (1/1000), not mega: write ${parsed.quantity.text.slice(0, -1)}Mi or ${parsed.quantity.text.slice(0, -1)}M.`
            : ' Write a whole number of bytes, for example with a Ki, Mi or Gi suffix.';
          ctx.report({
            path: [...c.path, 'resources', list, resource],
            range: field.range,
            message: `${what} ${quoted(field.value)} is not a whole number of bytes`,
            detail:
              `${capitalize(describeContainer(c))} ${list === 'limits' ? 'limits' : 'requests'} ${what} ` +
              `"${field.value}", which is not a whole number of bytes. The API server accepts it with a warning: ` +
              `fractional byte value ${JSON.stringify(shown)} is invalid, must be an integer.${hint}`,
          });
        }
      }
    }
  },
};
