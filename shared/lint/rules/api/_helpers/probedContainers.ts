/**
 * Which containers' probes the probe rules check, and the probe kinds in the order validation visits them.
 */
import { type ContainerView, type ProbeKind, resolvePod } from '../../../../model';
import type { RuleContext } from '../../../types';

export const PROBES: readonly ProbeKind[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];

/** Containers whose probes the API validates: regular containers and sidecars (plain init ones are Forbidden). */
export function probed(ctx: RuleContext): ContainerView[] {
  return ctx.pod ? resolvePod(ctx.pod).views.filter((c) => c.role !== 'init') : [];
}
