/** Every feature the server offers besides diagnostics; server.ts announces and registers them in order. */
import { codeActionsFeature } from './codeActions';
import { codeLensFeature } from './codeLens';
import { compareVersionsFeature } from './compareVersions';
import { completionFeature } from './completion';
import type { Feature } from './feature';
import { fileTargetFeature } from './fileTarget';
import { foldingFeature } from './folding';
import { hoverFeature } from './hover';
import { podDocumentsFeature } from './podDocuments';
import { podWorkspaceFeature } from './podWorkspace';
import { symbolsFeature } from './symbols';

export const FEATURES: Feature[] = [
  codeActionsFeature,
  hoverFeature,
  completionFeature,
  symbolsFeature,
  foldingFeature,
  codeLensFeature,
  podDocumentsFeature,
  compareVersionsFeature,
  podWorkspaceFeature,
  fileTargetFeature,
];
