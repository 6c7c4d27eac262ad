/**
 * image-pull-secret-name: an imagePullSecrets entry with an empty or repeated name. The API server accepts it with a
 * warning (pkg/api/pod/warnings.go, Kubernetes v1.36), so this stays a warning.
 */
import type { Range } from '../../../util/range';
import { quoted } from '../../message';
import type { Rule } from '../../types';

export const imagePullSecretNameRule: Rule = {
  meta: {
    id: 'image-pull-secret-name',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'An imagePullSecrets entry has an empty name or repeats an earlier one; the API server only warns.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const first = new Map<string, { index: number; range: Range }>();
    for (const s of pod.imagePullSecrets) {
      const path = [...pod.specPath, 'imagePullSecrets', s.index, 'name'];
      if (s.name.kind === 'template' || s.name.kind === 'invalid') continue;
      if (s.name.kind === 'absent' || s.name.value === '') {
        ctx.report({
          path,
          range: s.name.kind === 'value' ? s.name.range : s.range,
          message: `imagePullSecrets[${s.index}] has no name: the kubelet has no Secret to read`,
          detail:
            `imagePullSecrets[${s.index}] has no name. The API server accepts it with a warning ("invalid empty ` +
            'name"), and the kubelet has no Secret to read credentials from. Set the name of a ' +
            'kubernetes.io/dockerconfigjson Secret in the namespace, or remove the entry.',
        });
        continue;
      }
      const name = s.name.value;
      const prev = first.get(name);
      if (!prev) {
        first.set(name, { index: s.index, range: s.name.range });
        continue;
      }
      ctx.report({
        path,
        range: s.name.range,
        message: `imagePullSecrets[${s.index}] names ${quoted(name)} again`,
        detail:
          `imagePullSecrets[${s.index}] names "${name}" again (first at imagePullSecrets[${prev.index}]). The API ` +
          'server accepts it with a warning ("duplicate name"); the repeat adds nothing, and `kubectl apply` ' +
          'merges the list by name, so it may drop an entry on the next apply. Remove the repeated entry.',
        related: [{ range: prev.range, message: `first use of "${name}"` }],
      });
    }
  },
};
