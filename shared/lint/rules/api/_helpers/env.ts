/**
 * Environment checks of ValidateEnv / validateEnvVarValueFrom / ValidateEnvFrom. `invalid-env-name`: names (and
 * envFrom prefixes) under the relaxed rule the v1.34 API server applies by default (RelaxedEnvironmentVariableValidation
 * is GA: printable ASCII except `=`). `invalid-env-source`: `value` together with `valueFrom`, a valueFrom with no or
 * several sources, an unsupported fieldRef path or apiVersion, or resourceFieldRef resource/divisor, an invalid
 * ConfigMap/Secret name or key, and an envFrom entry without exactly one of configMapRef/secretRef.
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
