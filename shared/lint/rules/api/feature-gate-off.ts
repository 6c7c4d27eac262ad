/**
 * `feature-gate-off`: a field the target version has but whose feature gate is off there. The API server drops
 * such a field on create (pkg/api/pod/util.go dropDisabledFields, v1.36), so the object is accepted without it;
 * where the drop leaves something invalid (a hook whose only handler was `sleep`, a volume whose only source was
 * `image`) the object is rejected. Gates and their defaults per minor: ../../../k8s/version/gates.
 */
import type { YAMLMap } from 'yaml';
import { gateState } from '../../../k8s/version/gates';
import { versionLabel } from '../../../k8s/version/target';
import type { FieldPath, Range } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { keyRange, listItems, str } from './_helpers/items';
import { mapAt, reportPodSpec, setKeys } from './_helpers/util';

interface Gated {
  gate: string;
  path: FieldPath;
  range: Range;
  field: string;
  /** What is left invalid once the field is dropped, when the object is then rejected. */
  rejected?: string;
}

function note(ctx: RuleContext, g: Gated): void {
  const state = gateState(ctx.target, g.gate);
  // Before the gate exists the field does not either: unknown-field reports it.
  if (state.enabled || !state.stage) return;
  const later = state.onByDefaultFrom !== undefined && state.onByDefaultFrom > ctx.target.minor;
  const when = later ? `, on from ${versionLabel(state.onByDefaultFrom as number)}` : '';
  const off = `${g.gate} (${state.stage}, off in ${versionLabel(ctx.target.minor)}${when})`;
  reportPodSpec(ctx, {
    path: g.path,
    range: g.range,
    message: g.rejected ? `\`${g.field}\` needs ${off}` : `\`${g.field}\` is ignored: ${off}`,
    detail:
      `The API server drops ${g.field} when the ${g.gate} feature gate is off` +
      `${g.rejected ? ` and then rejects the object: ${g.rejected}` : ''}. ` +
      'Set podlens.featureGates if the cluster turns the gate on, or podlens.kubernetesVersion if it is newer.',
    ...(!g.rejected && { severity: 'warning' as const }),
  });
}

function at(ctx: RuleContext, map: YAMLMap | undefined, path: FieldPath, key: string, gate: string): Gated[] {
  const range = keyRange(ctx, map, key);
  return range && ctx.doc.ctx.get(map, key) !== undefined ? [{ gate, path: [...path, key], range, field: key }] : [];
}

function hookSleep(ctx: RuleContext, lifecycle: YAMLMap | undefined, path: FieldPath): Gated[] {
  return ['postStart', 'preStop'].flatMap((hook) => {
    const handler = ctx.doc.ctx.asMap(ctx.doc.ctx.get(lifecycle, hook));
    const found = at(ctx, handler, [...path, hook], 'sleep', 'PodLifecycleSleepAction');
    const alone = setKeys(ctx.doc, handler).length === 1;
    return found.map((g) => (alone ? { ...g, rejected: `${hook} has no handler left` } : g));
  });
}

function containerFields(ctx: RuleContext, specPath: FieldPath, spec: YAMLMap | undefined): Gated[] {
  return ['initContainers', 'containers'].flatMap((list) =>
    listItems(ctx, spec, specPath, list).flatMap((item) => {
      const lifecycle = ctx.doc.ctx.asMap(ctx.doc.ctx.get(item.map, 'lifecycle'));
      const lifecyclePath = [...item.path, 'lifecycle'];
      const policy = str(ctx, item.map, 'restartPolicy');
      const sidecar =
        list === 'initContainers' && policy.kind === 'value' && policy.value === 'Always'
          ? at(ctx, item.map, item.path, 'restartPolicy', 'SidecarContainers')
          : [];
      return [
        ...sidecar,
        ...at(ctx, item.map, item.path, 'restartPolicyRules', 'ContainerRestartRules'),
        ...at(ctx, item.map, item.path, 'resizePolicy', 'InPlacePodVerticalScaling'),
        ...at(ctx, lifecycle, lifecyclePath, 'stopSignal', 'ContainerStopSignals'),
        ...hookSleep(ctx, lifecycle, lifecyclePath),
      ];
    }),
  );
}

function imageVolumes(ctx: RuleContext, specPath: FieldPath, spec: YAMLMap | undefined): Gated[] {
  return listItems(ctx, spec, specPath, 'volumes').flatMap((item) => {
    const alone = setKeys(ctx.doc, item.map).filter((k) => k.key !== 'name').length === 1;
    return at(ctx, item.map, item.path, 'image', 'ImageVolume').map((g) =>
      alone ? { ...g, rejected: 'the volume has no source' } : g,
    );
  });
}

export const featureGateOffRule: Rule = {
  meta: {
    id: 'feature-gate-off',
    family: 'api-validation',
    severity: 'error',
    summary:
      'A field whose feature gate is off in the target version: the API server drops it (or rejects what is left).',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const spec = mapAt(ctx.doc, pod.specPath);
    const securityContext = ctx.doc.ctx.asMap(ctx.doc.ctx.get(spec, 'securityContext'));
    const gated = [
      ...at(ctx, spec, pod.specPath, 'resources', 'PodLevelResources'),
      ...at(
        ctx,
        securityContext,
        [...pod.specPath, 'securityContext'],
        'supplementalGroupsPolicy',
        'SupplementalGroupsPolicy',
      ),
      ...imageVolumes(ctx, pod.specPath, spec),
      ...containerFields(ctx, pod.specPath, spec),
    ];
    for (const g of gated) note(ctx, g);
  },
};
