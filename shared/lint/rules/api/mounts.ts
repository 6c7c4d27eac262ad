/**
 * Volume mounts (ValidateVolumeMounts, validateLocalDescendingPath). `volume-mount-not-found`: a mount naming no volume
 * (NotFound; a StatefulSet's volumeClaimTemplates count as volumes). `duplicate-mount-path`: mountPath unique within
 * one container (two containers may share a path; one volume may be mounted twice). `invalid-sub-path`: subPath and
 * subPathExpr are relative, have no `..` segment and are not both set; upstream reports them on
 * `…volumeMounts.subPath`, without an index.
 */
import { readers } from '../../../model';
import type { Range } from '../../../util/range';
import type { Rule } from '../../types';
import { allContainers, invalid, mapAt, notFound, reportPodSpec } from './_helpers/util';

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
    for (const c of allContainers(pod)) {
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

export const duplicateMountPathRule: Rule = {
  meta: {
    id: 'duplicate-mount-path',
    family: 'api-validation',
    severity: 'error',
    summary: 'Two volumeMounts of one container use the same mountPath.',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of allContainers(ctx.pod)) {
      const seen = new Map<string, Range>();
      for (const m of c.volumeMounts) {
        if (m.mountPath.kind !== 'value' || m.mountPath.value === '') continue;
        const first = seen.get(m.mountPath.value);
        if (!first) {
          seen.set(m.mountPath.value, m.mountPath.range);
          continue;
        }
        const path = [...m.path, 'mountPath'];
        reportPodSpec(ctx, {
          path,
          range: m.mountPath.range,
          message: invalid(path, m.mountPath.value, 'must be unique'),
          related: [{ range: first, message: `First mount at ${m.mountPath.value}` }],
        });
      }
    }
  },
};

/** validateLocalDescendingPath */
function descendingPathErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.startsWith('/')) errs.push('must be a relative path');
  if (value.split('/').includes('..')) errs.push("must not contain '..'");
  return errs;
}

export const invalidSubPathRule: Rule = {
  meta: {
    id: 'invalid-sub-path',
    family: 'api-validation',
    severity: 'error',
    summary: "A volumeMount subPath/subPathExpr that is absolute or contains '..', or both set at once.",
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of allContainers(ctx.pod)) {
      const listPath = [...c.path, 'volumeMounts'];
      for (const m of c.volumeMounts) {
        const expr = readers.string(ctx.doc.ctx, mapAt(ctx.doc, m.path), 'subPathExpr');
        for (const [key, field] of [
          ['subPath', m.subPath],
          ['subPathExpr', expr],
        ] as const) {
          if (field.kind !== 'value' || field.value === '') continue;
          const path = [...listPath, key];
          for (const msg of descendingPathErrors(field.value)) {
            reportPodSpec(ctx, { path, range: field.range, message: invalid(path, field.value, msg) });
          }
        }
        if (expr.kind === 'value' && expr.value !== '' && m.subPath.kind === 'value' && m.subPath.value !== '') {
          const path = [...m.path, 'subPathExpr'];
          reportPodSpec(ctx, {
            path,
            range: expr.keyRange,
            message: invalid(path, expr.value, 'subPathExpr and subPath are mutually exclusive'),
          });
        }
      }
    }
  },
};
