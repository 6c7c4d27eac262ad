/**
 * recommended-labels: the object lacks `app.kubernetes.io/name`, the first of the labels Kubernetes recommends
 * for every object (name, instance, version, component, part-of, managed-by). Tools such as dashboards and
 * `kubectl get -l` rely on a shared vocabulary; nothing in the cluster requires it, hence only a hint.
 */
import { blockMapAt, tabStop, upsertBlock, yamlPlain } from '../../fixes';
import type { Fix, Rule, RuleContext } from '../../types';

const NAME_LABEL = 'app.kubernetes.io/name';
const RECOMMENDED = ['name', 'instance', 'version', 'component', 'part-of', 'managed-by'].map(
  (l) => `app.kubernetes.io/${l}`,
);

function addLabelFix(ctx: RuleContext, value: string): Fix | undefined {
  const metadata = blockMapAt(ctx.doc.ctx, ['metadata']);
  const edit = metadata ? upsertBlock(ctx.doc.ctx, metadata, 'labels', { [NAME_LABEL]: value }) : undefined;
  return edit ? { title: `Add the ${NAME_LABEL} label`, snippet: true, edits: [edit] } : undefined;
}

export const recommendedLabelsRule: Rule = {
  meta: {
    id: 'recommended-labels',
    family: 'metadata',
    severity: 'hint',
    bestPractice: true,
    summary: 'The object has no app.kubernetes.io/name label (recommended labels).',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const { labels, labelsRange, keyRange, name } = pod.metadata;
    if (labels.has(NAME_LABEL) || [...labels.values()].some((l) => l.value.kind === 'template')) return;
    const range = labelsRange ?? keyRange;
    if (!range) return;
    const missing = RECOMMENDED.filter((l) => !labels.has(l));
    const value = tabStop(1, name.kind === 'value' && name.value ? yamlPlain(name.value) : 'name');
    const fix = addLabelFix(ctx, value);
    ctx.report({
      path: labelsRange ? ['metadata', 'labels'] : ['metadata'],
      range,
      needsWholeObject: true,
      message: `No ${NAME_LABEL} label`,
      detail: `Recommended labels, which tools such as dashboards and kubectl group by: ${missing.join(', ')}.`,
      fixes: fix ? [fix] : undefined,
    });
  },
};
