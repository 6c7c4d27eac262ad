/** Every feature the server offers besides diagnostics; server.ts announces and registers them in order. */
import { codeActionsFeature } from './codeActions';
import type { Feature } from './feature';

export const FEATURES: Feature[] = [codeActionsFeature];
