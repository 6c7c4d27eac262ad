/**
 * `invalid-file-mode`: defaultMode and per-file mode of configMap, secret, downwardAPI and projected volumes must lie
 * in 0..0777 (validation.go, v1.36: "must be a number between 0 and 0777 (octal), both inclusive"). kubectl reads
 * YAML 1.1, so `0644` is octal (420) while `644` or `777` are decimal and too large: the usual mistake.
 */
import type { YAMLMap } from 'yaml';
import type { FieldPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { int } from './_helpers/items';
import { mapAt, reportPodSpec } from './_helpers/util';
import { fileSources } from './_helpers/volumeFiles';

const MAX_MODE = 0o777;

function checkMode(ctx: RuleContext, map: YAMLMap | undefined, key: string, path: FieldPath) {
  const mode = int(ctx, map, key);
  if (mode.kind !== 'value' || (mode.value >= 0 && mode.value <= MAX_MODE)) return;
  const hint =
    mode.value > MAX_MODE && /^[0-7]{3,4}$/.test(String(mode.value)) ? ` (write 0${mode.value} for octal)` : '';
  reportPodSpec(ctx, {
    path,
    range: mode.range,
    message: `File mode ${mode.value} is outside 0-0777 (octal)${hint}.`,
  });
}

export const invalidFileModeRule: Rule = {
  meta: {
    id: 'invalid-file-mode',
    family: 'api-validation',
    severity: 'error',
    summary: 'A volume defaultMode or file mode outside 0-0777 (often a decimal 644 meant as octal 0644).',
  },
  check(ctx) {
    const doc = ctx.doc.ctx;
    for (const v of ctx.pod?.volumes ?? []) {
      const vmap = mapAt(ctx.doc, v.path);
      for (const key of ['configMap', 'secret', 'downwardAPI', 'projected']) {
        const m = doc.asMap(doc.get(vmap, key));
        if (m) checkMode(ctx, m, 'defaultMode', [...v.path, key, 'defaultMode']);
      }
    }
    for (const source of fileSources(ctx))
      for (const f of source.files) checkMode(ctx, f.item.map, 'mode', [...f.errorPath, 'mode']);
  },
};
