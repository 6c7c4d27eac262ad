/** Public entry of the workspace index. */
export { objectFacts, podPorts, podReferences, podTemplateFacts } from './extract';
export * from './facts';
export { isKustomizationFile, kustomizationFacts } from './kustomization';
export { memoryWorkspace } from './memory';
export { movedFacts } from './moved';
export { podWorkspaceObjects } from './podObjects';
export { answeredBy, type RecordedQuery, recording, sameAnswers } from './recording';
export * from './selection';
export * from './symbols';
export type * from './types';
export { dirOf, resolveUri } from './uris';
export {
  type BuiltObject,
  documentFacts,
  type IndexFileOptions,
  indexFile,
  mayDefineObjects,
  parsedAsIndexReads,
  WorkspaceIndex,
} from './workspaceIndex';
