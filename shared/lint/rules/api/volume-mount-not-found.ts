/**
 * `volume-mount-not-found` (ValidateVolumeMounts): a mount naming no volume is NotFound; a StatefulSet's
 * volumeClaimTemplates count as volumes.
 */
import { readers, resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { mapAt, notFound, reportPodSpec } from './_helpers/util';

export const volumeMountNotFoundRule: Rule = {
  meta: {
    id: 'volume-mount-not-found',
    family: 'api-validation',
    severity: 'error',
    summary: 'A volumeMount names a volume the pod does not define.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const volumes = new Set<string>();
    for (const v of pod.volumes) if (v.name.kind === 'value') volumes.add(v.name.value);
    if (pod.workload === 'StatefulSet') {
      const templates = ctx.doc.ctx.asSeq(ctx.doc.ctx.get(mapAt(ctx.doc, ['spec']), 'volumeClaimTemplates'));
      for (const t of templates?.items ?? []) {
        const name = readers.string(
          ctx.doc.ctx,
          ctx.doc.ctx.asMap(ctx.doc.ctx.get(ctx.doc.ctx.asMap(t), 'metadata')),
          'name',
        );
        if (name.kind === 'value') volumes.add(name.value);
      }
    }
    for (const c of resolvePod(pod).views) {
      for (const m of c.volumeMounts) {
        if (m.name.kind !== 'value' || m.name.value === '' || volumes.has(m.name.value)) continue;
        const path = [...m.path, 'name'];
        const known = [...volumes].map((n) => `"${n}"`).join(', ');
        reportPodSpec(ctx, {
          path,
          range: m.name.range,
          message: notFound(path, m.name.value),
          detail: `No volume in spec.volumes has this name${known ? ` (volumes: ${known})` : ''}.`,
          needsWholeObject: true,
        });
      }
    }
  },
};
