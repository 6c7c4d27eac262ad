/**
 * `init-container-probes` (validateInitContainers): a plain init container (no restartPolicy: Always) may not have
 * probes or lifecycle hooks; a sidecar may.
 */
import type { Rule } from '../../types';
import { forbidden, mapAt, reportPodSpec, setKeys } from './_helpers/util';

export const initContainerProbesRule: Rule = {
  meta: {
    id: 'init-container-probes',
    family: 'api-validation',
    severity: 'error',
    summary: 'Probes or lifecycle hooks on an init container that is not a sidecar (restartPolicy: Always).',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of ctx.pod.initContainers) {
      if (c.role !== 'init') continue;
      const present = setKeys(ctx.doc, mapAt(ctx.doc, c.path)).filter((k) =>
        ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'].includes(k.key),
      );
      for (const { key, keyRange } of present) {
        const path = [...c.path, key];
        reportPodSpec(ctx, {
          path,
          range: keyRange,
          message: forbidden(path, 'may not be set for init containers without restartPolicy=Always'),
          detail:
            'An init container runs to completion before the app starts; add restartPolicy: Always to make it a sidecar that is probed.',
        });
      }
    }
  },
};
