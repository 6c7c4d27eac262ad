// The podlens Output channel over LSP (window/logMessage from dist/server.js): the start line with version,
// Kubernetes version and settings in force, one line per configuration change naming what changed, and the
// timing of slow analyses with the file's size.
import { afterEach, describe, expect, it } from 'vitest';
import { MessageType } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n';

let client: TestLspClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

describe('podlens Output channel', () => {
  it('logs the start with the version, the Kubernetes version and the settings in force', async () => {
    client = await TestLspClient.start({ settings: () => ({ lint: { maxDiagnosticsPerFile: 50 } }) });
    const start = await client.log((m) => m.message.includes('started'));
    expect(start.type).toBe(MessageType.Info);
    expect(start.message).toMatch(/^podlens \d+\.\d+\.\d+ started · Kubernetes 1\.36 schema \(kubernetes-models@/);
    expect(start.message).toContain('lint.maxDiagnosticsPerFile=50');
    expect(start.message).toContain('simulation.until=900');
    expect(start.message).toContain('coexistence auto: podlens provides every feature');
  });

  it('logs each configuration change with the old and new value, and nothing when nothing changed', async () => {
    let settings: Record<string, unknown> = {};
    let fetches = 0;
    client = await TestLspClient.start({
      settings: () => {
        fetches++;
        return settings;
      },
    });
    await client.log((m) => m.message.includes('started'));
    settings = { lint: { enable: false }, rules: { 'latest-tag': 'off' } };
    await client.changeConfiguration();
    const changed = await client.log((m) => m.message.startsWith('settings changed'));
    expect(changed.type).toBe(MessageType.Info);
    expect(changed.message).toBe('settings changed: lint.enable true → false, rules {} → {"latest-tag":"off"}');

    settings = {
      ...settings,
      coexistence: 'auto',
      schemaElsewhere: { hover: true, completion: true, validation: true },
    };
    await client.changeConfiguration();
    const coexistence = await client.log(
      (m) => m.message.startsWith('settings changed') && m.message.includes('schemaElsewhere'),
    );
    expect(coexistence.message).toContain(
      "coexistence auto: Red Hat YAML's Kubernetes schema is active, podlens leaves schema hover text, key completion, schema errors to it",
    );

    const before = fetches;
    await client.changeConfiguration();
    // The unchanged settings are fetched before the next change is made: three change lines in all, not four.
    while (fetches === before) await new Promise((resolve) => setImmediate(resolve));
    settings = { ...settings, simulation: { until: 60 } };
    await client.changeConfiguration();
    await client.log((m) => m.message.includes('simulation.until 900 → 60'));
    expect(client.logs.filter((m) => m.message.startsWith('settings changed'))).toHaveLength(3);
  });

  it('logs slow analyses and requests with the file and its size (threshold lowered to 0 ms)', async () => {
    client = await TestLspClient.start({ env: { PODLENS_SLOW_OPERATION_MS: '0' } });
    const uri = client.uri('slow.yaml');
    await client.open(uri, POD);
    const slow = await client.log((m) => m.message.startsWith('slow: analysis of'));
    expect(slow.type).toBe(MessageType.Warning);
    await client.hover(uri, { line: 7, character: 9 });
    const hover = await client.log((m) => m.message.startsWith('slow: hover'));
    expect(hover.message).toMatch(
      new RegExp(`^slow: hover in ${uri} took \\d+ ms \\(9 lines, ${POD.length} characters\\)$`),
    );
    expect(slow.message).toMatch(
      new RegExp(`^slow: analysis of ${uri} took \\d+ ms \\(9 lines, ${POD.length} characters\\)$`),
    );
  });

  it('says nothing about speed at the default threshold for a small file', async () => {
    client = await TestLspClient.start();
    const uri = client.uri('quick.yaml');
    await client.open(uri, POD);
    await client.changeConfiguration();
    expect(client.logs.filter((m) => m.message.startsWith('slow:'))).toEqual([]);
  });
});
