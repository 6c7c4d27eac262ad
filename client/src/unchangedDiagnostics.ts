/**
 * Drops a diagnostics publish that would leave the Problems view as it is. The server republishes a file's whole
 * list after every edit, and typing inside a value or a comment mostly leaves that list unchanged; yet setting it
 * again makes the extension host convert all of a file's diagnostics (up to 1,000) and ship them to the window,
 * which replaces every marker and squiggle of the file. In a 1,000-document file that was most of the extension
 * host's work per keystroke.
 */
import type * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

type Position = Pick<vscode.Position, 'line' | 'character'>;
type Range = { start: Position; end: Position };
/** The parts of a `vscode.Uri`: comparing them avoids formatting each of a publish's 1,000 rule links. */
type UriParts = Pick<vscode.Uri, 'scheme' | 'authority' | 'path' | 'query' | 'fragment'>;
type Related = { location: { uri: UriParts; range: Range }; message: string };

/** The parts of a diagnostic VS Code shows or acts on (quick fixes read `data`). */
export interface DiagnosticLike {
  range: Range;
  message: string;
  severity: number;
  source?: string;
  code?: string | number | { value: string | number; target: UriParts };
  relatedInformation?: readonly Related[];
  tags?: readonly number[];
  data?: unknown;
}

const samePosition = (a: Position, b: Position) => a.line === b.line && a.character === b.character;
const sameRange = (a: Range, b: Range) => samePosition(a.start, b.start) && samePosition(a.end, b.end);

const sameUri = (a: UriParts, b: UriParts) =>
  a === b ||
  (a.path === b.path &&
    a.scheme === b.scheme &&
    a.authority === b.authority &&
    a.query === b.query &&
    a.fragment === b.fragment);

function sameCode(a: DiagnosticLike['code'], b: DiagnosticLike['code']): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  return a.value === b.value && sameUri(a.target, b.target);
}

function sameRelated(a: readonly Related[] = [], b: readonly Related[] = []): boolean {
  return (
    a.length === b.length &&
    a.every((r, i) => {
      const s = b[i] as Related;
      return (
        r.message === s.message &&
        sameRange(r.location.range, s.location.range) &&
        sameUri(r.location.uri, s.location.uri)
      );
    })
  );
}

function sameDiagnostic(a: DiagnosticLike, b: DiagnosticLike): boolean {
  return (
    a.message === b.message &&
    a.severity === b.severity &&
    a.source === b.source &&
    sameRange(a.range, b.range) &&
    sameCode(a.code, b.code) &&
    (a.tags ?? []).join() === (b.tags ?? []).join() &&
    sameRelated(a.relatedInformation, b.relatedInformation) &&
    (a.data === b.data || JSON.stringify(a.data) === JSON.stringify(b.data))
  );
}

/** True when `next` says exactly what `shown` says, in the same order. */
export function sameDiagnostics(shown: readonly DiagnosticLike[], next: readonly DiagnosticLike[]): boolean {
  return shown.length === next.length && shown.every((d, i) => sameDiagnostic(d, next[i] as DiagnosticLike));
}

/**
 * `shown` reads what VS Code holds for a file (the client's diagnostic collection), so a file whose diagnostics
 * were cleared meanwhile (closed, server restarted) always gets the new list.
 */
export function unchangedDiagnosticsMiddleware(
  shown: (uri: vscode.Uri) => readonly vscode.Diagnostic[] | undefined,
): Middleware {
  return {
    handleDiagnostics: (uri, diagnostics, next) => {
      const current = shown(uri);
      if (current && sameDiagnostics(current, diagnostics)) return;
      next(uri, diagnostics);
    },
  };
}
