// podlens.kubernetesVersion and podlens.featureGates over LSP: diagnostics re-published when the setting changes,
// completion offering only the target's fields, hover saying when a field arrived.
import { describe, expect, it } from 'vitest';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import { lspClientForSuite } from '../helpers/lspClient';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  os:
    name: linux
  containers:
  - name: app
    image: registry.example/app:1.4.2
    lifecycle:
      stopSignal: SIGQUIT
      
`;

let settings: Record<string, unknown> = {};
const client = lspClientForSuite({ settings: () => settings });

const codes = (diags: { code?: string | number; message: unknown }[]) =>
  diags
    .filter((d) => d.code === 'unknown-field' || d.code === 'feature-gate-off')
    .map((d) => `${d.code}: ${String(d.message)}`);

async function configure(next: Record<string, unknown>, uri: string) {
  settings = next;
  const published = client().nextDiagnostics(uri);
  await client().connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  return (await published).diagnostics;
}

describe('the target Kubernetes version', () => {
  it('re-publishes diagnostics when podlens.kubernetesVersion and podlens.featureGates change', async () => {
    const uri = client().uri('versions-diagnostics.yaml');
    const { diagnostics } = await client().open(uri, POD);
    expect(codes(diagnostics)).toEqual([
      'feature-gate-off: `stopSignal` is ignored: ContainerStopSignals (alpha, off in v1.36)',
    ]);
    expect(codes(await configure({ kubernetesVersion: '1.32' }, uri))).toEqual([
      'unknown-field: `stopSignal` needs v1.33 or newer; your target is v1.32',
    ]);
    expect(codes(await configure({ featureGates: { ContainerStopSignals: true } }, uri))).toEqual([]);
    await configure({}, uri);
  });

  it('after each switch, publishes what a file opened under the new version gets, also when switching back', async () => {
    // A version-independent Pod (its analysis is kept across switches) beside the version-dependent one.
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: plain\nspec:\n  containers:\n  - name: app\n    image: nginx:latest\n---\n${POD}`;
    const uri = client().uri('versions-switch.yaml');
    const all = (diags: { code?: string | number; message: unknown; range: unknown; severity?: number }[]) =>
      diags.map((d) => JSON.stringify([d.code, d.message, d.range, d.severity])).sort();
    const freshUnder = async (next: Record<string, unknown>, name: string) => {
      await configure(next, uri);
      const other = client().uri(name);
      const { diagnostics } = await client().open(other, text);
      client().close(other);
      return all(diagnostics);
    };
    await client().open(uri, text);
    const newest = await freshUnder({}, 'versions-fresh-136.yaml');
    const old = await freshUnder({ kubernetesVersion: '1.31' }, 'versions-fresh-131.yaml');
    await configure({}, uri);
    expect(old).not.toEqual(newest);
    expect(all(await configure({ kubernetesVersion: '1.31' }, uri))).toEqual(old);
    expect(all(await configure({}, uri))).toEqual(newest);
    expect(all(await configure({ kubernetesVersion: '1.31' }, uri))).toEqual(old);
    await configure({}, uri);
  });

  it('completes only the keys the target version has, and says when newer ones arrived', async () => {
    const uri = client().uri('versions-completion.yaml');
    await client().open(uri, POD.replace('      stopSignal: SIGQUIT\n', ''));
    const at = { line: 11, character: 6 };
    const labels = async () => (await client().completion(uri, at)).map((i) => i.label);
    const item = (await client().completion(uri, at)).find((i) => i.label === 'stopSignal');
    expect((item?.documentation as { value: string } | undefined)?.value.split('\n')[0]).toBe('`string` · since v1.33');
    await configure({ kubernetesVersion: '1.32' }, uri);
    const old = await labels();
    expect(old).toContain('preStop');
    expect(old).not.toContain('stopSignal');
    await configure({}, uri);
  });

  it('says in the hover when the field arrived and its stage', async () => {
    const uri = client().uri('versions-hover.yaml');
    await client().open(uri, POD);
    const hover = await client().hover(uri, { line: 11, character: 8 });
    const text = (hover?.contents as { value: string } | undefined)?.value ?? '';
    expect(text.split('\n')[0]).toBe('**`spec.containers[0].lifecycle.stopSignal`** · `string` · since v1.33');
  });
});
