/**
 * `podlens.previewKustomization`: asks the server to render the kustomization of the active file (or the one
 * the explorer names), shows the rendered objects in a read-only `podlens-kustomize:` document, and lists the
 * findings on it, each with related information pointing at the file and range that wrote the value at fault.
 * "Preview Pod Lifecycle" works on that document like on any manifest.
 */
import * as vscode from 'vscode';
import { KUSTOMIZE_PREVIEW_SCHEME, KustomizePreviewRequest } from '../../shared/protocol/ids';
import type { KustomizePreviewDiagnostic, KustomizePreviewParams } from '../../shared/protocol/lsp';
import type { Ctx } from './ctx';

const SEVERITY: Record<KustomizePreviewDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

type WireRange = KustomizePreviewDiagnostic['range'];

const toRange = (r: WireRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

function toDiagnostic(d: KustomizePreviewDiagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
  diagnostic.source = 'podlens';
  diagnostic.code = d.rule;
  const related = d.origin ? [{ ...d.origin, message: 'the value comes from here' }, ...d.related] : d.related;
  diagnostic.relatedInformation = related.map(
    (r) =>
      new vscode.DiagnosticRelatedInformation(
        new vscode.Location(vscode.Uri.parse(r.uri), toRange(r.range)),
        r.message,
      ),
  );
  return diagnostic;
}

/** The rendered documents' texts and diagnostics; one per kustomization, replaced on every preview. */
export class KustomizePreviews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('podlens-kustomize');
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(KUSTOMIZE_PREVIEW_SCHEME, this);

  constructor(private readonly ctx: Ctx) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Renders the kustomization `target` names (a kustomization file or its directory) and opens the result. */
  async preview(target: vscode.Uri): Promise<void> {
    const client = this.ctx.client;
    if (!client?.isRunning()) {
      void vscode.window.showInformationMessage('podlens: the language server is not running yet.');
      return;
    }
    const { kustomizePreviewResultSchema } = await import('../../shared/protocol/lsp');
    const params: KustomizePreviewParams = { uri: client.code2ProtocolConverter.asUri(target) };
    const parsed = kustomizePreviewResultSchema.safeParse(
      await client.sendRequest(KustomizePreviewRequest.method, params),
    );
    if (!parsed.success) {
      this.ctx.output.warn(`podlens/kustomizePreview: unexpected answer: ${parsed.error.message}`);
      return;
    }
    const result = parsed.data;
    for (const p of result.problems) this.ctx.output.info(`kustomize preview: ${p.uri}: ${p.message}`);
    if (result.kustomization === null) {
      void vscode.window.showInformationMessage(
        `podlens: ${vscode.workspace.asRelativePath(target)} is not a kustomization (no kustomization.yaml there).`,
      );
      return;
    }
    const source = vscode.Uri.parse(result.kustomization);
    const uri = vscode.Uri.from({ scheme: KUSTOMIZE_PREVIEW_SCHEME, path: `${source.path}.rendered.yaml` });
    this.texts.set(uri.toString(), result.text);
    this.changed.fire(uri);
    this.diagnostics.set(uri, result.diagnostics.map(toDiagnostic));
    const document = await vscode.languages.setTextDocumentLanguage(
      await vscode.workspace.openTextDocument(uri),
      'yaml',
    );
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    if (result.problems.length > 0) {
      void vscode.window.showWarningMessage(
        `podlens: the preview leaves out ${result.problems.length} thing(s) kustomize would do; see the podlens output.`,
      );
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}
