/**
 * `invalid-dns-config`: what validatePodDNSConfig (pkg/apis/core/validation/validation.go, v1.36) rejects.
 * dnsPolicy None needs a dnsConfig with at least one nameserver; at most 3 nameservers, each an IP address; at most
 * 32 search domains, 2048 characters joined with spaces, each a DNS subdomain that may hold underscores after one
 * trailing dot is trimmed ("." alone is fine: RelaxedDNSSearchValidation, GA since v1.34); every option has a name.
 */
import { isIP } from '../../../k8s/ip';
import type { Rule } from '../../types';
import { itemString, keyRange, listItems, quote, str } from './_helpers/items';
import { mapAt, reportPodSpec } from './_helpers/util';

const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;
const MAX_SEARCH_CHARS = 2048;
const LABEL = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SUBDOMAIN_WITH_UNDERSCORE = new RegExp(`^${LABEL}(\\.${LABEL})*$`);

function isSearchDomain(search: string): boolean {
  if (search === '.') return true;
  const trimmed = search.endsWith('.') ? search.slice(0, -1) : search;
  return trimmed.length <= 253 && SUBDOMAIN_WITH_UNDERSCORE.test(trimmed);
}

export const invalidDnsConfigRule: Rule = {
  meta: {
    id: 'invalid-dns-config',
    family: 'api-validation',
    severity: 'error',
    summary: 'dnsPolicy None without nameservers, or a dnsConfig with bad or too many nameservers and searches.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const spec = mapAt(ctx.doc, pod.specPath);
    const configPath = [...pod.specPath, 'dnsConfig'];
    const config = mapAt(ctx.doc, configPath);
    const policy = str(ctx, spec, 'dnsPolicy');
    const nameservers = listItems(ctx, config, configPath, 'nameservers');
    if (policy.kind === 'value' && policy.value === 'None') {
      if (!config) {
        reportPodSpec(ctx, {
          path: configPath,
          range: policy.range,
          message: 'dnsPolicy None needs a dnsConfig with nameservers.',
          needsWholeObject: true,
        });
        return;
      }
      if (nameservers.length === 0) {
        const range = keyRange(ctx, spec, 'dnsConfig') ?? policy.range;
        const message = 'dnsPolicy None needs at least one dnsConfig nameserver.';
        reportPodSpec(ctx, { path: [...configPath, 'nameservers'], range, message, needsWholeObject: true });
        return;
      }
    }
    if (!config) return;
    const nsKey = keyRange(ctx, config, 'nameservers');
    if (nameservers.length > MAX_NAMESERVERS && nsKey)
      reportPodSpec(ctx, {
        path: [...configPath, 'nameservers'],
        range: nsKey,
        message: `At most ${MAX_NAMESERVERS} nameservers are allowed (got ${nameservers.length}).`,
      });
    for (const ns of nameservers) {
      const s = itemString(ns);
      if (s !== undefined && !isIP(s))
        reportPodSpec(ctx, { path: ns.path, range: ns.range, message: `Nameserver ${quote(s)} is not an IP address.` });
    }
    const searches = listItems(ctx, config, configPath, 'searches');
    const values = searches.map(itemString).filter((s): s is string => s !== undefined);
    const searchKey = keyRange(ctx, config, 'searches');
    if (searchKey && searches.length > MAX_SEARCHES)
      reportPodSpec(ctx, {
        path: [...configPath, 'searches'],
        range: searchKey,
        message: `At most ${MAX_SEARCHES} search domains are allowed (got ${searches.length}).`,
      });
    if (searchKey && values.join(' ').length > MAX_SEARCH_CHARS)
      reportPodSpec(ctx, {
        path: [...configPath, 'searches'],
        range: searchKey,
        message: `The search list is longer than ${MAX_SEARCH_CHARS} characters.`,
      });
    for (const item of searches) {
      const s = itemString(item);
      if (s !== undefined && !isSearchDomain(s))
        reportPodSpec(ctx, {
          path: item.path,
          range: item.range,
          message: `Search domain ${quote(s)} is not a DNS subdomain.`,
        });
    }
    for (const opt of listItems(ctx, config, configPath, 'options')) {
      const name = str(ctx, opt.map, 'name');
      if (opt.map && (name.kind === 'absent' || (name.kind === 'value' && name.value === '')))
        reportPodSpec(ctx, { path: opt.path, range: opt.range, message: 'A DNS option needs a name.' });
    }
  },
};
