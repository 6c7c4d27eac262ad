// Issue 19: a diagnostics publish that changes nothing never reaches VS Code, so typing inside a value of a
// 1,000-document file does not make the extension host re-send the file's 1,000 markers to the window; any
// change a user could see (text, place, severity, rule link, related location, quick-fix data) still goes through.
import { describe, expect, it } from 'vitest';
import { type DiagnosticLike, unchangedDiagnosticsMiddleware } from '../../client/src/unchangedDiagnostics';

const pos = (line: number, character: number) => ({ line, character });
const range = (line: number, from: number, to: number) => ({ start: pos(line, from), end: pos(line, to) });
/** A `vscode.Uri` stand-in: its parts, and its text as the middleware's caller keys files by it. */
function uri(s: string) {
  const u = new URL(s);
  const parts = {
    scheme: u.protocol.slice(0, -1),
    authority: u.host,
    path: u.pathname,
    query: u.search,
    fragment: u.hash,
  };
  return { ...parts, toString: () => s };
}

function diagnostic(line: number, more: Partial<DiagnosticLike> = {}): DiagnosticLike {
  return {
    range: range(line, 6, 11),
    message: `No livenessProbe on line ${line}`,
    severity: 3,
    source: 'podlens',
    code: { value: 'missing-liveness-probe', target: uri('https://podlens.dev/rules/missing-liveness-probe') },
    ...more,
  };
}

/** The middleware in front of a stand-in for the client's diagnostic collection; returns what reached it. */
function setup() {
  const shown = new Map<string, DiagnosticLike[]>();
  const sets: string[] = [];
  const { handleDiagnostics } = unchangedDiagnosticsMiddleware((u) => shown.get(u.toString()) as never);
  const publish = (file: string, diagnostics: DiagnosticLike[]) =>
    handleDiagnostics?.(uri(file) as never, diagnostics as never, (u, d) => {
      sets.push(u.toString());
      shown.set(u.toString(), d as never);
    });
  return { publish, sets, shown };
}

const FILE = 'file:///work/big.yaml';
const big = () => Array.from({ length: 1000 }, (_, i) => diagnostic(i * 24 + 10));

describe('unchanged diagnostics are not set again', () => {
  it('sets the first list, skips an equal one (fresh objects), sets a different one', () => {
    const { publish, sets } = setup();
    publish(FILE, big());
    publish(FILE, big());
    expect(sets).toEqual([FILE]);
    const moved = big();
    moved[999] = diagnostic(999 * 24 + 11); // an Enter above the last document moves its finding one line down
    publish(FILE, moved);
    expect(sets).toEqual([FILE, FILE]);
  });

  it('sets every change a user can see', () => {
    const changes: [string, Partial<DiagnosticLike>][] = [
      ['message', { message: 'other' }],
      ['severity', { severity: 1 }],
      ['range end', { range: range(10, 6, 12) }],
      [
        'rule',
        { code: { value: 'missing-resources', target: uri('https://podlens.dev/rules/missing-liveness-probe') } },
      ],
      ['rule page', { code: { value: 'missing-liveness-probe', target: uri('https://example.com/') } }],
      ['plain code', { code: 'missing-liveness-probe' }],
      ['source', { source: 'yaml' }],
      ['tags', { tags: [1] }],
      ['quick-fix data', { data: { fix: 'pin' } }],
      [
        'related location',
        { relatedInformation: [{ location: { uri: uri(FILE), range: range(3, 0, 4) }, message: 'declared here' }] },
      ],
    ];
    for (const [what, change] of changes) {
      const { publish, sets } = setup();
      publish(FILE, [diagnostic(10)]);
      publish(FILE, [diagnostic(10, change)]);
      expect(sets, what).toEqual([FILE, FILE]);
    }
  });

  it('sets a list that only differs in order or length, and keeps files apart', () => {
    const { publish, sets } = setup();
    publish(FILE, [diagnostic(1), diagnostic(2)]);
    publish(FILE, [diagnostic(2), diagnostic(1)]);
    publish(FILE, [diagnostic(2)]);
    publish('file:///work/other.yaml', [diagnostic(2)]);
    expect(sets).toEqual([FILE, FILE, FILE, 'file:///work/other.yaml']);
  });

  it('sets the list again once VS Code no longer holds it (file closed, server restarted)', () => {
    const { publish, sets, shown } = setup();
    publish(FILE, [diagnostic(1)]);
    shown.delete(FILE);
    publish(FILE, [diagnostic(1)]);
    expect(sets).toEqual([FILE, FILE]);
  });

  it('clears a file that had diagnostics, and skips clearing one that has none', () => {
    const { publish, sets, shown } = setup();
    shown.set(FILE, []);
    publish(FILE, []);
    expect(sets).toEqual([]);
    publish(FILE, [diagnostic(1)]);
    publish(FILE, []);
    expect(sets).toEqual([FILE, FILE]);
    expect(shown.get(FILE)).toEqual([]);
  });
});
