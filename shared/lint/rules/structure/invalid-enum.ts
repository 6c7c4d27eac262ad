/**
 * `invalid-enum`: a value outside the field's enumeration (`imagePullPolicy: always`, `protocol: tcp`). Validation
 * compares case-sensitively and answers `Unsupported value: "always": supported values: "Always", …`
 * (validatePullPolicy, validateRestartPolicy, validateDNSPolicy, validateContainerPorts in validation.go). An explicit
 * empty string is defaulted before validation, so it is never reported.
 */
import { formatPath } from '../../../util/range';
import { quoted } from '../../message';
import { suggest } from '../../suggest';
import type { Fix, Rule } from '../../types';
import { schemaIssues } from './_helpers/walk';

export const invalidEnumRule: Rule = {
  meta: {
    id: 'invalid-enum',
    family: 'structure',
    severity: 'error',
    summary: "A value that is not one of the field's allowed values (they are case-sensitive).",
  },
  check(ctx) {
    for (const issue of schemaIssues(ctx.doc, ctx.target)) {
      if (issue.kind !== 'enum') continue;
      const guess = suggest(issue.value, issue.allowed);
      const fixes: Fix[] | undefined = guess
        ? [{ title: `Change to "${guess}"`, edits: [{ range: issue.range, newText: guess }], isPreferred: true }]
        : undefined;
      const supported = issue.allowed.map((v) => JSON.stringify(v)).join(', ');
      ctx.report({
        path: issue.path,
        range: issue.range,
        message: guess
          ? `Unsupported value ${quoted(String(issue.value))}: did you mean "${guess}"? (values are case-sensitive)`
          : `${formatPath(issue.path)}: Unsupported value: ${JSON.stringify(issue.value)}: supported values: ${supported}`,
        ...(guess && {
          detail: `${formatPath(issue.path)}: Unsupported value: ${JSON.stringify(issue.value)}: supported values: ${supported}`,
        }),
        ...(fixes && { fixes }),
      });
    }
  },
};
