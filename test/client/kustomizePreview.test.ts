// The Preview Kustomization command's host side: the rendered text served read-only under podlens-kustomize:,
// and each finding listed on it with related information at the file that wrote the value.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KustomizePreviewResult } from '../../shared/protocol/lsp';

const state = vi.hoisted(() => ({
  diagnostics: new Map<string, unknown[]>(),
  shown: [] as string[],
  messages: [] as string[],
}));

vi.mock('vscode', () => {
  class Range {
    constructor(
      readonly startLine: number,
      readonly startCharacter: number,
      readonly endLine: number,
      readonly endCharacter: number,
    ) {}
  }
  class Diagnostic {
    source?: string;
    code?: string;
    relatedInformation?: unknown[];
    constructor(
      readonly range: Range,
      readonly message: string,
      readonly severity: number,
    ) {}
  }
  const uri = (href: string) => ({
    href,
    path: href.replace(/^[a-z-]+:(\/\/)?/, '/').replace(/^\/+/, '/'),
    toString: () => href,
  });
  return {
    Range,
    Diagnostic,
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    DiagnosticRelatedInformation: class {
      constructor(
        readonly location: unknown,
        readonly message: string,
      ) {}
    },
    Location: class {
      constructor(
        readonly uri: { toString(): string },
        readonly range: Range,
      ) {}
    },
    ViewColumn: { Beside: -2 },
    Uri: {
      parse: uri,
      from: (c: { scheme: string; path: string }) => uri(`${c.scheme}:${c.path}`),
    },
    EventEmitter: class {
      event = () => undefined;
      fire() {}
      dispose() {}
    },
    languages: {
      createDiagnosticCollection: () => ({
        set: (u: { toString(): string }, d: unknown[]) => state.diagnostics.set(u.toString(), d),
        dispose() {},
      }),
      setTextDocumentLanguage: async (doc: unknown) => doc,
    },
    workspace: {
      registerTextDocumentContentProvider: () => ({ dispose() {} }),
      openTextDocument: async (u: { toString(): string }) => ({ uri: u }),
      asRelativePath: (u: { path: string }) => u.path,
    },
    window: {
      showTextDocument: async (doc: { uri: { toString(): string } }) => state.shown.push(doc.uri.toString()),
      showInformationMessage: async (m: string) => state.messages.push(m),
      showWarningMessage: async (m: string) => state.messages.push(m),
    },
  };
});

const vscode = await import('vscode');
const { KustomizePreviews } = await import('../../client/src/kustomizePreview');

const K = 'file:///repo/overlay/kustomization.yaml';
const PATCH = 'file:///repo/overlay/patch.yaml';
const range = (line: number, from: number, to: number) => ({
  start: { line, character: from },
  end: { line, character: to },
});

function ctxAnswering(answer: KustomizePreviewResult) {
  return {
    client: {
      isRunning: () => true,
      code2ProtocolConverter: { asUri: (u: { toString(): string }) => u.toString() },
      sendRequest: async () => answer,
    },
    output: { info: vi.fn(), warn: vi.fn() },
  } as never;
}

beforeEach(() => {
  state.diagnostics.clear();
  state.shown.length = 0;
  state.messages.length = 0;
});

describe('KustomizePreviews', () => {
  it('opens the rendered text and lists findings with the origin as related information', async () => {
    const previews = new KustomizePreviews(
      ctxAnswering({
        kustomization: K,
        text: 'kind: Pod\n',
        diagnostics: [
          {
            rule: 'invalid-enum',
            severity: 'error',
            message: 'imagePullPolicy: Unsupported value',
            path: 'spec.containers[0].imagePullPolicy',
            range: range(9, 25, 34),
            origin: { uri: PATCH, range: range(9, 27, 36) },
            related: [],
          },
        ],
        problems: [],
      }),
    );
    await previews.preview(vscode.Uri.parse(K) as never);
    const rendered = 'podlens-kustomize:/repo/overlay/kustomization.yaml.rendered.yaml';
    expect(state.shown).toEqual([rendered]);
    expect(previews.provideTextDocumentContent(vscode.Uri.parse(rendered) as never)).toBe('kind: Pod\n');
    const [d] = state.diagnostics.get(rendered) as {
      code: string;
      severity: number;
      range: unknown;
      relatedInformation: { location: { uri: { toString(): string }; range: unknown }; message: string }[];
    }[];
    expect(d?.code).toBe('invalid-enum');
    expect(d?.severity).toBe(0);
    expect(d?.range).toEqual(new vscode.Range(9, 25, 9, 34));
    expect(d?.relatedInformation.map((r) => [r.location.uri.toString(), r.location.range, r.message])).toEqual([
      [PATCH, new vscode.Range(9, 27, 9, 36), 'the value comes from here'],
    ]);
    expect(state.messages).toEqual([]);
  });

  it('says so when the file is no kustomization, and opens nothing', async () => {
    const previews = new KustomizePreviews(
      ctxAnswering({
        kustomization: null,
        text: '\n',
        diagnostics: [],
        problems: [{ uri: 'file:///repo/x', message: 'no kustomization.yaml in this directory' }],
      }),
    );
    await previews.preview(vscode.Uri.parse('file:///repo/x/pod.yaml') as never);
    expect(state.shown).toEqual([]);
    expect(state.messages).toEqual(['podlens: /repo/x/pod.yaml is not a kustomization (no kustomization.yaml there).']);
  });
});
