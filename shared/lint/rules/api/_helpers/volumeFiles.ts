/**
 * The files a configMap, secret, downwardAPI or projected volume writes, as ValidateVolumes walks them
 * (pkg/apis/core/validation/validation.go, v1.36): where each file's path and mode sit and which API path an error
 * about it gets. Downward API files report on their source (`…downwardAPI.path`, no item index), as upstream does.
 */
import type { YAMLMap } from 'yaml';
import type { FieldPath } from '../../../../util/range';
import type { RuleContext } from '../../../types';
import { type ListItem, listItems } from './items';
import { mapAt } from './util';

export interface VolumeFile {
  item: ListItem;
  /** Where errors about this file's path, mode and selectors are reported. */
  errorPath: FieldPath;
  kind: 'keyToPath' | 'downwardAPI';
}

export interface FileSource {
  /** The source map (configMap, secret, downwardAPI, or one projected source's inner map). */
  map: YAMLMap;
  path: FieldPath;
  files: VolumeFile[];
}

function filesOf(ctx: RuleContext, map: YAMLMap, path: FieldPath, kind: VolumeFile['kind']): VolumeFile[] {
  return listItems(ctx, map, path, 'items').map((item) => ({
    item,
    errorPath: kind === 'downwardAPI' ? path : item.path,
    kind,
  }));
}

/** Every file-writing source of the pod's volumes, projected sources included. */
export function fileSources(ctx: RuleContext): FileSource[] {
  const doc = ctx.doc.ctx;
  const out: FileSource[] = [];
  for (const v of ctx.pod?.volumes ?? []) {
    const vmap = mapAt(ctx.doc, v.path);
    for (const key of ['configMap', 'secret', 'downwardAPI'] as const) {
      const m = doc.asMap(doc.get(vmap, key));
      if (m)
        out.push({
          map: m,
          path: [...v.path, key],
          files: filesOf(ctx, m, [...v.path, key], key === 'downwardAPI' ? 'downwardAPI' : 'keyToPath'),
        });
    }
    const projected = doc.asMap(doc.get(vmap, 'projected'));
    for (const s of listItems(ctx, projected, [...v.path, 'projected'], 'sources')) {
      for (const key of ['configMap', 'secret', 'downwardAPI'] as const) {
        const m = doc.asMap(doc.get(s.map, key));
        if (m)
          out.push({
            map: m,
            path: [...s.path, key],
            files: filesOf(ctx, m, [...s.path, key], key === 'downwardAPI' ? 'downwardAPI' : 'keyToPath'),
          });
      }
    }
  }
  return out;
}
