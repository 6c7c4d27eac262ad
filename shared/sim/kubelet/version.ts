/**
 * What the target version's kubelet (and the API server in front of it) does differently with a pod. Every
 * branch names the Kubernetes change it follows; gate stages per minor are in shared/k8s/version/gates.ts.
 */
import { enabled } from '../../k8s/version/gates';
import { DEFAULT_TARGET, type KubernetesTarget, versionLabel } from '../../k8s/version/target';

export interface CrashBackoffParams {
  initial: number;
  max: number;
  resetAfter: number;
}

export interface KubeletBehaviour {
  minor: number;
  /** KEP-753 SidecarContainers: off, the API server drops an init container's `restartPolicy: Always`. */
  sidecars: boolean;
  /** KEP-3085 PodReadyToStartContainersCondition: the kubelet publishes the condition. */
  readyToStartCondition: boolean;
  /**
   * KEP-5307 ContainerRestartRules (PR #132642; alpha v1.34, beta and on from v1.35): a container's own
   * restartPolicy decides its restarts. Off, the API server rejects it on a regular container.
   */
  containerRestartRules: boolean;
  /** KEP-3960 PodLifecycleSleepAction: off, a hook whose only handler is `sleep` is rejected. */
  sleepAction: boolean;
  crashBackoff: CrashBackoffParams;
  /**
   * kubernetes/kubernetes#133066 (v1.35): the pod worker requeues a pod in back-off at the back-off's expiry.
   * Before, the sync error requeued it after the worker's 10 s backOffPeriod (pod_workers.go), so a restart
   * waited for the first retry at or after the expiry (jitter left out: its lower bound).
   */
  requeueAtExpiry: boolean;
}

/** pod_workers.go backOffPeriod before #133066. */
export const WORKER_RETRY_SECONDS = 10;

/** kubelet.go initialCrashLoopBackOff / MaxCrashLoopBackOff, and the fixed 10-minute reset of KEP-4603. */
const DEFAULT_CRASH_BACKOFF: CrashBackoffParams = { initial: 10, max: 300, resetAfter: 600 };
/** KEP-4603 ReduceDefaultCrashLoopBackOffDecay (v1.33 alpha): 1 s initial, 60 s maximum. */
const REDUCED_CRASH_BACKOFF: CrashBackoffParams = { initial: 1, max: 60, resetAfter: 600 };

/**
 * @example kubeletBehaviour({ minor: 34, featureGates: {} }).requeueAtExpiry // false
 */
export function kubeletBehaviour(target: KubernetesTarget = DEFAULT_TARGET): KubeletBehaviour {
  return {
    minor: target.minor,
    sidecars: enabled(target, 'SidecarContainers'),
    readyToStartCondition: enabled(target, 'PodReadyToStartContainersCondition'),
    sleepAction: enabled(target, 'PodLifecycleSleepAction'),
    containerRestartRules: enabled(target, 'ContainerRestartRules'),
    crashBackoff: enabled(target, 'ReduceDefaultCrashLoopBackOffDecay') ? REDUCED_CRASH_BACKOFF : DEFAULT_CRASH_BACKOFF,
    requeueAtExpiry: target.minor >= 35,
  };
}

/** The `kubelet v1.31` label of a behaviour, for notes and the panel. */
export const kubeletLabel = (k: KubeletBehaviour) => `kubelet ${versionLabel(k.minor)}`;
