/** `--kubernetes-version 1.31` and `--feature-gates A=true,B=false`: the target cluster, over `.podlens.yaml`'s. */
import type { LintConfig } from '../../shared/lint';
import { KUBERNETES_VERSIONS, minorOfVersion } from '../../shared/settings';
import { UsageError } from './io';

const GATE = /^([A-Za-z][A-Za-z0-9]*)=(true|false)$/;

/**
 * The command line's target as a configuration layer; throws a UsageError naming what is wrong.
 * @example
 *   targetFlags('1.31', 'ImageVolume=true') // { rules: {}, kubernetesVersion: 31, featureGates: { ImageVolume: true } }
 */
export function targetFlags(version: string | undefined, gates: string | undefined): LintConfig {
  const minor = version === undefined ? undefined : minorOfVersion(version);
  if (version !== undefined && minor === undefined)
    throw new UsageError(`unsupported --kubernetes-version "${version}" (${KUBERNETES_VERSIONS.join(', ')})`);
  const featureGates: Record<string, boolean> = {};
  for (const entry of gates?.split(',') ?? []) {
    const m = GATE.exec(entry.trim());
    if (!m) throw new UsageError(`invalid --feature-gates entry "${entry}" (use Name=true or Name=false)`);
    featureGates[m[1] as string] = m[2] === 'true';
  }
  return {
    rules: {},
    ...(minor !== undefined && { kubernetesVersion: minor }),
    ...(gates !== undefined && { featureGates }),
  };
}
