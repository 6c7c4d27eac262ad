// Issue 15: the lifecycle panel as users live with it. One panel: the CodeLens and the title button reveal it
// instead of opening another; unlocked it follows the active YAML editor that has a pod; locked it stays (and
// says so in its title), also after a reload; the webview's what-if reports reach the CodeLens store only for
// the document the panel shows. The host runs against the recording `vscode` stand-in of the security tests.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from '../security/fakeVscode';

vi.mock('vscode', () => import('../security/fakeVscode'));

const { LifecyclePanels } = await import('../../client/src/lifecyclePanel');
const { WhatIfStore } = await import('../../client/src/whatIfStore');
const { configuredTarget } = await import('../../client/src/target');

const A = 'file:///work/a.yaml';
const B = 'file:///work/b.yaml';
const C = 'file:///work/c.yaml';

/** Files with a pod, as the server would answer; others have none. */
const WITH_POD = new Set([A, B, C]);

const editor = (href: string, languageId = 'yaml') => ({
  document: { uri: fake.uri(href), languageId },
  selection: { active: { line: 0 } },
});

const LIMIT_RANGE = {
  apiVersion: 'v1',
  kind: 'LimitRange',
  name: 'defaults',
  labels: {},
  location: {
    uri: 'file:///work/policy.yaml',
    range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
  },
  body: { limits: [{ type: 'Container', default: { memory: '256Mi' } }] },
};

/** A file's target as the server reports it (a folder's `.podlens.yaml`); without one, the settings' target. */
const serverTargets = new Map<string, { minor: number; featureGates: Record<string, boolean> }>();

function setup(storage = fake.memento()) {
  const whatIf = new WhatIfStore(() => undefined);
  const panels = new LifecyclePanels(
    fake.uri('file:///ext') as never,
    fake.output as never,
    whatIf,
    {
      podDocuments: async (uri: { toString(): string }) => ({
        version: 1,
        count: WITH_POD.has(uri.toString()) ? 1 : 0,
      }),
      // The server's index: only A's pod reads a workspace object (a LimitRange of another file).
      podWorkspace: async (uri: { toString(): string }) =>
        uri.toString() === A ? { objects: [LIMIT_RANGE], complete: true } : undefined,
      fileTarget: async (uri: { toString(): string }) =>
        serverTargets.get(uri.toString()) ?? configuredTarget(uri as never),
    },
    storage as never,
  );
  return { panels, whatIf, storage };
}

/** Makes `href` the active editor, as VS Code does, and waits for the host to settle. */
async function activate(href: string, languageId = 'yaml'): Promise<void> {
  const e = editor(href, languageId);
  (fake.window as { activeTextEditor: unknown }).activeTextEditor = e;
  for (const h of fake.listeners.activeEditor ?? []) h(e);
  await vi.waitFor(() => Promise.resolve());
  await new Promise((r) => setImmediate(r));
}

const documents = () =>
  fake.calls.posted.filter((m): m is { type: 'document'; uri: string } => (m as { type: string }).type === 'document');
const title = () => fake.state.panels.at(-1)?.title;

beforeEach(() => {
  for (const list of Object.values(fake.calls)) if (Array.isArray(list)) list.length = 0;
  for (const key of Object.keys(fake.listeners)) delete fake.listeners[key];
  fake.state.panels.length = 0;
  fake.state.context = {};
  fake.state.settings = {};
  (fake.window as { activeTextEditor: unknown }).activeTextEditor = undefined;
});

describe('the lifecycle panel', () => {
  it('is one panel: showing another file reveals and retargets it', async () => {
    const { panels } = setup();
    panels.show({ uri: fake.uri(A) } as never, null);
    panels.show({ uri: fake.uri(B) } as never, 0);
    // A's text was still being read when the panel moved on: only B is sent, never A's text under B's name.
    await vi.waitFor(() => expect(documents().map((d) => d.uri)).toEqual([B]));
    expect(fake.state.panels).toHaveLength(1);
    expect(fake.state.panels[0]).toMatchObject({ title: 'Lifecycle: b.yaml', reveals: 1, disposed: false });
    expect(fake.state.context).toMatchObject({ 'podlens.lifecyclePanelOpen': true });
  });

  it("sends the server's workspace facts with the document, and none when the server has none", async () => {
    const { panels } = setup();
    panels.show({ uri: fake.uri(A) } as never, null);
    await vi.waitFor(() => expect(documents().map((d) => d.uri)).toEqual([A]));
    expect(documents()[0]).toMatchObject({ workspace: { objects: [LIMIT_RANGE], complete: true } });
    panels.show({ uri: fake.uri(B) } as never, null);
    await vi.waitFor(() => expect(documents().map((d) => d.uri)).toEqual([A, B]));
    expect(documents()[1]).not.toHaveProperty('workspace');
  });

  it('follows the active YAML editor with a pod, and nothing else', async () => {
    const { panels } = setup();
    panels.show({ uri: fake.uri(A) } as never, null);
    await vi.waitFor(() => expect(documents().map((d) => d.uri)).toEqual([A]));
    await activate(C);
    await vi.waitFor(() => expect(documents().at(-1)?.uri).toBe(C));
    expect(title()).toBe('Lifecycle: c.yaml');
    await activate('file:///work/workflow.yaml');
    await activate('file:///work/README.md', 'markdown');
    expect(title()).toBe('Lifecycle: c.yaml');
    expect(documents().map((d) => d.uri)).toEqual([A, C]);
  });

  it('stays on its document while locked, says so, and follows again when unlocked', async () => {
    const { panels } = setup();
    panels.show({ uri: fake.uri(A) } as never, null);
    panels.setLocked(true);
    expect(title()).toBe('[Locked] Lifecycle: a.yaml');
    expect(fake.calls.posted).toContainEqual({ type: 'panel', locked: true });
    expect(fake.state.context['podlens.lifecyclePanelLocked']).toBe(true);
    await activate(B);
    expect(title()).toBe('[Locked] Lifecycle: a.yaml');
    expect(documents().map((d) => d.uri)).toEqual([A]);
    panels.setLocked(false);
    await vi.waitFor(() => expect(documents().at(-1)?.uri).toBe(B));
    expect(title()).toBe('Lifecycle: b.yaml');
    expect(fake.state.context['podlens.lifecyclePanelLocked']).toBe(false);
  });

  it('comes back locked after a reload, and only once', async () => {
    const { panels } = setup();
    const state = {
      uri: A,
      fileName: 'a.yaml',
      version: 1,
      text: '',
      until: 900,
      documentIndex: 0,
      at: null,
      overrides: {},
      speed: 5,
      collapsed: [],
      locked: true,
    };
    await panels.revive(fake.window.createWebviewPanel('podlens.lifecycle', '') as never, state);
    await panels.revive(fake.window.createWebviewPanel('podlens.lifecycle', '') as never, state);
    expect(fake.state.panels.map((p) => [p.title, p.disposed])).toEqual([
      ['[Locked] Lifecycle: a.yaml', false],
      ['', true],
    ]);
    await activate(B);
    expect(fake.state.panels[0]?.title).toBe('[Locked] Lifecycle: a.yaml');
  });

  it('comes back locked after a reload even when the webview saved its state from before the lock', async () => {
    const first = setup();
    first.panels.show({ uri: fake.uri(A) } as never, null);
    first.panels.setLocked(true);
    // The reload: a new extension host with the same workspace storage, and a webview state without the lock.
    const { panels } = setup(first.storage);
    const stale = { uri: A, fileName: 'a.yaml', version: 1, text: '', until: 900, documentIndex: 0, at: null };
    await panels.revive(fake.window.createWebviewPanel('podlens.lifecycle', '') as never, {
      ...stale,
      overrides: {},
      speed: 5,
      collapsed: [],
      locked: false,
    });
    expect(fake.state.panels.at(-1)?.title).toBe('[Locked] Lifecycle: a.yaml');
    panels.setLocked(false);
    expect(first.storage.get('podlens.lifecyclePanel.lockedUri')).toBeUndefined();
  });

  it('records what-if reports for its own document and drops them when it moves on', async () => {
    const { panels, whatIf } = setup();
    panels.show({ uri: fake.uri(A) } as never, null);
    const receive = fake.state.receive;
    if (!receive) throw new Error('no message handler');
    await receive({ type: 'whatIf', uri: A, documentIndex: 0, changed: 2, headline: 'CrashLoopBackOff' });
    await receive({ type: 'whatIf', uri: B, documentIndex: 0, changed: 1, headline: 'late, for another file' });
    expect(whatIf.get(A, 0)).toEqual({ changed: 2, headline: 'CrashLoopBackOff' });
    expect(whatIf.get(B, 0)).toBeUndefined();
    await activate(B);
    await vi.waitFor(() => expect(documents().at(-1)?.uri).toBe(B));
    expect(whatIf.get(A, 0)).toBeUndefined();
  });

  it('sends the target Kubernetes version with the document, and again when the setting changes', async () => {
    const { panels } = setup();
    fake.state.settings = { 'podlens.kubernetesVersion': '1.31', 'podlens.featureGates': { SidecarContainers: false } };
    panels.show({ uri: fake.uri(A) } as never, null);
    await vi.waitFor(() => expect(documents()).toHaveLength(1));
    expect(documents()[0]).toMatchObject({ target: { minor: 31, featureGates: { SidecarContainers: false } } });
    fake.state.settings = { 'podlens.kubernetesVersion': 'v1.99' };
    for (const fire of fake.listeners.configuration ?? [])
      fire({ affectsConfiguration: (section: string) => section === 'podlens.kubernetesVersion' });
    // An unsupported version falls back to the newest, as the setting's schema says.
    await vi.waitFor(() => expect(documents()).toHaveLength(2));
    expect(documents()[1]).toMatchObject({ target: { minor: 36, featureGates: {} } });
  });

  it("simulates against the target the server checks the file against, and again when the server's targets change", async () => {
    const { panels } = setup();
    serverTargets.set(A, { minor: 30, featureGates: {} });
    try {
      panels.show({ uri: fake.uri(A) } as never, null);
      await vi.waitFor(() => expect(documents()).toHaveLength(1));
      expect(documents()[0]).toMatchObject({ target: { minor: 30 } });
      // A folder's .podlens.yaml changed: the server says so, and the panel simulates the new kubelet.
      serverTargets.set(A, { minor: 33, featureGates: { SidecarContainers: false } });
      panels.targetsChanged();
      await vi.waitFor(() => expect(documents()).toHaveLength(2));
      expect(documents()[1]).toMatchObject({ target: { minor: 33, featureGates: { SidecarContainers: false } } });
    } finally {
      serverTargets.clear();
    }
  });
});
