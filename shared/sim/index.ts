/** Public entry of the lifecycle simulation: predicts what the kubelet does with a pod manifest. */
export { inferRun, type RunInference } from './infer/run';
