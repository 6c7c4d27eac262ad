/** The Job controller's part of a prediction: the pods it creates one after another and the Job's conditions. */

export type JobConditionType = 'SuccessCriteriaMet' | 'Complete' | 'FailureTarget' | 'Failed';

export interface JobCondition {
  type: JobConditionType;
  status: true;
  reason: string;
  message: string;
  /** When the controller sets it (seconds since the Job was created). */
  t: number;
}

/** How one pod of the Job ended, as the Job controller sees it. */
export type JobPodPhase = 'Succeeded' | 'Failed' | 'Running' | 'Deleted';

export interface JobPod {
  name: string;
  /** The completion index (Indexed mode), else null. */
  index: number | null;
  createdAt: number;
  /** When it ended (Succeeded/Failed), or was deleted by the controller; null while it runs. */
  endedAt: number | null;
  phase: JobPodPhase;
  /** The first failing container's exit, for failed pods. */
  exit: { container: string; exitCode: number; reason: string } | null;
  /** What the controller did with a failure: a podFailurePolicy action, or Count. */
  action: string | null;
  restarts: number;
}

export interface JobResult {
  name: string;
  completionMode: 'NonIndexed' | 'Indexed';
  completions: number | null;
  parallelism: number;
  backoffLimit: number;
  pods: JobPod[];
  conditions: JobCondition[];
  succeeded: number;
  failed: number;
  completedIndexes: number[];
  failedIndexes: number[];
}
