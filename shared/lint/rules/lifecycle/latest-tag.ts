/**
 * latest-tag: an image with no tag or `:latest`. The kubelet's pull-policy defaulting (Kubernetes v1.36) makes the
 * policy Always, and the version that runs drifts. Image references are read with the kubelet's own parser
 * (../../../k8s/imageRef); unparsable ones are api-validation's.
 */
import { effectivePullPolicy } from '../../../k8s';
import { resolvePod } from '../../../model';
import { pinTagFix, pullPolicyFix } from '../../fixes';
import type { Fix, Rule } from '../../types';
import { imageOf } from './_helpers/parsedImage';

export const latestTagRule: Rule = {
  meta: {
    id: 'latest-tag',
    family: 'lifecycle',
    severity: 'warning',
    bestPractice: true,
    summary: 'The image has no tag or uses :latest: the pull policy becomes Always and versions drift.',
  },
  check(ctx) {
    for (const c of ctx.pod ? resolvePod(ctx.pod).views : []) {
      const image = imageOf(c);
      // A digest pins the content whatever the tag says.
      if (!image || image.ref.digest || !(image.ref.tagImplicit || image.ref.tag === 'latest')) continue;
      if (c.imagePullPolicy.kind === 'template' || c.imagePullPolicy.kind === 'invalid') continue;
      const explicit = c.imagePullPolicy.kind === 'value' ? c.imagePullPolicy.value : undefined;
      const pull = effectivePullPolicy(image.text, explicit);
      const what = image.ref.tagImplicit
        ? `"${image.text}" has no tag, so the kubelet pulls :latest`
        : `"${image.text}" uses the :latest tag`;
      const policy = pull.defaulted
        ? 'imagePullPolicy is not set, so the API server makes it Always: every container start asks the ' +
          'registry, and a registry outage or rate limit blocks restarts (ErrImagePull) even with the image on the node. '
        : '';
      const fixes: Fix[] = [];
      const pin = pinTagFix(ctx.doc, c);
      if (pin) fixes.push(pin);
      if (pull.defaulted) {
        const explicitFix = pullPolicyFix(ctx.doc, c, pull.policy);
        if (explicitFix) fixes.push(explicitFix);
      }
      ctx.report({
        path: [...c.path, 'image'],
        range: image.range,
        message: image.ref.tagImplicit
          ? 'No image tag: the kubelet pulls :latest, so which version runs is not reproducible'
          : 'The :latest tag: which version runs is not reproducible',
        detail:
          `${what}. ${policy}Which version runs is not reproducible: nodes that pulled at different times run ` +
          'different images, and a rollback pulls whatever latest is today. Pin a version tag (or a digest).',
        fixes,
      });
    }
  },
};
