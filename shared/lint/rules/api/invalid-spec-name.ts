/**
 * `invalid-spec-name`: names inside the pod spec (ValidatePodSpec): hostname and subdomain are DNS labels;
 * serviceAccountName, nodeName, priorityClassName and runtimeClassName DNS subdomains.
 */
import { isDNS1123Label, isDNS1123Subdomain } from '../../../k8s/names';
import { type Field, type PodView, readers } from '../../../model';
import type { Rule } from '../../types';
import { invalid, mapAt, reportPodSpec } from './_helpers/util';

const SPEC_NAMES: readonly { key: keyof PodView; check: (v: string) => string[] }[] = [
  { key: 'serviceAccountName', check: isDNS1123Subdomain },
  { key: 'nodeName', check: isDNS1123Subdomain },
  { key: 'priorityClassName', check: isDNS1123Subdomain },
  { key: 'runtimeClassName', check: isDNS1123Subdomain },
];

export const invalidSpecNameRule: Rule = {
  meta: {
    id: 'invalid-spec-name',
    family: 'api-validation',
    severity: 'error',
    summary:
      'hostname, subdomain, serviceAccountName, nodeName, priorityClassName or runtimeClassName is not a valid name.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const spec = pod.specPath;
    const report = (field: Field<string>, key: string, errors: string[]) => {
      if (field.kind !== 'value') return;
      const path = [...spec, key];
      for (const msg of errors)
        reportPodSpec(ctx, { path, range: field.range, message: invalid(path, field.value, msg) });
    };
    for (const { key, check } of SPEC_NAMES) {
      const field = pod[key] as Field<string>;
      // Empty means unset for these fields (`len(spec.X) > 0` guards upstream); runtimeClassName "" is checked.
      if (field.kind === 'value' && (field.value !== '' || key === 'runtimeClassName'))
        report(field, key, check(field.value));
    }
    for (const key of ['hostname', 'subdomain'] as const) {
      const field = readers.string(ctx.doc.ctx, mapAt(ctx.doc, spec), key);
      if (field.kind === 'value' && field.value !== '') report(field, key, isDNS1123Label(field.value));
    }
  },
};
