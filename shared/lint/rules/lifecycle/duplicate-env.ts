/**
 * duplicate-env: the same env name twice in one container. The API server accepts it with a warning
 * (pkg/api/pod/warnings.go, Kubernetes v1.36 validation.go): the later entry wins, and `kubectl apply`'s merge
 * keyed on the name may drop one of them on the next apply.
 */
import type { Range } from '../../../util/range';
import { quoted } from '../../message';
import type { Rule } from '../../types';
import { allContainers, capitalize, describeContainer } from './_helpers/containers';

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
    for (const c of ctx.pod ? allContainers(ctx.pod) : []) {
      const first = new Map<string, { index: number; range: Range }>();
      for (const env of c.env) {
        if (env.name.kind !== 'value') continue;
        const name = env.name.value;
        const prev = first.get(name);
        if (!prev) {
          first.set(name, { index: env.index, range: env.name.range });
          continue;
        }
        const value = env.value.kind === 'value' ? env.value.value : undefined;
        if (extendsPrevious(name, value, env.valueFrom !== undefined)) continue;
        ctx.report({
          path: [...env.path, 'name'],
          range: env.name.range,
          message: `env ${quoted(name)} is defined again (first at env[${prev.index}]): the later one wins`,
          detail:
            `${capitalize(describeContainer(c))} defines env "${name}" again (first at env[${prev.index}]); the later ` +
            'definition wins and the API server only warns ("hides previous definition"). `kubectl apply` ' +
            'merges env by name, so one of the two may be dropped on the next apply.',
          related: [{ range: prev.range, message: `first definition of "${name}"` }],
        });
      }
    }
  },
};
