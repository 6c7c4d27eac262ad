/**
 * `invalid-type`: a value of the wrong JSON type (`containerPort: "80"`, `value: 8080` for an env var, a map where a
 * list belongs). kubectl converts YAML with YAML 1.1 rules, so `on`, `yes` and `1.0` are not strings; the API server
 * then fails to decode the object (`cannot be handled as a Pod: json: cannot unmarshal …`) before any validation.
 */
import { isScalar } from 'yaml';
import type { FieldSchema } from '../../../k8s/schema';
import { resolvePlain } from '../../../yaml/scalar';
import type { Fix, Rule } from '../../types';
import { described, expected, goType, jsonKind } from './_helpers/describe';
import { type SchemaIssue, schemaIssues } from './_helpers/walk';

type TypeIssue = Extract<SchemaIssue, { kind: 'type' }>;

const QUOTABLE = new Set(['string', 'time', 'int-or-string', 'quantity']);

function isQuoted(issue: TypeIssue): boolean {
  return isScalar(issue.node) && (issue.node.type === 'QUOTE_DOUBLE' || issue.node.type === 'QUOTE_SINGLE');
}

function fits(field: FieldSchema, text: string): boolean {
  const s = resolvePlain(text);
  if (field.kind === 'integer') return s.type === 'int';
  if (field.kind === 'number') return s.type === 'int' || s.type === 'float';
  if (field.kind === 'boolean') return s.type === 'bool' && /^(true|false)$/.test(text);
  return false;
}

/** A short explanation and, where the intent is clear, a fix that quotes or unquotes the value. */
function advice(issue: TypeIssue): { hint: string; fix?: Fix } {
  const { got, field, range } = issue;
  const text = isScalar(issue.node) ? String(issue.node.value) : '';
  if (
    QUOTABLE.has(field.kind) &&
    (got.type === 'bool' || got.type === 'int' || got.type === 'float') &&
    !isQuoted(issue)
  ) {
    const quoted = JSON.stringify(text);
    const why =
      got.type === 'bool'
        ? ` kubectl reads YAML 1.1, where yes/no/on/off/y/n/true/false are booleans, so ${text} is not the string "${text}".`
        : '';
    return {
      hint: `${why} Quote it: ${quoted}.`,
      fix: { title: `Quote the value: ${quoted}`, edits: [{ range, newText: quoted }], isPreferred: true },
    };
  }
  if (got.type === 'string' && isQuoted(issue) && fits(field, got.value)) {
    return {
      hint: ` Remove the quotes: ${got.value}.`,
      fix: { title: `Remove the quotes: ${got.value}`, edits: [{ range, newText: got.value }], isPreferred: true },
    };
  }
  if (field.kind === 'integer' && (got.type === 'int' || got.type === 'float')) {
    return {
      hint: Number.isInteger(got.value) ? ` ${text} does not fit in ${goType(field)}.` : ' It must be a whole number.',
    };
  }
  if (field.kind === 'array' && got.type === 'map') return { hint: ' Start each entry with "- ".' };
  return { hint: '' };
}

export const invalidTypeRule: Rule = {
  meta: {
    id: 'invalid-type',
    family: 'structure',
    severity: 'error',
    summary:
      'A value of the wrong type (string for integer, map for list, YAML 1.1 boolean for string): decoding fails.',
  },
  check(ctx) {
    for (const issue of schemaIssues(ctx.doc, ctx.target)) {
      if (issue.kind !== 'type') continue;
      const key = issue.path.filter((p) => typeof p === 'string').at(-1) ?? 'value';
      const { hint, fix } = advice(issue);
      const kind = jsonKind(issue.got);
      const got = issue.got;
      const value = got.type === 'int' || got.type === 'float' ? ` ${got.value}` : '';
      ctx.report({
        path: issue.path,
        range: issue.range,
        message: `${key} must be ${expected(issue.field)}, not ${described(issue.got)}`,
        detail:
          `${hint.trim()}${hint ? ' ' : ''}The API server cannot decode ` +
          `the object: json: cannot unmarshal ${kind}${value} into Go struct field ${issue.goField} of type ${goType(issue.field)}`,
        ...(fix && { fixes: [fix] }),
      });
    }
  },
};
