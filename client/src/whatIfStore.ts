/**
 * The lifecycle panel's what-if state per pod document, as the webview last reported it, and the CodeLens
 * titles that show it. Free of `vscode` so the titles are unit-tested; the middleware in ./whatIfLens.ts
 * applies them to the server's lenses, which know nothing of the panel.
 */
import { PREVIEW_LIFECYCLE_COMMAND } from '../../shared/protocol/ids';

export interface WhatIf {
  /** How many assumptions the user changed. */
  changed: number;
  /** The panel's headline, simulated with the changed assumptions. */
  headline: string;
}

export const WITH_WHAT_IF = 'with what-if';

export class WhatIfStore {
  private readonly byUri = new Map<string, Map<number, WhatIf>>();

  constructor(private readonly onChange: (uri: string) => void) {}

  get(uri: string, documentIndex: number): WhatIf | undefined {
    return this.byUri.get(uri)?.get(documentIndex);
  }

  /** Records the state of one pod document; `changed: 0` removes it. */
  set(uri: string, documentIndex: number, whatIf: WhatIf): void {
    const docs = this.byUri.get(uri) ?? new Map<number, WhatIf>();
    const before = docs.get(documentIndex);
    if (whatIf.changed === 0) docs.delete(documentIndex);
    else docs.set(documentIndex, whatIf);
    if (docs.size === 0) this.byUri.delete(uri);
    else this.byUri.set(uri, docs);
    const after = docs.get(documentIndex);
    if (before?.changed !== after?.changed || before?.headline !== after?.headline) this.onChange(uri);
  }

  /** The panel left this document (or closed): its what-if edits are gone with it. */
  clear(uri: string): void {
    if (this.byUri.delete(uri)) this.onChange(uri);
  }
}

interface LensCommand {
  title: string;
  tooltip?: string;
  command: string;
  arguments?: unknown[];
}

/** The `[uri, documentIndex]` a lifecycle CodeLens carries, when it is one. */
function lensTarget(command: LensCommand | undefined): { uri: string; index: number } | undefined {
  if (command?.command !== PREVIEW_LIFECYCLE_COMMAND) return undefined;
  const [uri, index] = command.arguments ?? [];
  return typeof uri === 'string' && typeof index === 'number' ? { uri, index } : undefined;
}

const plural = (n: number) => `${n} assumption${n === 1 ? '' : 's'} changed`;

/**
 * A lifecycle lens as it should read: the "▶ Preview lifecycle" lens says a what-if is active, and the
 * prediction lens shows the panel's what-if headline instead of the server's (which assumes no edits).
 */
export function whatIfCommand<C extends LensCommand>(store: WhatIfStore, command: C | undefined): C | undefined {
  const target = lensTarget(command);
  const whatIf = target && store.get(target.uri, target.index);
  if (!command || !whatIf) return command;
  if (command.title.startsWith('▶')) {
    return {
      ...command,
      title: `${command.title} (${WITH_WHAT_IF})`,
      tooltip: `${plural(whatIf.changed)} in the panel`,
    };
  }
  return {
    ...command,
    title: `${whatIf.headline} (${WITH_WHAT_IF})`,
    tooltip: `Predicted with ${plural(whatIf.changed)} in the lifecycle panel; without them: ${command.title}`,
  };
}
