/**
 * Rename across the workspace: a ConfigMap or Secret name (its definition, its generator, every reference), or a
 * label's key or value (pod template labels, workload selectors, Service selectors, metadata labels with the same
 * key and value). The edit is one WorkspaceEdit whose edits carry one change annotation (what is renamed, in how
 * many places): Enter applies it, Ctrl+Enter (VS Code's rename with preview) shows it in the refactor preview
 * first. `needsConfirmation` would open the preview with every edit unticked, so Apply alone would change nothing.
 */
import {
  type AnnotatedTextEdit,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  ResponseError,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { renameSites, symbolAt, type WorkspaceSymbol } from '../../shared/analysis/workspace';
import type { ServerContext } from '../context';
import { runSafe } from '../runSafe';
import type { ServerWorkspaceIndex } from '../workspaceIndex';
import type { Feature } from './feature';

const ANNOTATION = 'podlens.rename';

/** A value YAML would read as something other than a string (`true`, `1.0`, `null`, `~`) is quoted. */
export function yamlString(value: string): string {
  const plain = /^[A-Za-z0-9][A-Za-z0-9_./-]*$/.test(value);
  const typed = /^(true|false|yes|no|on|off|y|n|null|~|[-+]?[0-9][0-9_.eE+-]*|0x[0-9a-fA-F]+|0o?[0-7]+)$/i.test(value);
  return plain && !typed ? value : JSON.stringify(value);
}

function describe(sym: WorkspaceSymbol): string {
  if (sym.type === 'label') return `label ${sym.part} ${sym.part === 'key' ? sym.key : `${sym.key}=${sym.value}`}`;
  return sym.type === 'object' ? `${sym.kind} ${sym.name}` : '';
}

function renameEdit(workspace: ServerWorkspaceIndex, params: RenameParams, versionOf: (uri: string) => number | null) {
  workspace.flush();
  const sym = symbolAt(workspace.index, params.textDocument.uri, params.position);
  const sites = sym && renameSites(workspace.index, sym);
  if (!sym || !sites) throw new ResponseError(0, 'podlens renames ConfigMap and Secret names and labels only');
  const byUri = new Map<string, AnnotatedTextEdit[]>();
  const newText = yamlString(params.newName);
  for (const site of sites) {
    const edits = byUri.get(site.uri) ?? [];
    edits.push({ range: site.range, newText, annotationId: ANNOTATION });
    byUri.set(site.uri, edits);
  }
  const documentChanges: TextDocumentEdit[] = [...byUri].map(([uri, edits]) => ({
    textDocument: { uri, version: versionOf(uri) },
    edits,
  }));
  const edit: WorkspaceEdit = {
    documentChanges,
    changeAnnotations: {
      [ANNOTATION]: {
        label: `Rename ${describe(sym)} to ${params.newName}`,
        description: `${sites.length} place(s) in ${byUri.size} file(s)`,
        needsConfirmation: false,
      },
    },
  };
  return edit;
}

function prepare(
  workspace: ServerWorkspaceIndex,
  params: PrepareRenameParams,
): { range: Range; placeholder: string } | null {
  workspace.flush();
  const sym = symbolAt(workspace.index, params.textDocument.uri, params.position);
  if (!sym || !renameSites(workspace.index, sym)) return null;
  const placeholder =
    sym.type === 'label' ? (sym.part === 'key' ? sym.key : sym.value) : sym.type === 'object' ? sym.name : '';
  return { range: sym.range, placeholder };
}

export function workspaceRenameFeature(workspace: ServerWorkspaceIndex): Feature {
  return {
    capabilities: { renameProvider: { prepareProvider: true } },
    register(ctx: ServerContext) {
      const versionOf = (uri: string) => ctx.documents.get(uri)?.version ?? null;
      ctx.connection.onPrepareRename((p, token) =>
        runSafe(ctx.log, () => prepare(workspace, p), null, 'prepare rename', token),
      );
      ctx.connection.onRenameRequest((p, token) => {
        if (token.isCancellationRequested) return null;
        try {
          return renameEdit(workspace, p, versionOf);
        } catch (err) {
          if (err instanceof ResponseError) return err;
          ctx.log(`podlens: rename failed: ${err instanceof Error ? err.stack : String(err)}`);
          return null;
        }
      });
    },
  };
}
