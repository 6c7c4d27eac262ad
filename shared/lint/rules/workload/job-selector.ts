/**
 * `job-selector`: who chooses a Job's selector (pkg/apis/batch/validation/validation.go, v1.36, with the selector
 * generation of pkg/registry/batch/job/strategy.go). Without `manualSelector: true` the API server generates the
 * selector from the Job's uid, so a written selector that asks for anything else is "`selector` not
 * auto-generated", and template labels that contradict the generated ones (controller-uid, job-name) are rejected.
 * With `manualSelector: true` the selector is required and must match the template labels. A CronJob's jobTemplate
 * may set neither (ValidateJobTemplateSpec: "`selector` will be auto-generated").
 */
import { readers } from '../../../model';
import type { Range } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { matches, readSelector } from '../api/_helpers/workloadTemplates';
import { isSet, keyRangeIn, mapIn } from './_helpers/read';

const UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'];
const NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'];

function checkCronJob(ctx: RuleContext): void {
  const spec = ['spec', 'jobTemplate', 'spec'];
  const selector = keyRangeIn(ctx, spec, 'selector');
  if (selector && isSet(ctx, spec, 'selector')) {
    ctx.report({
      path: [...spec, 'selector'],
      range: selector,
      message: 'a jobTemplate may not set selector: it is generated',
    });
  }
  const manual = readers.bool(ctx.doc.ctx, mapIn(ctx, spec), 'manualSelector');
  if (manual.kind === 'value' && manual.value) {
    ctx.report({
      path: [...spec, 'manualSelector'],
      range: manual.range,
      message: 'a jobTemplate may not set manualSelector: true',
    });
  }
}

function checkManual(ctx: RuleContext, manualRange: Range): void {
  const selector = readSelector(ctx, false);
  if (!isSet(ctx, ['spec'], 'selector')) {
    ctx.report({
      path: ['spec', 'selector'],
      range: manualRange,
      message: 'manualSelector: true needs a selector',
      needsWholeObject: true,
    });
    return;
  }
  const pod = ctx.pod;
  if (!selector || !pod) return;
  const labels = new Map<string, string>();
  for (const [k, v] of pod.podMetadata.labels) if (v.value.kind === 'value') labels.set(k, v.value.value);
  if (selector.requirements.every((r) => matches(r, labels))) return;
  const range = pod.podMetadata.labelsRange ?? pod.podMetadata.keyRange ?? keyRangeIn(ctx, ['spec'], 'selector');
  if (!range) return;
  ctx.report({
    path: ['spec', 'template', 'metadata', 'labels'],
    range,
    message: 'the template labels do not match the manual selector',
    needsWholeObject: true,
  });
}

function checkGenerated(ctx: RuleContext): void {
  const pod = ctx.pod;
  if (!pod) return;
  const name = pod.metadata.name.kind === 'value' ? pod.metadata.name.value : undefined;
  const selectorKey = keyRangeIn(ctx, ['spec'], 'selector');
  const selector = readSelector(ctx, false);
  if (selectorKey && selector && !selector.empty) {
    // The generated labels the selector has to match; the uid is unknown before creation, the name with generateName.
    const expected = new Map(name === undefined ? [] : NAME_LABELS.map((k) => [k, name] as [string, string]));
    const decidable = selector.requirements.filter((r) => name !== undefined || !NAME_LABELS.includes(r.key));
    if (!decidable.every((r) => matches(r, expected))) {
      ctx.report({
        path: ['spec', 'selector'],
        range: selectorKey,
        message: '`selector` not auto-generated: set manualSelector: true to choose your own',
      });
    }
  }
  for (const [key, label] of pod.podMetadata.labels) {
    if (label.value.kind !== 'value') continue;
    const wrongName = NAME_LABELS.includes(key) && name !== undefined && label.value.value !== name;
    if (!wrongName && !UID_LABELS.includes(key)) continue;
    ctx.report({
      path: ['spec', 'template', 'metadata', 'labels', key],
      range: label.value.range,
      message: wrongName ? `label ${key} must be '${name}' (the Job's name)` : `label ${key} is set by the API server`,
    });
  }
}

export const jobSelectorRule: Rule = {
  meta: {
    id: 'job-selector',
    family: 'api-validation',
    severity: 'error',
    summary: 'A Job selector or generated label the API server rejects (manualSelector rules, jobTemplate selector).',
  },
  check(ctx) {
    const kind = ctx.pod?.workload;
    if (kind === 'CronJob') return checkCronJob(ctx);
    if (kind !== 'Job') return;
    const manual = readers.bool(ctx.doc.ctx, mapIn(ctx, ['spec']), 'manualSelector');
    if (manual.kind === 'value' && manual.value) checkManual(ctx, manual.range);
    else checkGenerated(ctx);
  },
};
