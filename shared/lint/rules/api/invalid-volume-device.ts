/**
 * `invalid-volume-device`: raw block devices a container asks for (ValidateVolumeDevices,
 * pkg/apis/core/validation/validation.go, v1.36). Each names a volume of the pod that is a persistentVolumeClaim or
 * an ephemeral volume (a StatefulSet's volumeClaimTemplates count as claims), once; each devicePath is unique in the
 * container, has no `..` segment and is not also a mountPath. Missing names and paths are missing-required-field.
 */
import { readers, resolvePod } from '../../../model';
import type { FieldPath, Range } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { listItems, str } from './_helpers/items';
import { invalid, mapAt, notFound, reportPodSpec } from './_helpers/util';

/** Volume name -> whether it can back a block device (a claim, directly or through an ephemeral template). */
function blockCapable(ctx: RuleContext): Map<string, boolean> {
  const doc = ctx.doc.ctx;
  const out = new Map<string, boolean>();
  for (const v of ctx.pod?.volumes ?? []) {
    if (v.name.kind !== 'value') continue;
    const m = mapAt(ctx.doc, v.path);
    out.set(v.name.value, doc.get(m, 'persistentVolumeClaim') != null || doc.get(m, 'ephemeral') != null);
  }
  if (ctx.pod?.workload === 'StatefulSet') {
    for (const t of listItems(ctx, mapAt(ctx.doc, ['spec']), ['spec'], 'volumeClaimTemplates')) {
      const name = readers.string(doc, doc.asMap(doc.get(t.map, 'metadata')), 'name');
      if (name.kind === 'value') out.set(name.value, true);
    }
  }
  return out;
}

export const invalidVolumeDeviceRule: Rule = {
  meta: {
    id: 'invalid-volume-device',
    family: 'api-validation',
    severity: 'error',
    summary: 'A volumeDevice naming no claim-backed volume, twice, or with a devicePath that is reused or has `..`.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const volumes = blockCapable(ctx);
    const report = (path: FieldPath, range: Range, message: string) => reportPodSpec(ctx, { path, range, message });
    for (const c of resolvePod(pod).views) {
      const mountPaths = new Set(
        c.volumeMounts.flatMap((m) => (m.mountPath.kind === 'value' ? [m.mountPath.value] : [])),
      );
      const names = new Set<string>();
      const paths = new Set<string>();
      for (const d of listItems(ctx, mapAt(ctx.doc, c.path), c.path, 'volumeDevices')) {
        const name = str(ctx, d.map, 'name');
        if (name.kind === 'value' && name.value !== '') {
          const np = [...d.path, 'name'];
          const capable = volumes.get(name.value);
          if (names.has(name.value)) report(np, name.range, invalid(np, name.value, 'must be unique'));
          if (capable === undefined) report(np, name.range, notFound(np, name.value));
          else if (!capable)
            report(
              np,
              name.range,
              invalid(
                np,
                name.value,
                'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
              ),
            );
          names.add(name.value);
        }
        const dev = str(ctx, d.map, 'devicePath');
        if (dev.kind !== 'value' || dev.value === '') continue;
        const dp = [...d.path, 'devicePath'];
        if (paths.has(dev.value)) report(dp, dev.range, invalid(dp, dev.value, 'must be unique'));
        if (dev.value.split('/').includes('..'))
          report(dp, dev.range, invalid(dp, dev.value, "can not contain backsteps ('..')"));
        if (mountPaths.has(dev.value)) report(dp, dev.range, invalid(dp, dev.value, 'must not be a mount path'));
        paths.add(dev.value);
      }
    }
  },
};
