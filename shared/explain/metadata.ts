/** Labels and annotations: what a well-known key means, who sets it, and what a pod template's labels do. */
import { type KnownKey, knownAnnotation, knownLabel } from '../k8s/knownLabels';
import type { PodView } from '../model';
import { code } from './text';

function knownLines(k: KnownKey): string[] {
  const lines = [`${code(k.key)}: ${k.meaning}`];
  if (k.managed) lines.push(`Set by ${k.managed}: writing it by hand is usually a mistake.`);
  if (k.convention) lines.push(`A convention of ${k.convention}.`);
  if (k.deprecated) lines.push(`Deprecated: ${k.deprecated}`);
  return lines;
}

/** A label or annotation key under `metadata`; `template` is set for a workload's pod template. */
export function explainMetadataKey(
  kind: 'labels' | 'annotations',
  key: string,
  pod?: PodView,
  template = false,
): string[] {
  const known = kind === 'labels' ? knownLabel(key) : knownAnnotation(key);
  const lines = known ? knownLines(known) : [];
  if (!known && kind === 'labels' && key.startsWith('app.kubernetes.io/')) {
    lines.push(
      `${code(key)} is not one of the recommended ${code('app.kubernetes.io/*')} labels (name, instance, version, component, part-of, managed-by).`,
    );
  }
  if (kind === 'labels' && template && pod) {
    lines.push(
      `Pod template label: every Pod of this ${pod.workload} carries it, and the controller's selector must match it.`,
    );
  }
  if (kind === 'annotations' && key === 'kubectl.kubernetes.io/default-container' && pod) {
    const names = [...pod.containers, ...pod.initContainers].flatMap((c) =>
      c.name.kind === 'value' ? [c.name.value] : [],
    );
    lines.push(`Containers here: ${names.map(code).join(', ') || '(none)'}`);
  }
  return lines;
}
