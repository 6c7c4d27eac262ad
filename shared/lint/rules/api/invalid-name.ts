/**
 * `invalid-name`: the object's own metadata (ValidateObjectMeta with the kind's name function): a DNS-1123 subdomain,
 * a DNS label for StatefulSets (NameIsDNSLabel), at most 52 characters for CronJobs (the controller appends an
 * 11-character suffix), at most 63 for Jobs (the name becomes the job-name label value); namespace a DNS label.
 */
import { maxLenError, nameIsDNSLabel, nameIsDNSSubdomain } from '../../../k8s/names';
import type { Field } from '../../../model';
import type { Rule, RuleContext } from '../../types';
import { invalid } from './_helpers/util';

function checkName(ctx: RuleContext, field: Field<string>, path: string[], errors: string[]) {
  if (field.kind !== 'value') return;
  for (const msg of errors) ctx.report({ path, range: field.range, message: invalid(path, field.value, msg) });
}

export const invalidNameRule: Rule = {
  meta: {
    id: 'invalid-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'metadata.name, generateName or namespace breaks the naming rules of the kind (DNS-1123, length).',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const { name, generateName, namespace } = pod.metadata;
    const label = pod.workload === 'StatefulSet';
    const nameFn = (value: string, prefix: boolean) =>
      label ? nameIsDNSLabel(value, prefix) : nameIsDNSSubdomain(value, prefix);
    if (name.kind === 'value' && name.value !== '') {
      const errors = nameFn(name.value, false);
      // ValidateCronJobCreate: 63 (DNS-1035 label) minus the 11-character suffix of the Jobs it creates.
      if (pod.workload === 'CronJob' && name.value.length > 52) errors.push(maxLenError(52));
      // The Job controller puts the name in the job-name label, whose values are at most 63 characters.
      if (pod.workload === 'Job' && name.value.length > 63 && errors.length === 0) errors.push(maxLenError(63));
      checkName(ctx, name, ['metadata', 'name'], errors);
    }
    if (generateName.kind === 'value' && generateName.value !== '' && name.kind !== 'value') {
      checkName(ctx, generateName, ['metadata', 'generateName'], nameFn(generateName.value, true));
    }
    if (namespace.kind === 'value' && namespace.value !== '') {
      checkName(ctx, namespace, ['metadata', 'namespace'], nameIsDNSLabel(namespace.value, false));
    }
  },
};
