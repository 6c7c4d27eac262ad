/**
 * `image-whitespace`: an image with leading or trailing whitespace. Pods are rejected (validateContainerOnlyForPod);
 * a template is accepted, so there it is a warning about the Pods it will create.
 */
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { invalid, reportPodOnly } from './_helpers/util';

export const imageWhitespaceRule: Rule = {
  meta: {
    id: 'image-whitespace',
    family: 'api-validation',
    severity: 'error',
    summary: 'A container image with leading or trailing whitespace (rejected for Pods; templates create such Pods).',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of resolvePod(ctx.pod).views) {
      const image = c.image;
      if (image.kind !== 'value' || image.value.trim() === image.value || image.value.trim() === '') continue;
      const path = [...c.path, 'image'];
      reportPodOnly(ctx, {
        path,
        range: image.range,
        message: invalid(path, image.value, 'must not have leading or trailing whitespace'),
        fixes: [
          {
            title: 'Remove the whitespace',
            edits: [{ range: image.range, newText: image.value.trim() }],
            isPreferred: true,
          },
        ],
      });
    }
  },
};
