/**
 * duplicate-env: the same env name twice in one container. The API server accepts it with a warning
 * (pkg/api/pod/warnings.go, Kubernetes v1.36 validation.go): the later entry wins, and `kubectl apply`'s merge
 * keyed on the name may drop one of them on the next apply.
 */
import { type EnvView, resolvePod } from '../../../model';
import { duplicates } from '../../helpers/duplicates';
import { quoted } from '../../message';
import type { Rule } from '../../types';
import { capitalize, describeContainer } from './_helpers/containers';

/**
 * A later entry that builds on the earlier one (`X: "$(X):/extra"`) is intentional; warnings.go stays silent
 * for it. It still warns when the later value is exactly `$(X)` or comes from `valueFrom`.
 */
function extendsPrevious(name: string, value: string | undefined, hasValueFrom: boolean): boolean {
  const ref = `$(${name})`;
  return !hasValueFrom && value !== undefined && value !== ref && value.includes(ref);
}

export const duplicateEnvRule: Rule = {
  meta: {
    id: 'duplicate-env',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'An env variable is defined twice in one container; the later one silently wins.',
  },
  check(ctx) {
    for (const c of ctx.pod ? resolvePod(ctx.pod).views : []) {
      const named = (env: EnvView) => (env.name.kind === 'value' ? env.name : undefined);
      for (const [env, { first: prev, key, firstKey }] of duplicates(c.env, named)) {
        const name = key.value;
        const value = env.value.kind === 'value' ? env.value.value : undefined;
        if (extendsPrevious(name, value, env.valueFrom !== undefined)) continue;
        ctx.report({
          path: [...env.path, 'name'],
          range: key.range,
          message: `env ${quoted(name)} is defined again (first at env[${prev.index}]): the later one wins`,
          detail:
            `${capitalize(describeContainer(c))} defines env "${name}" again (first at env[${prev.index}]); the later ` +
            'definition wins and the API server only warns ("hides previous definition"). `kubectl apply` ' +
            'merges env by name, so one of the two may be dropped on the next apply.',
          related: [{ range: firstKey.range, message: `first definition of "${name}"` }],
        });
      }
    }
  },
};
