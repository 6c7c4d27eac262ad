/**
 * `invalid-host-alias`: each spec.hostAliases entry has an IP address and hostnames that are DNS subdomains
 * (ValidateHostAliases, pkg/apis/core/validation/validation.go, v1.36).
 */
import { isIP } from '../../../k8s/ip';
import { isDNS1123Subdomain } from '../../../k8s/names';
import type { Rule } from '../../types';
import { itemString, listItems, quote, str } from './_helpers/items';
import { mapAt, reportPodSpec } from './_helpers/util';

export const invalidHostAliasRule: Rule = {
  meta: {
    id: 'invalid-host-alias',
    family: 'api-validation',
    severity: 'error',
    summary: 'A hostAliases entry whose ip is not an IP address or whose hostname is not a DNS subdomain.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    for (const a of listItems(ctx, mapAt(ctx.doc, pod.specPath), pod.specPath, 'hostAliases')) {
      if (!a.map) continue;
      const ip = str(ctx, a.map, 'ip');
      if (ip.kind === 'value' && !isIP(ip.value))
        reportPodSpec(ctx, {
          path: [...a.path, 'ip'],
          range: ip.range,
          message: `Host alias ip ${quote(ip.value)} is not an IP address.`,
        });
      for (const h of listItems(ctx, a.map, a.path, 'hostnames')) {
        const s = itemString(h);
        if (s !== undefined && isDNS1123Subdomain(s).length > 0)
          reportPodSpec(ctx, { path: h.path, range: h.range, message: `Hostname ${quote(s)} is not a DNS subdomain.` });
      }
    }
  },
};
