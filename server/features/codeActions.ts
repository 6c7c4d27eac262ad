/**
 * Quick fixes for podlens diagnostics: the fixes each finding carries (a misspelled key, a tag to pin, a probe
 * skeleton, ...) plus "Suppress <id> on this line / in this document" for every rule. Fixes always come from a
 * fresh analysis of the document's current text; a diagnostic that no current finding matches is stale and
 * gets no action, so an edit is never computed against text the user has since changed.
 */
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { type Finding, type Fix, ruleById } from '../../shared/lint';
import { snippetToPlain, suppressDocumentFix, suppressLineFix } from '../../shared/lint/fixes';
import type { ServerContext } from '../context';
import { runSafe } from '../runSafe';
import type { Feature } from './feature';

export interface CodeActionOptions {
  /** The client applies `SnippetTextEdit`s (`workspace.workspaceEdit.snippetEditSupport`). */
  snippetEdits: boolean;
}

/** A finding's identity as a diagnostic shows it: its rule and its exact range. */
function findingKey(rule: string, r: Finding['range']): string {
  return `${rule} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * The current findings by identity, the first of equals winning. A selection can carry every diagnostic of a file,
 * and a linear search per diagnostic made that quadratic (tens of seconds for a file with 60,000 findings).
 */
function findingIndex(findings: readonly Finding[]): Map<string, Finding> {
  let index = indexes.get(findings);
  if (index) return index;
  index = new Map<string, Finding>();
  for (const f of findings) {
    const key = findingKey(f.rule, f.range);
    if (!index.has(key)) index.set(key, f);
  }
  indexes.set(findings, index);
  return index;
}

/** The analysis returns the same findings array until the file changes: VS Code asks on every cursor move. */
const indexes = new WeakMap<readonly Finding[], Map<string, Finding>>();

/** `only: ['quickfix']`, `['']` or nothing asks for quick fixes; `['source.fixAll']` does not. */
function wantsQuickFixes(only: string[] | undefined): boolean {
  return (
    !only || only.some((k) => k === '' || k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))
  );
}

/** A fix as a workspace edit: snippet edits when the client takes them, else the snippet's plain text. */
function toEdit(fix: Fix, uri: string, version: number, options: CodeActionOptions): WorkspaceEdit {
  if (fix.snippet && options.snippetEdits) {
    return {
      documentChanges: [
        {
          textDocument: { uri, version },
          edits: fix.edits.map((e) => ({ range: e.range, snippet: { kind: 'snippet', value: e.newText } })),
        },
      ],
    };
  }
  const edits: LspTextEdit[] = fix.edits.map((e) => ({
    range: e.range,
    newText: fix.snippet ? snippetToPlain(e.newText) : e.newText,
  }));
  return { changes: { [uri]: edits } };
}

function action(fix: Fix, diagnostic: Diagnostic, edit: WorkspaceEdit): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit,
    ...(fix.isPreferred && { isPreferred: true }),
  };
}

/** Whether a suppression comment can silence the rule: not the template notice, not configuration problems. */
function suppressible(rule: string): boolean {
  return rule !== 'helm-template' && ruleById(rule)?.meta.family !== 'config';
}

/**
 * The code actions for the podlens diagnostics in a request.
 * @example codeActions(ctx, params, { snippetEdits: true }) // [{ title: 'Pin the image to a tag', ... }, ...]
 */
export function codeActions(ctx: ServerContext, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const uri = params.textDocument.uri;
  const ours = params.context.diagnostics.some((d) => d.source === 'podlens');
  const analysis = ctx.analysis();
  const version = analysis.version(uri);
  if (!ours || !wantsQuickFixes(params.context.only) || version === undefined) return [];
  const findings = findingIndex(analysis.findings(uri));
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'podlens' || typeof diagnostic.code !== 'string') continue;
    const finding = findings.get(findingKey(diagnostic.code, diagnostic.range));
    if (!finding) continue;
    for (const fix of finding.fixes ?? []) {
      if (fix.typed && !options.snippetEdits) continue;
      fixes.push(action(fix, diagnostic, toEdit(fix, uri, version, options)));
    }
    if (!suppressible(finding.rule)) continue;
    const doc = analysis.documentAt(uri, finding.range.start);
    if (!doc) continue;
    for (const fix of [
      suppressLineFix(doc, finding.range.start.line, finding.rule),
      suppressDocumentFix(doc, finding.rule),
    ]) {
      const key = fix && JSON.stringify(fix.edits);
      if (!fix || !key || seen.has(key)) continue;
      seen.add(key);
      suppressions.push(action(fix, diagnostic, toEdit(fix, uri, version, options)));
    }
  }
  return [...fixes, ...suppressions];
}

export const codeActionsFeature: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } },
  register(ctx) {
    ctx.connection.onCodeAction((params, token) => {
      const caps = ctx.clientCapabilities;
      const options = { snippetEdits: caps?.workspace?.workspaceEdit?.snippetEditSupport === true };
      return runSafe(ctx.log, () => codeActions(ctx, params, options), [], 'code actions', token);
    });
  },
};
