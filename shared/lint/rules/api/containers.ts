/**
 * Container-level checks of validateContainerCommon / validateContainers / validateInitContainers:
 * `invalid-container-name` (a DNS-1123 label), `duplicate-container-name` (unique across init and regular
 * containers, reported where validation.go reports it), `image-whitespace` (Pods only: validateContainerOnlyForPod;
 * a warning on templates, whose Pods are rejected).
 */
import { isDNS1123Label } from '../../../k8s/names';
import type { ContainerView } from '../../../model';
import type { Rule } from '../../types';
import { allContainers, duplicate, invalid, reportPodOnly, reportPodSpec } from './_helpers/util';

export const invalidContainerNameRule: Rule = {
  meta: {
    id: 'invalid-container-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'A container name that is not a DNS-1123 label (lower case, digits and "-", at most 63 characters).',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of allContainers(ctx.pod)) {
      const name = c.name;
      if (name.kind !== 'value' || name.value === '') continue;
      const path = [...c.path, 'name'];
      for (const msg of isDNS1123Label(name.value)) {
        reportPodSpec(ctx, { path, range: name.range, message: invalid(path, name.value, msg) });
      }
    }
  },
};

export const duplicateContainerNameRule: Rule = {
  meta: {
    id: 'duplicate-container-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'Two containers share a name; names are unique across initContainers and containers.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const seen = new Map<string, ContainerView>();
    const check = (c: ContainerView) => {
      if (c.name.kind !== 'value' || c.name.value === '') return;
      const first = seen.get(c.name.value);
      if (!first) {
        seen.set(c.name.value, c);
        return;
      }
      const path = [...c.path, 'name'];
      const firstRange = first.name.kind === 'value' ? first.name.range : first.range;
      reportPodSpec(ctx, {
        path,
        range: c.name.range,
        message: duplicate(path, c.name.value),
        detail: `Another container in this pod is already named "${c.name.value}".`,
        related: [{ range: firstRange, message: `The other container named "${c.name.value}"` }],
      });
    };
    // validateContainers runs first, then validateInitContainers against every regular name: an init container
    // that repeats a regular container's name is the one reported, wherever it is written.
    for (const c of pod.containers) check(c);
    for (const c of pod.initContainers) check(c);
  },
};

export const imageWhitespaceRule: Rule = {
  meta: {
    id: 'image-whitespace',
    family: 'api-validation',
    severity: 'error',
    summary: 'A container image with leading or trailing whitespace (rejected for Pods; templates create such Pods).',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of allContainers(ctx.pod)) {
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
