/**
 * image-pull-secret-name: an imagePullSecrets entry with an empty or repeated name. The API server accepts it with a
 * warning (pkg/api/pod/warnings.go, Kubernetes v1.36), so this stays a warning.
 */
import { duplicates, nonEmptyValue } from '../../helpers/duplicates';
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
    const pathOf = (index: number) => [...pod.specPath, 'imagePullSecrets', index, 'name'];
    for (const s of pod.imagePullSecrets) {
      if (s.name.kind !== 'absent' && (s.name.kind !== 'value' || s.name.value !== '')) continue;
      ctx.report({
        path: pathOf(s.index),
        range: s.name.kind === 'value' ? s.name.range : s.range,
        message: `imagePullSecrets[${s.index}] has no name: the kubelet has no Secret to read`,
        detail:
          `imagePullSecrets[${s.index}] has no name. The API server accepts it with a warning ("invalid empty ` +
          'name"), and the kubelet has no Secret to read credentials from. Set the name of a ' +
          'kubernetes.io/dockerconfigjson Secret in the namespace, or remove the entry.',
      });
    }
    for (const [s, { first, key, firstKey }] of duplicates(pod.imagePullSecrets, (s) => nonEmptyValue(s.name))) {
      const name = key.value;
      ctx.report({
        path: pathOf(s.index),
        range: key.range,
        message: `imagePullSecrets[${s.index}] names ${quoted(name)} again`,
        detail:
          `imagePullSecrets[${s.index}] names "${name}" again (first at imagePullSecrets[${first.index}]). The API ` +
          'server accepts it with a warning ("duplicate name"); the repeat adds nothing, and `kubectl apply` ' +
          'merges the list by name, so it may drop an entry on the next apply. Remove the repeated entry.',
        related: [{ range: firstKey.range, message: `first use of "${name}"` }],
      });
    }
  },
};
