/**
 * API defaulting as the API server applies it before validation (pkg/apis/core/v1/defaults.go): the
 * effective values podlens reasons with, and the list of fields `kubectl get -o yaml` would show filled in.
 */
import type { ContainerView, PodView, ProbeView } from '../model/types';
import { formatPath } from '../util/range';
import { DEFAULT_RESTART_POLICY, DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS, isUnsetString } from './podDefaults';
import { effectiveHandler, effectiveProbe } from './probeDefaults';
import { effectivePullPolicy } from './pullPolicy';
import { type ContainerResources, containerResources, podLevelResources } from './qos';
import { type Quantity, roundUpToMilli, serializeQuantity } from './quantity';

export {
  ALLOWED_RESTART_POLICIES,
  DEFAULT_NAMESPACE,
  DEFAULT_RESTART_POLICY,
  DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS,
  effectiveGracePeriod,
  effectiveRestartPolicy,
  type RestartPolicy,
} from './podDefaults';
export {
  type EffectiveHandler,
  type EffectiveProbe,
  effectiveHandler,
  effectiveProbe,
  PROBE_DEFAULTS,
} from './probeDefaults';
export { type EffectivePullPolicy, effectivePullPolicy, type PullPolicy } from './pullPolicy';

import { resolvePod } from '../model/resolvedPod';

export { type QosClass, qosClass } from './qos';

type Defaults = Record<string, string | number | boolean>;

/** The text the API server stores for a resource value: rounded up to millis (SetDefaults_ResourceList). */
function storedQuantity(q: Quantity): string {
  const rounded = roundUpToMilli(q);
  return rounded === q ? serializeQuantity(q) : rounded.text;
}

function probeDefaults(probe: ProbeView, out: Defaults): void {
  const base = formatPath(probe.path);
  const effective = effectiveProbe(probe);
  for (const field of effective.defaulted) {
    if (!field.includes('.')) out[`${base}.${field}`] = effective[field as keyof typeof effective] as number;
  }
  handlerDefaults(probe, out);
}

function handlerDefaults(owner: { path: ProbeView['path']; handlers: ProbeView['handlers'] }, out: Defaults): void {
  for (const handler of owner.handlers) {
    const { handler: h, defaulted } = effectiveHandler(handler);
    for (const field of defaulted) {
      out[`${formatPath(owner.path)}.${field}`] = field.endsWith('.path') ? (h.path as string) : (h.scheme as string);
    }
  }
}

function containerDefaults(c: ContainerView, pod: PodView, resources: ContainerResources, out: Defaults): void {
  const base = formatPath(c.path);
  if (isUnsetString(c.imagePullPolicy) && (c.image.kind === 'value' || c.image.kind === 'absent')) {
    const image = c.image.kind === 'value' ? c.image.value : undefined;
    out[`${base}.imagePullPolicy`] = effectivePullPolicy(image, undefined).policy;
  }
  if (isUnsetString(c.terminationMessagePath)) out[`${base}.terminationMessagePath`] = '/dev/termination-log';
  if (isUnsetString(c.terminationMessagePolicy)) out[`${base}.terminationMessagePolicy`] = 'File';
  for (const port of c.ports) {
    if (isUnsetString(port.protocol)) out[`${formatPath(port.path)}.protocol`] = 'TCP';
    // SetDefaults_Pod (Pods only): with hostNetwork every unset hostPort becomes the containerPort.
    const hostPortUnset =
      port.hostPort.kind === 'absent' || (port.hostPort.kind === 'value' && port.hostPort.value === 0);
    if (pod.workload === 'Pod' && pod.hostNetwork.kind === 'value' && pod.hostNetwork.value && hostPortUnset) {
      if (port.containerPort.kind === 'value') out[`${formatPath(port.path)}.hostPort`] = port.containerPort.value;
    }
  }
  if (pod.workload === 'Pod') {
    for (const name of resources.defaultedRequests) {
      const limit = resources.limits.get(name) as Quantity;
      out[`${base}.resources.requests[${name}]`] = storedQuantity(limit);
    }
  }
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) probeDefaults(probe, out);
  for (const hook of [c.lifecycle.postStart, c.lifecycle.preStop]) if (hook) handlerDefaults(hook, out);
}

/**
 * Every field the API server fills in for this pod (spec) or pod template, keyed by the dotted path it
 * prints, relative to the document (`spec.template.spec…` for workloads). Pod-only defaults (requests
 * from limits, enableServiceLinks, hostNetwork hostPorts, pod-level requests) are left out for templates.
 * Fields the pod view does not read (volume defaultMode, spec.securityContext: {}, fieldRef.apiVersion)
 * are not reported.
 * @example
 *   defaultedFields(podView) // { 'spec.dnsPolicy': 'ClusterFirst', 'spec.restartPolicy': 'Always', ...,
 *                            //   'spec.containers[0].imagePullPolicy': 'Always', ... }
 */
export function defaultedFields(pod: PodView): Record<string, string | number | boolean> {
  const out: Defaults = {};
  const spec = formatPath(pod.specPath);
  // SetDefaults_PodSpec
  if (isUnsetString(pod.dnsPolicy)) out[`${spec}.dnsPolicy`] = 'ClusterFirst';
  if (isUnsetString(pod.restartPolicy)) out[`${spec}.restartPolicy`] = DEFAULT_RESTART_POLICY;
  if (pod.terminationGracePeriodSeconds.kind === 'absent') {
    out[`${spec}.terminationGracePeriodSeconds`] = DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  }
  if (isUnsetString(pod.schedulerName)) out[`${spec}.schedulerName`] = 'default-scheduler';
  const isPod = pod.workload === 'Pod';
  // SetDefaults_Pod
  if (isPod && pod.enableServiceLinks.kind === 'absent') out[`${spec}.enableServiceLinks`] = true;
  const resources = new Map<ContainerView, ContainerResources>();
  for (const c of resolvePod(pod).views) {
    resources.set(c, containerResources(c));
    containerDefaults(c, pod, resources.get(c) as ContainerResources, out);
  }
  if (isPod && pod.resources.keyRange) {
    const level = podLevelResources(pod, resources);
    for (const name of level.defaultedRequests) {
      out[`${spec}.resources.requests[${name}]`] = storedQuantity(level.requests.get(name) as Quantity);
    }
  }
  return out;
}
