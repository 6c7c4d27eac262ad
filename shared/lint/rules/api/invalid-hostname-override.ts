/**
 * `invalid-hostname-override`: spec.hostnameOverride (HostnameOverride, beta and on in v1.36) as ValidatePodSpec
 * (pkg/apis/core/validation/validation.go, v1.36) checks it: at most 64 characters, a DNS-1123 subdomain, and not
 * together with setHostnameAsFQDN: true or hostNetwork: true, whose hostnames it would contradict.
 */
import { isDNS1123Subdomain } from '../../../k8s/names';
import type { Rule } from '../../types';
import { bool, quote, str } from './_helpers/items';
import { mapAt, reportPodSpec } from './_helpers/util';

const MAX_LENGTH = 64;

export const invalidHostnameOverrideRule: Rule = {
  meta: {
    id: 'invalid-hostname-override',
    family: 'api-validation',
    severity: 'error',
    summary: 'A hostnameOverride that is too long, not a DNS subdomain, or set with setHostnameAsFQDN or hostNetwork.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const spec = mapAt(ctx.doc, pod.specPath);
    const override = str(ctx, spec, 'hostnameOverride');
    if (override.kind !== 'value') return;
    const path = [...pod.specPath, 'hostnameOverride'];
    for (const key of ['setHostnameAsFQDN', 'hostNetwork']) {
      const f = bool(ctx, spec, key);
      if (f.kind === 'value' && f.value)
        reportPodSpec(ctx, {
          path,
          range: override.keyRange,
          message: `hostnameOverride cannot be set with ${key}: true.`,
        });
    }
    const value = override.value;
    if (value.length > MAX_LENGTH)
      reportPodSpec(ctx, {
        path,
        range: override.range,
        message: `hostnameOverride is longer than ${MAX_LENGTH} characters.`,
      });
    else if (isDNS1123Subdomain(value).length > 0)
      reportPodSpec(ctx, {
        path,
        range: override.range,
        message: `hostnameOverride ${quote(value)} is not a DNS subdomain.`,
      });
  },
};
