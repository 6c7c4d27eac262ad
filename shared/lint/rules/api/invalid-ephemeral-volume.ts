/**
 * `invalid-ephemeral-volume`: a generic ephemeral volume as validateEphemeralVolumeSource and
 * ValidatePersistentVolumeClaimTemplate (pkg/apis/core/validation/validation.go, v1.36) check it: it needs a
 * volumeClaimTemplate whose metadata holds only labels and annotations (the claim is named `<pod>-<volume>`) and
 * whose spec asks for at least one access mode and a storage request.
 */
import type { Rule } from '../../types';
import { isSet, keyRange, listItems } from './_helpers/items';
import { mapAt, reportPodSpec, setKeys } from './_helpers/util';

const ALLOWED_METADATA = new Set(['labels', 'annotations']);

export const invalidEphemeralVolumeRule: Rule = {
  meta: {
    id: 'invalid-ephemeral-volume',
    family: 'api-validation',
    severity: 'error',
    summary: 'An ephemeral volume without a volumeClaimTemplate, access modes or a storage request.',
  },
  check(ctx) {
    const doc = ctx.doc.ctx;
    for (const v of ctx.pod?.volumes ?? []) {
      const path = [...v.path, 'ephemeral'];
      const eph = mapAt(ctx.doc, path);
      const ephKey = keyRange(ctx, mapAt(ctx.doc, v.path), 'ephemeral');
      if (!eph || !ephKey) continue;
      const tPath = [...path, 'volumeClaimTemplate'];
      const template = mapAt(ctx.doc, tPath);
      if (!template) {
        reportPodSpec(ctx, {
          path: tPath,
          range: ephKey,
          message: 'An ephemeral volume needs a volumeClaimTemplate.',
          needsWholeObject: true,
        });
        continue;
      }
      const metaPath = [...tPath, 'metadata'];
      for (const k of setKeys(ctx.doc, mapAt(ctx.doc, metaPath)))
        if (!ALLOWED_METADATA.has(k.key))
          reportPodSpec(ctx, {
            path: [...metaPath, k.key],
            range: k.keyRange,
            message: `metadata.${k.key} cannot be set for an ephemeral volume (only labels and annotations).`,
          });
      const specPath = [...tPath, 'spec'];
      const spec = mapAt(ctx.doc, specPath);
      // Without a spec the template is missing-required-field; the claim checks start once it is written.
      const specKey = keyRange(ctx, template, 'spec');
      if (!specKey) continue;
      if (listItems(ctx, spec, specPath, 'accessModes').length === 0)
        reportPodSpec(ctx, {
          path: [...specPath, 'accessModes'],
          range: specKey,
          message: 'The claim template needs at least one access mode.',
          needsWholeObject: true,
        });
      const requests = doc.asMap(doc.get(doc.asMap(doc.get(spec, 'resources')), 'requests'));
      if (!isSet(ctx, requests, 'storage'))
        reportPodSpec(ctx, {
          path: [...specPath, 'resources', 'storage'],
          range: specKey,
          message: 'The claim template needs resources.requests.storage.',
          needsWholeObject: true,
        });
    }
  },
};
