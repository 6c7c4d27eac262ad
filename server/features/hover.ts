/**
 * textDocument/hover: the field's official docs and what it does in this manifest (shared/explain), plus, on a
 * diagnostic's range, the rule's explanation and documentation link. One document per request.
 */
import type { Hover, HoverParams } from 'vscode-languageserver';
import { deferredToSchema, SCHEMA_RULES } from '../../shared/coexistence';
import { hoverMarkdown } from '../../shared/explain';
import { type Finding, ruleById, ruleDocUrl } from '../../shared/lint';
import { pathAt } from '../../shared/model';
import { containsPosition, type Position } from '../../shared/util/range';
import type { ServerContext } from '../context';
import { formatError, runSafe } from '../runSafe';
import type { Feature } from './feature';

/** Quiet time after an edit before the findings of the hovered file are refreshed in the background. */
const REFRESH_DELAY_MS = 400;

/**
 * The findings at a hover in the last file hovered. A file's findings are whole-file work once per version (its
 * pending segments analysed, the cross-file findings of a 1,000-document file), so that stays off the request path:
 * once typing pauses, it is done in the background; only a hover within that pause does it itself. A hover then
 * reads the findings of its own segment, not the file's 100,000.
 */
class FindingsCache {
  private entry: { uri: string; version: number } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ctx: ServerContext) {
    ctx.documents.onDidChangeContent((e) => {
      const uri = e.document.uri;
      if (this.entry?.uri !== uri) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.refresh(uri), REFRESH_DELAY_MS);
      this.timer.unref();
    });
    ctx.documents.onDidClose((e) => {
      if (this.entry?.uri !== e.document.uri) return;
      clearTimeout(this.timer);
      this.entry = undefined;
    });
  }

  at(uri: string, pos: Position): Finding[] {
    const analysis = this.ctx.analysis();
    const version = analysis.version(uri) ?? -1;
    const fresh = this.entry?.uri === uri && this.entry.version === version;
    // While a big file's first analysis runs on the worker pool, the hovered segment alone is analysed here.
    if (!fresh && !analysis.settled(uri)) return within(analysis.segmentFindings(uri, pos.line), pos);
    if (!fresh) this.refresh(uri);
    return this.entry?.uri === uri ? within(analysis.findingsNear(uri, pos.line), pos) : [];
  }

  private refresh(uri: string): void {
    try {
      const analysis = this.ctx.analysis();
      const version = analysis.version(uri);
      if (version === undefined || !analysis.settled(uri)) return;
      analysis.findingGroups(uri);
      this.entry = { uri, version };
    } catch (err) {
      this.entry = undefined;
      this.ctx.log(formatError('podlens: hover findings failed', err));
    }
  }
}

function within(findings: readonly Finding[], pos: Position): Finding[] {
  return findings.filter((f) => f.range.start.line <= pos.line && containsPosition(f.range, pos));
}

/** One section per rule hit at the position: summary, message, the explanation and the rule's page. */
function ruleNotes(findings: Finding[]): string[] {
  const seen = new Set<string>();
  const notes: string[] = [];
  for (const f of findings) {
    if (seen.has(f.rule)) continue;
    seen.add(f.rule);
    const summary = ruleById(f.rule)?.meta.summary;
    notes.push(
      `**podlens ${f.severity}** [\`${f.rule}\`](${ruleDocUrl(f.rule)})${summary ? `: ${summary}` : ''}\n\n${f.message}` +
        `${f.detail ? `\n\n${f.detail}` : ''}`,
    );
  }
  return notes;
}

/**
 * Further sections other features add to hovers (the workspace's objects, selectors and Services), shown after the
 * rule notes.
 */
export const hoverSections: ((uri: string, pos: Position) => string | undefined)[] = [];

function hoverAt(ctx: ServerContext, findings: FindingsCache, uri: string, pos: Position): Hover | null {
  const analysis = ctx.analysis();
  if (!analysis.has(uri)) return null;
  const deferred = deferredToSchema(ctx.settings());
  // Findings left to Red Hat YAML are not published, so their explanation would point at nothing.
  const hit = findings.at(uri, pos).filter((f) => !(deferred.validation && SCHEMA_RULES.has(f.rule)));
  const notes = ruleNotes(hit);
  for (const section of hoverSections) {
    const text = section(uri, pos);
    if (text) notes.push(text);
  }
  const doc = analysis.documentAt(uri, pos);
  const loc = doc && !doc.templated ? pathAt(doc, pos) : undefined;
  const relevant = loc && (loc.on === 'value' || loc.existing);
  const markdown =
    doc && loc && relevant
      ? hoverMarkdown(doc, loc.path, notes, !deferred.hover, ctx.workspace(), analysis.target(uri))
      : notes.join('\n\n---\n\n') || undefined;
  if (!markdown) return null;
  return { contents: { kind: 'markdown', value: markdown }, ...(loc && relevant && { range: loc.range }) };
}

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    const findings = new FindingsCache(ctx);
    ctx.connection.onHover((params: HoverParams, token) =>
      runSafe(ctx.log, () => hoverAt(ctx, findings, params.textDocument.uri, params.position), null, 'hover', token),
    );
  },
};
