/**
 * What kustomize changes in an object it builds, applied to the model so every rule, hover and simulation sees the
 * value kustomize sends: container images (`images:` newName/newTag/digest). Labels, selectors, namespace and
 * replicas are read from the document's `kustomize` context by the lint engine and the hovers.
 */

import type { ImageOverride, KustomizeContext } from './kustomize';
import { resolvePod } from './resolvedPod';
import type { PodView } from './types';

/** An image reference without its tag and digest, as kustomize's image transformer matches `images[].name`. */
function imageName(image: string): string {
  const noDigest = image.split('@')[0] ?? image;
  const colon = noDigest.lastIndexOf(':');
  return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}

/** The image kustomize writes for `image`, or undefined when no override names it. */
export function kustomizedImage(image: string, overrides: readonly ImageOverride[]): string | undefined {
  const name = imageName(image);
  const o = overrides.find((x) => x.name === name);
  if (!o) return undefined;
  const newName = o.newName ?? name;
  if (o.digest) return `${newName}@${o.digest}`;
  if (o.newTag) return `${newName}:${o.newTag}`;
  return newName + image.slice(name.length);
}

/** The part of a ManifestDocument kustomize changes (a structural type: document.ts calls this module). */
interface KustomizedDocument {
  pod?: PodView;
  kustomize?: KustomizeContext;
}

export function applyKustomization(doc: KustomizedDocument, kustomize: KustomizeContext): void {
  doc.kustomize = kustomize;
  const pod = doc.pod;
  if (!pod || kustomize.images.length === 0) return;
  for (const c of resolvePod(pod).views) {
    const f = c.image;
    if (f.kind !== 'value') continue;
    const value = kustomizedImage(f.value, kustomize.images);
    if (value === undefined) continue;
    c.image = { kind: 'value', value, range: f.range, keyRange: f.keyRange };
    c.imageAsWritten = f.value;
  }
}
