/** A language feature: the capabilities it announces and the handlers it registers. */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../context';

export interface Feature {
  capabilities: ServerCapabilities;
  register(ctx: ServerContext): void;
}
