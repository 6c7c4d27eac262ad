/**
 * `invalid-topology-spread`: what validateTopologySpreadConstraints (pkg/apis/core/validation/validation.go, v1.36)
 * rejects: maxSkew and minDomains above 0, minDomains only with whenUnsatisfiable DoNotSchedule, one
 * constraint per {topologyKey, whenUnsatisfiable} (reported on the first), a valid labelSelector, and matchLabelKeys
 * that are label keys and need a labelSelector. Enum spellings are `invalid-enum`. A matchLabelKeys key that the
 * selector already names is rejected on templates; on a Pod the API server first merges matchLabelKeys into the
 * selector (MatchLabelKeysInPodTopologySpreadSelectorMerge), so podlens does not guess there.
 */
import { isQualifiedName } from '../../../k8s/names';
import type { Rule } from '../../types';
import { int, itemString, keyRange, listItems, quote, str, valueOr } from './_helpers/items';
import { selectorKeys, selectorProblems } from './_helpers/selector';
import { mapAt, reportPodSpec } from './_helpers/util';

export const invalidTopologySpreadRule: Rule = {
  meta: {
    id: 'invalid-topology-spread',
    family: 'api-validation',
    severity: 'error',
    summary: 'A topology spread constraint with maxSkew/minDomains below 1, a repeated key, or a bad selector.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const doc = ctx.doc.ctx;
    const constraints = listItems(ctx, mapAt(ctx.doc, pod.specPath), pod.specPath, 'topologySpreadConstraints');
    const seen = new Set<string>();
    // ValidateSpreadConstraintNotRepeat compares the decoded strings: an absent field is "".
    const identities = constraints.map(
      (c) => `${valueOr(str(ctx, c.map, 'topologyKey'), '')}\u0000${valueOr(str(ctx, c.map, 'whenUnsatisfiable'), '')}`,
    );
    constraints.forEach((c, i) => {
      const m = c.map;
      if (!m) return;
      const skew = int(ctx, m, 'maxSkew');
      if (skew.kind === 'value' && skew.value <= 0)
        reportPodSpec(ctx, {
          path: [...c.path, 'maxSkew'],
          range: skew.range,
          message: `maxSkew must be greater than 0 (got ${skew.value}).`,
        });
      // An empty topologyKey is missing-required-field (the schema requires it): one root cause, one error.
      const key = str(ctx, m, 'topologyKey');
      const when = str(ctx, m, 'whenUnsatisfiable');
      const id = identities[i] as string;
      if (!seen.has(id) && identities.indexOf(id, i + 1) > i && key.kind === 'value')
        reportPodSpec(ctx, {
          path: [...c.path, '{topologyKey, whenUnsatisfiable}'],
          range: key.range,
          message: `Another constraint repeats topologyKey ${quote(key.value)} with the same whenUnsatisfiable.`,
        });
      seen.add(id);
      const min = int(ctx, m, 'minDomains');
      if (min.kind === 'value') {
        const minPath = [...c.path, 'minDomains'];
        if (min.value <= 0)
          reportPodSpec(ctx, {
            path: minPath,
            range: min.range,
            message: `minDomains must be greater than 0 (got ${min.value}).`,
          });
        const action = when.kind === 'value' ? when.value : '';
        if (action !== 'DoNotSchedule' && when.kind !== 'template')
          reportPodSpec(ctx, {
            path: minPath,
            range: min.range,
            message: `minDomains needs whenUnsatisfiable DoNotSchedule, not ${quote(action)}.`,
            needsWholeObject: true,
          });
      }
      const selector = doc.asMap(doc.get(m, 'labelSelector'));
      for (const p of selectorProblems(ctx, selector, [...c.path, 'labelSelector'])) reportPodSpec(ctx, p);
      const keys = listItems(ctx, m, c.path, 'matchLabelKeys');
      const keysRange = keyRange(ctx, m, 'matchLabelKeys');
      if (keys.length > 0 && !selector && keysRange) {
        reportPodSpec(ctx, {
          path: [...c.path, 'matchLabelKeys'],
          range: keysRange,
          message: 'matchLabelKeys needs a labelSelector.',
        });
        return;
      }
      const inSelector = pod.workload === 'Pod' ? new Set<string>() : selectorKeys(ctx, selector);
      for (const k of keys) {
        const s = itemString(k);
        if (s === undefined) continue;
        if (isQualifiedName(s).length > 0)
          reportPodSpec(ctx, {
            path: k.path,
            range: k.range,
            message: `Label key ${quote(s)} is not a valid label key.`,
          });
        else if (inSelector.has(s))
          reportPodSpec(ctx, {
            path: k.path,
            range: k.range,
            message: `${quote(s)} is in both matchLabelKeys and labelSelector.`,
          });
      }
    });
  },
};
