// Quick fixes over the protocol: the bundled server answers textDocument/codeAction for podlens diagnostics; the
// returned edits, applied to the text, give the expected YAML, and suppression comments silence the finding.

import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import type { ServerContext } from '../../server/context';
import { toDiagnostic } from '../../server/convert';
import { codeActions } from '../../server/features/codeActions';
import { AnalysisHost } from '../../shared/analysis';
import { DEFAULT_LINT_CONFIG } from '../../shared/lint';
import { tabStop } from '../../shared/lint/fixes';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { applyEdits } from '../helpers/lint/lintHelpers';
import { lspClientForSuite } from '../helpers/lspClient';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  containers:
    - name: app
      image: nginx
      ports:
        - containerPort: 80
    - name: helper
      image: busybox:1.36
      imagePullpolicy: IfNotPresent
      command: ["sh", "-c", "while true; do sleep 5; done"]
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
    name: api
    labels:
        app.kubernetes.io/name: api
spec:
    selector:
        matchLabels:
            app: api
    template:
        metadata:
            labels:
                app: api
        spec:
            containers:
                -   name: api   # serves /v1
                    image: ghcr.io/example/api:2.3.1
                    ports:
                        -   name: http
                            containerPort: 8080
`;

describe('textDocument/codeAction', () => {
  const client = lspClientForSuite();

  async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client().connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
  }

  function edited(text: string, uri: string, action: CodeAction | undefined): string {
    const edits = (action?.edit?.changes?.[uri] ?? []) as TextEdit[];
    expect(edits.length).toBeGreaterThan(0);
    return applyEdits(text, edits);
  }

  function diagnosticOf(diags: Diagnostic[], code: string, line?: number): Diagnostic {
    const d = diags.find((x) => x.code === code && (line === undefined || x.range.start.line === line));
    if (!d)
      throw new Error(`no ${code} diagnostic; got ${diags.map((x) => `${x.code}@${x.range.start.line}`).join(', ')}`);
    return d;
  }

  it('announces quick fixes', () => {
    expect(client().initializeResult?.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix'] });
  });

  it('fixes a misspelled key to the suggestion', async () => {
    const uri = client().uri('pod-typo.yaml');
    const { diagnostics } = await client().open(uri, POD);
    const actions = await actionsFor(uri, diagnosticOf(diagnostics, 'unknown-field'));
    const fix = actions.find((a) => a.title === 'Change to "imagePullPolicy"');
    expect(fix?.kind).toBe('quickfix');
    expect(edited(POD, uri, fix)).toBe(POD.replace('imagePullpolicy', 'imagePullPolicy'));
  });

  it('adds imagePullPolicy with the effective value, and offers no tag pin to a client without snippets', async () => {
    const uri = client().uri('pod-latest.yaml');
    const { diagnostics } = await client().open(uri, POD);
    const actions = await actionsFor(uri, diagnosticOf(diagnostics, 'latest-tag'));
    // Only the user knows the version: as plain text the fix would write a made-up tag that gets saved and pulled.
    expect(actions.map((a) => a.title)).toEqual([
      'Set imagePullPolicy: Always explicitly',
      'Suppress latest-tag on this line',
      'Suppress latest-tag in this document',
    ]);
    expect(edited(POD, uri, actions[0])).toBe(
      POD.replace('      image: nginx\n', '      image: nginx\n      imagePullPolicy: Always\n'),
    );
  });

  it('inserts a readiness probe skeleton at a 4-space Deployment’s indentation', async () => {
    const uri = client().uri('deployment.yaml');
    const { diagnostics } = await client().open(uri, DEPLOYMENT);
    const actions = await actionsFor(uri, diagnosticOf(diagnostics, 'missing-readiness-probe'));
    const probe = actions.find((a) => a.title === 'Add a readinessProbe skeleton');
    expect(edited(DEPLOYMENT, uri, probe)).toBe(`${DEPLOYMENT}                    readinessProbe:
                        httpGet:
                            path: /readyz
                            port: http
                        periodSeconds: 10
                        failureThreshold: 3
`);
  });

  it('suppresses a rule on one line; the diagnostic is gone after re-opening', async () => {
    const uri = client().uri('pod-suppress.yaml');
    const { diagnostics } = await client().open(uri, POD);
    const latest = diagnosticOf(diagnostics, 'latest-tag');
    const actions = await actionsFor(uri, latest);
    const suppressed = edited(
      POD,
      uri,
      actions.find((a) => a.title === 'Suppress latest-tag on this line'),
    );
    expect(suppressed).toBe(
      POD.replace('      image: nginx\n', '      # podlens-disable-next-line latest-tag\n      image: nginx\n'),
    );
    client().close(uri);
    const reopened = await client().open(client().uri('pod-suppressed.yaml'), suppressed);
    expect(reopened.diagnostics.filter((d) => d.code === 'latest-tag')).toEqual([]);
    expect(reopened.diagnostics.some((d) => d.code === 'missing-resources')).toBe(true);
  });

  it('suppresses a rule in the whole document', async () => {
    const uri = client().uri('deployment-suppress.yaml');
    const { diagnostics } = await client().open(uri, DEPLOYMENT);
    const actions = await actionsFor(uri, diagnosticOf(diagnostics, 'missing-liveness-probe'));
    const suppressed = edited(
      DEPLOYMENT,
      uri,
      actions.find((a) => a.title === 'Suppress missing-liveness-probe in this document'),
    );
    expect(suppressed).toBe(`# podlens-disable missing-liveness-probe\n${DEPLOYMENT}`);
    const reopened = await client().open(client().uri('deployment-suppressed.yaml'), suppressed);
    expect(reopened.diagnostics.filter((d) => d.code === 'missing-liveness-probe')).toEqual([]);
  });

  it('offers nothing for a stale diagnostic, only for the one at the current position', async () => {
    const uri = client().uri('pod-stale.yaml');
    const { diagnostics } = await client().open(uri, POD);
    const old = diagnosticOf(diagnostics, 'latest-tag');
    // A line above moves the finding down by one: the old diagnostic no longer describes the text.
    const current = await client().change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# moved\n' },
    ]);
    expect(await actionsFor(uri, old)).toEqual([]);
    const moved = diagnosticOf(current.diagnostics, 'latest-tag');
    expect(moved.range.start.line).toBe(old.range.start.line + 1);
    expect((await actionsFor(uri, moved)).map((a) => a.title)).toContain('Set imagePullPolicy: Always explicitly');
  });

  it('returns nothing when only other kinds are requested', async () => {
    const uri = client().uri('pod-only.yaml');
    const { diagnostics } = await client().open(uri, POD);
    const d = diagnosticOf(diagnostics, 'latest-tag');
    const actions: CodeAction[] = await client().connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['source.organizeImports'] },
    });
    expect(actions).toEqual([]);
  });
});

describe('the pin-tag fix for a client with snippet edits (issue 15)', () => {
  const client = lspClientForSuite({ snippetEdits: true });

  interface SnippetEdit {
    range: TextEdit['range'];
    snippet: { kind: 'snippet'; value: string };
  }

  /** The snippet edit of the "Pin"/"Replace" action for the latest-tag finding of `text`. */
  async function pinEdit(name: string, text: string): Promise<{ uri: string; title: string; edit: SnippetEdit }> {
    const uri = client().uri(name);
    const { diagnostics } = await client().open(uri, text);
    const diagnostic = diagnostics.find((d) => d.code === 'latest-tag');
    const actions: CodeAction[] = await client().connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic?.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const pin = actions[0];
    const change = pin?.edit?.documentChanges?.[0] as { edits: SnippetEdit[] } | undefined;
    return { uri, title: pin?.title ?? '', edit: change?.edits[0] as SnippetEdit };
  }

  /** The text after the snippet runs: `typed` replaces the selected placeholder; undefined is Escape. */
  const run = (text: string, edit: SnippetEdit, typed?: string) =>
    applyEdits(text, [
      { range: edit.range, newText: edit.snippet.value.replace(/\$\{1:([^}]*)\}/, (_, d) => typed ?? d) },
    ]);

  it('selects the tag after an untagged image for typing, and the typed tag clears the finding', async () => {
    const { uri, title, edit } = await pinEdit('pin-untagged.yaml', POD);
    expect(title).toBe('Pin the image to a tag');
    expect(edit.snippet.value).toBe(`:${tabStop(1, 'latest')}`);
    const typed = run(POD, edit, '1.27.3');
    expect(typed).toContain('      image: nginx:1.27.3\n');
    const after = await client().change(uri, [{ text: typed }]);
    expect(after.diagnostics.filter((d) => d.code === 'latest-tag')).toEqual([]);
  });

  it('leaves what the image already meant when the user presses Escape, and the finding stays', async () => {
    const text = POD.replace('image: nginx\n', 'image: nginx:latest\n');
    const { uri, title, edit } = await pinEdit('pin-latest.yaml', text);
    expect(title).toBe('Replace :latest with a pinned tag');
    const escaped = run(text, edit);
    expect(escaped).toBe(text);
    const after = await client().change(uri, [{ text: run(POD, (await pinEdit('pin-escape.yaml', POD)).edit) }]);
    // `nginx` became `nginx:latest`: the same image, still flagged, never a made-up tag.
    expect(after.diagnostics.filter((d) => d.code === 'latest-tag')).toHaveLength(1);
  });
});

describe('codeActions with snippet-edit support (in process)', () => {
  it('sends snippet fixes as LSP 3.18 snippet edits in versioned document changes', () => {
    const uri = 'file:///tmp/podlens-test/snippet.yaml';
    const host = new AnalysisHost({ config: DEFAULT_LINT_CONFIG });
    host.applyChange(uri, 7, [{ text: POD }]);
    const ctx = {
      analysis: () => host.snapshot(),
      settings: () => DEFAULT_SETTINGS,
      log: () => undefined,
    } as unknown as ServerContext;
    const finding = host
      .snapshot()
      .findings(uri)
      .find((f) => f.rule === 'latest-tag');
    if (!finding) throw new Error('no latest-tag finding');
    const diagnostic = toDiagnostic(finding, uri);
    const params = { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } };
    const [pin, policy] = codeActions(ctx, params, { snippetEdits: true });
    expect(pin?.edit).toEqual({
      documentChanges: [
        {
          textDocument: { uri, version: 7 },
          edits: [
            {
              range: { start: { line: 9, character: 18 }, end: { line: 9, character: 18 } },
              snippet: { kind: 'snippet', value: `:${tabStop(1, 'latest')}` },
            },
          ],
        },
      ],
    });
    // Plain fixes stay plain text edits.
    expect(policy?.edit?.changes?.[uri]?.[0]?.newText).toBe('\n      imagePullPolicy: Always');
  });
});
