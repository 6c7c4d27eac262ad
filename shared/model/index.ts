/** Public entry of the manifest model. */

export type { FieldPath, Position, Range, Severity } from '../util/range';
export { LineIndex } from '../yaml/lineIndex';
export type { SyntaxIssue } from '../yaml/parse';
export { type JsonScalar, resolvePlain, resolveScalar } from '../yaml/scalar';
export { type Segment, splitSegments } from '../yaml/split';
export * from './document';
export * from './field';
export type { JobView, PodFailureRuleView, SuccessRuleView } from './jobView';
export {
  combineKustomizations,
  type ImageOverride,
  KUSTOMIZATION_FILES,
  type Kustomization,
  type KustomizeContext,
  kustomizationPatchPaths,
  readKustomization,
} from './kustomize';
export { type Location, nodeAtPath, pathAt, trailingWord } from './locate';
export { DocContext } from './nodes';
export { PLACEHOLDER_STYLES, type Placeholder, type PlaceholderStyle } from './placeholders';
export { mapAt, readMetadata, readResources } from './podView';
export {
  containerName,
  type ResolvedContainer,
  type ResolvedGracePeriod,
  type ResolvedPod,
  type ResolvedRestartPolicy,
  resolvePod,
  type ValueSource,
} from './resolvedPod';
export type { NodeSelectorTermView, SchedulingView, TolerationView } from './schedulingView';
export * from './types';
