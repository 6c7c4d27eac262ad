/**
 * private-registry-no-pull-secret: an image from a private-looking registry while neither the pod nor a named
 * service account (whose imagePullSecrets the API server copies in) provides credentials, so the kubelet's pull
 * is refused and backs off (ErrImagePull, ImagePullBackOff).
 */
import { isPublicRegistry } from '../../../k8s';
import { resolvePod } from '../../../model';
import { quoted } from '../../message';
import type { Rule } from '../../types';
import { imageOf } from './_helpers/parsedImage';

export const privateRegistryNoPullSecretRule: Rule = {
  meta: {
    id: 'private-registry-no-pull-secret',
    family: 'lifecycle',
    severity: 'info',
    summary: 'The image comes from a private-looking registry and the pod has no imagePullSecrets.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || pod.imagePullSecrets.length > 0) return;
    // A named service account may carry imagePullSecrets that the API server copies into the pod.
    const sa = pod.serviceAccountName;
    if (sa.kind === 'template' || (sa.kind === 'value' && sa.value !== '' && sa.value !== 'default')) return;
    for (const c of resolvePod(pod).views) {
      const image = imageOf(c);
      if (!image?.ref.domainExplicit) continue;
      const host = image.ref.domain;
      if (isPublicRegistry(host)) continue;
      ctx.report({
        path: [...c.path, 'image'],
        range: image.range,
        needsWholeObject: true,
        message: `Image from ${quoted(host)} and no imagePullSecrets: a private registry refuses the pull`,
        detail:
          `"${image.text}" comes from ${host}, and the pod has no imagePullSecrets. If that registry requires ` +
          'credentials, the pull fails with ErrImagePull and the container stays in ImagePullBackOff, retried ' +
          'after 10 s, 20 s, 40 s … up to every 300 s, with the pod Pending. Add spec.imagePullSecrets (or ' +
          'attach them to the service account), unless the nodes themselves are configured for this registry.',
      });
    }
  },
};
