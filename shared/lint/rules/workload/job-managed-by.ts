/**
 * `job-managed-by` (validateJobSpec in pkg/apis/batch/validation/validation.go, v1.36, with IsDomainPrefixedPath in
 * staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go): managedBy is a domain-prefixed path
 * (`example.com/controller`) of at most 63 characters.
 */
import { isDNS1123Subdomain } from '../../../k8s/names';
import type { Rule } from '../../types';
import { jobSpecPath, stringIn } from './_helpers/read';

const MAX_LENGTH = 63;
const HTTP_PATH = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;

/** IsDomainPrefixedPath: the first problem, if any. */
function domainPrefixedPathProblem(value: string): string | undefined {
  const slash = value.indexOf('/');
  const host = slash < 0 ? '' : value.slice(0, slash);
  const path = slash < 0 ? '' : value.slice(slash + 1);
  if (host === '' || path === '') return 'must be a domain-prefixed path such as "example.com/controller"';
  if (isDNS1123Subdomain(host).length > 0) return `its domain ${JSON.stringify(host)} is not a DNS subdomain`;
  if (!HTTP_PATH.test(path)) return 'its path has characters a URL path may not hold';
  return undefined;
}

export const jobManagedByRule: Rule = {
  meta: {
    id: 'job-managed-by',
    family: 'api-validation',
    severity: 'error',
    summary: 'A Job managedBy that is not a domain-prefixed path of at most 63 characters.',
  },
  check(ctx) {
    const spec = jobSpecPath(ctx);
    const f = spec && stringIn(ctx, spec, 'managedBy');
    if (!spec || f?.kind !== 'value') return;
    const path = [...spec, 'managedBy'];
    const problem = f.value === '' ? 'managedBy may not be empty' : domainPrefixedPathProblem(f.value);
    if (problem) ctx.report({ path, range: f.range, message: f.value === '' ? problem : `managedBy ${problem}` });
    if (f.value.length > MAX_LENGTH) {
      ctx.report({ path, range: f.range, message: `managedBy must be no more than ${MAX_LENGTH} characters` });
    }
  },
};
