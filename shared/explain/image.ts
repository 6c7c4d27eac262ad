/**
 * What the kubelet does with a container's image: the reference with its implicit parts spelled out, the
 * pull policy after API defaulting and why (the Kubernetes v1.36 kubelet), and what that policy means on a node (§6).
 */
import { effectivePullPolicy, type ImageRef, type PullPolicy, parseImageRef } from '../k8s';
import type { ContainerView } from '../model';
import { code } from './text';

const MEANING: Record<PullPolicy, string> = {
  Always:
    'asks the registry at every container start and pulls only changed layers; if the registry is unreachable ' +
    'the start fails (ErrImagePull) even with the image cached',
  IfNotPresent: 'pulls only when the node does not have the image; a tag moved later is not picked up there',
  Never: 'never pulls: the image must already be on the node, or the container waits in ErrImageNeverPull',
};

const shortDigest = (d: string) => (d.length > 19 ? `${d.slice(0, 19)}…` : d);

function describeRef(ref: ImageRef): string {
  const implicitLibrary = ref.path.startsWith('library/') && !ref.raw.includes('library/');
  const parts = [
    `registry ${code(ref.domain || '(none)')}${ref.domainExplicit ? '' : ' (implicit)'}`,
    `repository ${code(ref.path)}${implicitLibrary ? ` (implicit ${code('library/')})` : ''}`,
  ];
  if (ref.tagImplicit) parts.push(`tag ${code('latest')} (implicit: no tag given)`);
  else if (ref.tag) parts.push(`tag ${code(ref.tag)}`);
  if (ref.digest) parts.push(`digest ${code(shortDigest(ref.digest))}`);
  return `Image: ${parts.join(' · ')}`;
}

/** The pull-policy line every container hover shares. */
export function pullPolicyLine(c: ContainerView): string {
  const image = c.image.kind === 'value' ? c.image.value : undefined;
  const explicit = c.imagePullPolicy.kind === 'value' ? c.imagePullPolicy.value : undefined;
  const eff = effectivePullPolicy(image, explicit);
  if (c.imagePullPolicy.kind === 'template') return `Pull policy: templated (${code(c.imagePullPolicy.raw)})`;
  const why = eff.defaulted ? `not set, so the API server defaults it: ${eff.reason}` : eff.reason;
  return `Pull policy: **${eff.policy}** (${why})`;
}

/** `image`: the parsed reference, what is pulled, and the pull policy. */
export function explainImage(c: ContainerView): string[] {
  if (c.image.kind === 'absent')
    return ['No image: the API server rejects a Pod container without one.', pullPolicyLine(c)];
  if (c.image.kind !== 'value')
    return [`Image is not a plain string here: ${code(c.image.kind === 'template' ? c.image.raw : c.image.got)}`];
  const parsed = parseImageRef(c.image.value);
  if (!parsed.ok) {
    return [
      `Invalid reference: ${parsed.error}. The kubelet reports InvalidImageName and never starts the container.`,
      pullPolicyLine(c),
    ];
  }
  return [describeRef(parsed.ref), `Pulls ${code(parsed.ref.canonical)}`, pullPolicyLine(c)];
}

/** `imagePullPolicy`: effective value and rule, the three policies on the node, digest pinning advice. */
export function explainPullPolicy(c: ContainerView): string[] {
  const image = c.image.kind === 'value' ? c.image.value : undefined;
  const explicit = c.imagePullPolicy.kind === 'value' ? c.imagePullPolicy.value : undefined;
  const eff = effectivePullPolicy(image, explicit);
  const parsed = image === undefined ? undefined : parseImageRef(image);
  const digest = parsed?.ok ? parsed.ref.digest : undefined;
  const lines = [pullPolicyLine(c)];
  for (const p of ['Always', 'IfNotPresent', 'Never'] as const) {
    lines.push(`${p === eff.policy ? '**' : ''}${p}${p === eff.policy ? '** (this container)' : ''}: ${MEANING[p]}`);
  }
  lines.push(
    digest
      ? `Pinned by digest ${code(shortDigest(digest))}: every node runs the same bytes, so IfNotPresent is safe.`
      : `Pin a digest (${code('name@sha256:…')}) for the same bytes on every node; a tag can move between pulls.`,
  );
  lines.push(
    'A failed pull is retried after 10 s, 20 s, 40 s … up to 300 s (ImagePullBackOff); the pod stays Pending with 0 restarts.',
  );
  return lines;
}
