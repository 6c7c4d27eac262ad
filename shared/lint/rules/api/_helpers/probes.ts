/**
 * Probes (validateProbe, validateLivenessProbe, validateReadinessProbe, validateStartupProbe, validateInitContainers).
 * `probe-handler`: exactly one of exec/httpGet/tcpSocket/grpc. `probe-values`: counters not negative (0 is
 * defaulted), successThreshold 1 for liveness and startup probes after defaulting, probe
 * terminationGracePeriodSeconds positive and never on a readiness probe. `init-container-probes`: a plain init
 * container (no restartPolicy: Always) may not have probes or lifecycle hooks; a sidecar may.
 */
import type { ContainerView, ProbeKind } from '../../../../model';
import type { RuleContext } from '../../../types';
import { allContainers } from './util';

export const PROBES: readonly ProbeKind[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];

/** Containers whose probes the API validates: regular containers and sidecars (plain init ones are Forbidden). */
export function probed(ctx: RuleContext): ContainerView[] {
  return ctx.pod ? allContainers(ctx.pod).filter((c) => c.role !== 'init') : [];
}
