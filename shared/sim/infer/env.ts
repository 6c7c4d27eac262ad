/**
 * The environment a container's process sees, as far as the manifest tells: literal values (themselves
 * expanded against earlier entries, as makeEnvironmentVariables in pkg/kubelet/kubelet_pods.go does), the
 * downward API with plausible values, and resource limits. Values held in ConfigMaps or Secrets are unknown.
 */
import { containerResources } from '../../k8s/qos';
import { quantityToNumber } from '../../k8s/quantity';
import type { ContainerView, PodView } from '../../model/types';
import { expand } from '../../util/expand';

/** Values the downward API gives on the default node (plausible, not real: the pod IP is the cluster's choice). */
const FIELD_VALUES: Record<string, (pod: PodView) => string> = {
  'metadata.name': (pod) => (pod.metadata.name.kind === 'value' ? pod.metadata.name.value : 'pod'),
  'metadata.namespace': (pod) => (pod.metadata.namespace.kind === 'value' ? pod.metadata.namespace.value : 'default'),
  'metadata.uid': () => '00000000-0000-0000-0000-000000000000',
  'spec.nodeName': (pod) => (pod.nodeName.kind === 'value' ? pod.nodeName.value : 'node-1'),
  'spec.serviceAccountName': (pod) =>
    pod.serviceAccountName.kind === 'value' ? pod.serviceAccountName.value : 'default',
  'status.podIP': () => '10.244.0.5',
  'status.podIPs': () => '10.244.0.5',
  'status.hostIP': () => '192.168.49.2',
  'status.hostIPs': () => '192.168.49.2',
};

/** resourceFieldRef with the default divisor 1: cpu rounds up to whole cores, memory is in bytes. */
function resourceValue(c: ContainerView, resource: string): string | undefined {
  const [kind, name] = resource.split('.');
  if (!name || (kind !== 'limits' && kind !== 'requests')) return undefined;
  const q = containerResources(c)[kind].get(name);
  if (!q) return undefined;
  return String(Math.ceil(quantityToNumber(q)));
}

/** The variables whose values the manifest states; a name bound to an unknown value is absent. */
export function containerEnv(pod: PodView, c: ContainerView): Map<string, string> {
  const vars = new Map<string, string>();
  for (const e of c.env) {
    if (e.name.kind !== 'value') continue;
    const name = e.name.value;
    const source = e.valueFrom?.sources[0];
    let value: string | undefined;
    if (!e.valueFrom) value = e.value.kind === 'value' ? expand(e.value.value, vars) : '';
    else if (source?.kind === 'fieldRef' && source.fieldPath.kind === 'value')
      value = FIELD_VALUES[source.fieldPath.value]?.(pod);
    else if (source?.kind === 'resourceFieldRef' && source.resource.kind === 'value')
      value = resourceValue(c, source.resource.value);
    if (value === undefined) vars.delete(name);
    else vars.set(name, value);
  }
  return vars;
}

/** Every variable name the container sets (known value or not), envFrom prefixes excluded. */
export function envNames(c: ContainerView): Set<string> {
  const names = new Set<string>();
  for (const e of c.env) if (e.name.kind === 'value') names.add(e.name.value);
  return names;
}

/** The literal env values as written, unexpanded: what the prober substitutes into an exec probe's command. */
export function staticEnv(c: ContainerView): Map<string, string> {
  const vars = new Map<string, string>();
  for (const e of c.env) {
    if (e.name.kind === 'value' && !e.valueFrom) vars.set(e.name.value, e.value.kind === 'value' ? e.value.value : '');
  }
  return vars;
}
