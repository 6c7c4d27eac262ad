/**
 * Extension entry: activate() registers commands, the panel serializer and the editor context key (all
 * synchronous, nothing computed) and returns; the language client starts in the background, so activation
 * stays fast and features attach as soon as the server answers. Everything else hangs off the Ctx.
 */
import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './ctx';

let ctx: Ctx | undefined;

export function activate(context: vscode.ExtensionContext): void {
  ctx = new Ctx(context);
  registerCommands(ctx);
  // After activation has returned (a macrotask, not a microtask that would still count towards it); a failed
  // start is shown to the user by Ctx.start and nothing else waits for it.
  const started = ctx;
  setImmediate(() => {
    if (ctx === started) started.start().catch(() => undefined);
  });
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
