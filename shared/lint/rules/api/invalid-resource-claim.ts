/**
 * `invalid-resource-claim`: dynamic resource allocation references, as validatePodResourceClaims and
 * validateResourceClaimNames (pkg/apis/core/validation/validation.go, v1.36) check them. spec.resourceClaims entries
 * have a unique DNS-label name and exactly one of resourceClaimName and resourceClaimTemplateName (a DNS subdomain);
 * a container's resources.claims entries name one of them (once per name/request) and a request is a DNS label.
 */
import { isDNS1123Label, isDNS1123Subdomain } from '../../../k8s/names';
import { resolvePod } from '../../../model';
import { duplicates, nonEmptyValue } from '../../helpers/duplicates';
import type { Rule } from '../../types';
import { isSet, keyRange, type ListItem, listItems, quote, str } from './_helpers/items';
import { entryRange, mapAt, reportPodSpec } from './_helpers/util';

const SOURCES = ['resourceClaimName', 'resourceClaimTemplateName'];

export const invalidResourceClaimRule: Rule = {
  meta: {
    id: 'invalid-resource-claim',
    family: 'api-validation',
    severity: 'error',
    summary: 'A pod resource claim without a unique name or one source, or a container claim naming none of them.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const names = new Set<string>();
    const claims = listItems(ctx, mapAt(ctx.doc, pod.specPath), pod.specPath, 'resourceClaims');
    const repeats = duplicates(claims, (c) => (c.map ? nonEmptyValue(str(ctx, c.map, 'name')) : undefined));
    for (const claim of claims) {
      const m = claim.map;
      if (!m) continue;
      const name = str(ctx, m, 'name');
      if (name.kind === 'value' && name.value !== '') {
        const namePath = [...claim.path, 'name'];
        if (repeats.has(claim))
          reportPodSpec(ctx, {
            path: namePath,
            range: name.range,
            message: `Resource claim ${quote(name.value)} is declared twice.`,
          });
        else if (isDNS1123Label(name.value).length > 0)
          reportPodSpec(ctx, {
            path: namePath,
            range: name.range,
            message: `Resource claim name ${quote(name.value)} is not a DNS label.`,
          });
        names.add(name.value);
      }
      const set = SOURCES.filter((k) => isSet(ctx, m, k));
      const range = (set.length > 1 ? keyRange(ctx, m, SOURCES[1] as string) : entryRange(ctx.doc, m)) ?? claim.range;
      if (set.length !== 1)
        reportPodSpec(ctx, {
          path: claim.path,
          range,
          message: 'A resource claim needs exactly one of resourceClaimName and resourceClaimTemplateName.',
          needsWholeObject: true,
        });
      for (const key of SOURCES) {
        const ref = str(ctx, m, key);
        if (ref.kind === 'value' && isDNS1123Subdomain(ref.value).length > 0)
          reportPodSpec(ctx, {
            path: [...claim.path, key],
            range: ref.range,
            message: `${key} ${quote(ref.value)} is not a valid name.`,
          });
      }
    }
    for (const c of resolvePod(pod).views) {
      if (!c.resources.keyRange) continue;
      const rPath = [...c.path, 'resources'];
      const refs = listItems(ctx, mapAt(ctx.doc, rPath), rPath, 'claims');
      const claimKey = (ref: ListItem) => {
        const name = str(ctx, ref.map, 'name');
        if (name.kind !== 'value' || name.value === '') return undefined;
        const request = str(ctx, ref.map, 'request');
        return request.kind === 'value' && request.value !== '' ? `${name.value}/${request.value}` : name.value;
      };
      const repeats = duplicates(refs, claimKey);
      for (const ref of refs) {
        const name = str(ctx, ref.map, 'name');
        if (name.kind !== 'value' || name.value === '') continue;
        const request = str(ctx, ref.map, 'request');
        const repeat = repeats.get(ref);
        if (repeat)
          reportPodSpec(ctx, {
            path: ref.path,
            range: name.range,
            message: `Claim ${quote(repeat.key)} is listed twice.`,
          });
        if (!names.has(name.value))
          reportPodSpec(ctx, {
            path: ref.path,
            range: name.range,
            message: `Claim ${quote(name.value)} is not in spec.resourceClaims.`,
            needsWholeObject: true,
          });
        if (request.kind === 'value' && request.value !== '' && isDNS1123Label(request.value).length > 0)
          reportPodSpec(ctx, {
            path: [...ref.path, 'request'],
            range: request.range,
            message: `Request ${quote(request.value)} is not a DNS label.`,
          });
      }
    }
  },
};
