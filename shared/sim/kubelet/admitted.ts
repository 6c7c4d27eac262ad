/**
 * The pod the target version's API server stores: fields whose feature gate is off are dropped on create
 * (pkg/api/pod/util.go dropDisabledFields), and a pod left invalid by a drop is rejected, so it never reaches
 * the kubelet.
 */
import { versionLabel } from '../../k8s/version/target';
import { ABSENT } from '../../model/field';
import type { ContainerView, PodView } from '../../model/types';
import { formatPath } from '../../util/range';
import type { SimError } from '../scenario';
import type { KubeletBehaviour } from './version';

/**
 * With SidecarContainers off (KEP-753; on by default from v1.29) the API server drops an init container's
 * `restartPolicy: Always`: the container is an ordinary init container that must exit before the next one.
 * @example admittedPod(pod, kubeletBehaviour({ minor: 29, featureGates: { SidecarContainers: false } }))
 */
export function admittedPod(pod: PodView, kubelet: KubeletBehaviour): PodView {
  if (kubelet.sidecars || !pod.initContainers.some((c) => c.role === 'sidecar')) return pod;
  const asInit = (c: ContainerView): ContainerView =>
    c.role === 'sidecar' ? { ...c, role: 'init', restartPolicy: ABSENT } : c;
  return { ...pod, initContainers: pod.initContainers.map(asInit) };
}

/**
 * Without ContainerRestartRules (KEP-5307, PR #132642; on from v1.35) validateContainers forbids restartPolicy
 * on a regular container and validateInitContainers allows only Always (pkg/apis/core/validation/validation.go).
 */
function restartPolicyRejections(pod: PodView, kubelet: KubeletBehaviour): SimError[] {
  if (kubelet.containerRestartRules) return [];
  return [...pod.initContainers, ...pod.containers].flatMap((c) => {
    const p = c.restartPolicy;
    if (p.kind !== 'value' || (c.list === 'initContainers' && p.value === 'Always')) return [];
    const why = c.list === 'containers' ? 'may not be set for non-init containers' : 'only Always is supported';
    return [
      {
        field: formatPath([...c.path, 'restartPolicy']),
        message: `Forbidden: ${why} in ${versionLabel(kubelet.minor)} (ContainerRestartRules is off): the API server rejects the pod`,
      },
    ];
  });
}

/** Why the target's API server rejects the pod (nothing is simulated then); empty when it accepts it. */
export function rejectedByApiServer(pod: PodView, kubelet: KubeletBehaviour): SimError[] {
  return [...restartPolicyRejections(pod, kubelet), ...sleepRejections(pod, kubelet)];
}

/**
 * With PodLifecycleSleepAction off (KEP-3960; beta from v1.30) the `sleep` handler is dropped and a hook with no
 * other handler fails validation ("must specify a handler type"): the pod is never created.
 */
function sleepRejections(pod: PodView, kubelet: KubeletBehaviour): SimError[] {
  if (kubelet.sleepAction) return [];
  return [...pod.initContainers, ...pod.containers].flatMap((c) =>
    [c.lifecycle.postStart, c.lifecycle.preStop].flatMap((hook) => {
      const only = hook?.handlers.length === 1 ? hook.handlers[0] : undefined;
      if (!hook || only?.type !== 'sleep') return [];
      return [
        {
          field: formatPath(hook.path),
          message: `Required value: must specify a handler type: the API server of ${versionLabel(kubelet.minor)} drops \`sleep\` while PodLifecycleSleepAction is off, and rejects the pod`,
        },
      ];
    }),
  );
}
