/**
 * textDocument/completion: keys valid at the cursor, values for the field being typed, and snippets, on
 * complete and half-typed lines alike. Works on the one document under the cursor (Analysis.documentAt),
 * never the whole file.
 */
import {
  type CompletionContext,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  CompletionTriggerKind,
} from 'vscode-languageserver';
import { deferredToSchema } from '../../shared/coexistence';
import { isAnalysable, type Location, type ManifestDocument, pathAt, trailingWord } from '../../shared/model';
import type { Position } from '../../shared/util/range';
import type { ServerContext } from '../context';
import { runSafe } from '../runSafe';
import { keyItems } from './completion/keys';
import { slotOf } from './completion/slot';
import { snippetItems } from './completion/snippets';
import { valueItems } from './completion/values';
import type { Feature } from './feature';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** A key slot at the root of a file or document the analysis has no document for (empty or comments only). */
function emptyDocumentLocation(line: string, pos: Position): Location {
  const word = trailingWord(line.slice(0, pos.character));
  const start = { line: pos.line, character: pos.character - word.length };
  return {
    path: [word],
    on: 'key',
    prefix: word,
    range: { start, end: pos },
    indent: 0,
    siblings: [],
    existing: false,
  };
}

function lineOf(ctx: ServerContext, uri: string, pos: Position): string {
  const text = ctx.documents.get(uri);
  return (
    text
      ?.getText({ start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } })
      .replace(/\r?\n$/, '') ?? ''
  );
}

/**
 * A space typed anywhere triggers a request; only the spaces that open a slot (`key: `, `- `) get an answer, so
 * indenting a line does not pop up the list at every keystroke.
 */
function opensSlot(line: string, pos: Position): boolean {
  const before = line.slice(0, pos.character).trimEnd();
  return before.endsWith(':') || before.endsWith('-');
}

function completionsAt(ctx: ServerContext, uri: string, pos: Position, context?: CompletionContext): CompletionItem[] {
  const analysis = ctx.analysis();
  if (!analysis.has(uri)) return [];
  const doc: ManifestDocument | undefined = analysis.documentAt(uri, pos);
  if (doc?.templated || (doc?.isKubernetes && !isAnalysable(doc))) return [];
  const line = doc ? doc.ctx.lines.lineText(pos.line) : lineOf(ctx, uri, pos);
  if (context?.triggerKind === CompletionTriggerKind.TriggerCharacter && !opensSlot(line, pos)) return [];
  const loc = doc ? pathAt(doc, pos) : emptyDocumentLocation(line, pos);
  if (!loc) return [];
  const slot = slotOf(doc, loc, line[loc.range.start.character - 1] ?? '');
  if (slot.kind === 'value') return valueItems(slot);
  // Red Hat YAML's Kubernetes schema completes the same keys; podlens' snippets have no counterpart there.
  const target = ctx.analysis().target(uri);
  const keys = deferredToSchema(ctx.settings()).completion ? [] : keyItems(slot, target);
  return [...keys, ...snippetItems(slot)];
}

export const completionFeature: Feature = {
  capabilities: { completionProvider: { triggerCharacters: [' '], resolveProvider: false } },
  register(ctx) {
    ctx.connection.onCompletion((params: CompletionParams, token) =>
      runSafe(
        ctx.log,
        (): CompletionList => ({
          isIncomplete: false,
          items: completionsAt(ctx, params.textDocument.uri, params.position, params.context),
        }),
        EMPTY,
        'completion',
        token,
      ),
    );
  },
};
