/**
 * Extension entry: activate() registers commands, the panel serializer and the editor context key (all
 * synchronous, nothing computed), then starts the language client; everything else hangs off the Ctx.
 */
import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './ctx';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  ctx = new Ctx(context);
  registerCommands(ctx);
  await ctx.start();
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
