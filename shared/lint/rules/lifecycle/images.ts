/**
 * latest-tag, pull-policy-never and private-registry-no-pull-secret: how the kubelet will get the image
 * (the Kubernetes v1.36 kubelet pull-policy defaulting, §6 the pull decision table and image back-off). Image references
 * are read with the kubelet's own parser (../../../k8s/imageRef); unparsable ones are api-validation's.
 */
import { effectivePullPolicy, type ImageRef, isPublicRegistry, parseImageRef } from '../../../k8s';
import type { ContainerView } from '../../../model';
import type { Range } from '../../../util/range';
import { pinTagFix, pullPolicyFix } from '../../fixes';
import { quoted } from '../../message';
import type { Fix, Rule } from '../../types';
import { allContainers, describeContainer } from './_helpers/containers';

function imageOf(c: ContainerView): { text: string; ref: ImageRef; range: Range } | undefined {
  if (c.image.kind !== 'value') return undefined;
  const parsed = parseImageRef(c.image.value);
  return parsed.ok ? { text: c.image.value, ref: parsed.ref, range: c.image.range } : undefined;
}

export const latestTag: Rule = {
  meta: {
    id: 'latest-tag',
    family: 'lifecycle',
    severity: 'warning',
    bestPractice: true,
    summary: 'The image has no tag or uses :latest: the pull policy becomes Always and versions drift.',
  },
  check(ctx) {
    for (const c of ctx.pod ? allContainers(ctx.pod) : []) {
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

export const pullPolicyNever: Rule = {
  meta: {
    id: 'pull-policy-never',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'imagePullPolicy: Never: the container fails unless the image is already on the node.',
  },
  check(ctx) {
    for (const c of ctx.pod ? allContainers(ctx.pod) : []) {
      const f = c.imagePullPolicy;
      if (f.kind !== 'value' || f.value !== 'Never') continue;
      const image = c.image.kind === 'value' ? c.image.value : '<image>';
      const fix = pullPolicyFix(ctx.doc, c, 'IfNotPresent');
      ctx.report({
        path: [...c.path, 'imagePullPolicy'],
        range: f.range,
        message: 'imagePullPolicy: Never: the container starts only where the image is already present',
        detail:
          `imagePullPolicy: Never on ${describeContainer(c)}: the kubelet never pulls. On a node that does not ` +
          `already have "${image}" (pre-pulled, or loaded with kind/minikube), the container waits with ` +
          `ErrImageNeverPull — Container image "${image}" is not present with pull policy of Never — retried ` +
          'every 10–15 s, and the pod stays Pending. Use IfNotPresent unless every node is guaranteed to have it.',
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

export const privateRegistryNoPullSecret: Rule = {
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
    for (const c of allContainers(pod)) {
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
