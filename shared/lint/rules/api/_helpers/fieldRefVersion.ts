/**
 * Whether a downward API fieldRef's apiVersion is one the API server can convert, read by the env and volume-file
 * rules alike (validateObjectFieldSelector, pkg/apis/core/validation/validation.go, v1.36).
 */
import type { YAMLMap } from 'yaml';
import { readers } from '../../../../model';
import type { RuleContext } from '../../../types';

/**
 * A fieldRef apiVersion other than v1 (an omitted one is defaulted to v1): ConvertDownwardAPIFieldLabel cannot
 * convert the path, and validateObjectFieldSelector reports that on `fieldPath`.
 */
export function unsupportedVersion(ctx: RuleContext, fieldRef: YAMLMap | undefined): string | undefined {
  const v = readers.string(ctx.doc.ctx, fieldRef, 'apiVersion');
  return v.kind === 'value' && v.value !== '' && v.value !== 'v1' ? v.value : undefined;
}
