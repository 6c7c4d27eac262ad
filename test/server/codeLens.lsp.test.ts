// CodeLens over the real protocol against dist/server.js (issue 6): `▶ Preview lifecycle` plus a prediction
// resolved lazily, above every Pod and pod template; `podlens.codeLens.enable`; and `podlens/podDocuments`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CodeLens, CodeLensRequest, CodeLensResolveRequest } from 'vscode-languageserver-protocol/node';
import { PodDocumentsRequest, type PodDocumentsResult } from '../../shared/protocol/lsp';
import { lspClientForSuite, TestLspClient } from '../helpers/lspClient';

const example = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../examples', name), 'utf8');

const CONFIGMAP_AND_TWO_PODS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  a: b
---
${example('crashloop.yaml')}---
${example('init-containers.yaml')}`;

describe('codeLens', () => {
  const client = lspClientForSuite();

  const lenses = (uri: string) => client().connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  const resolve = (lens: CodeLens) => client().connection.sendRequest(CodeLensResolveRequest.type, lens);
  /** The prediction lens title of each e2e workspace fixture: what the real-VS-Code suite reads above the pod. */
  const fixtureHeadlines = async (names: string[]) => {
    const titles: string[] = [];
    for (const name of names) {
      const uri = client().uri(`headline-${name}`);
      await client().open(uri, fs.readFileSync(path.resolve(__dirname, '../e2e/fixtures/workspace', name), 'utf8'));
      const all = (await lenses(uri)) ?? [];
      titles.push((await resolve(all[1] as CodeLens)).command?.title ?? '');
    }
    return titles;
  };

  it('puts a preview lens and an unresolved prediction lens above each pod document, not other kinds', async () => {
    const uri = client().uri('pods.yaml');
    await client().open(uri, CONFIGMAP_AND_TWO_PODS);
    const all = (await lenses(uri)) ?? [];
    expect(all).toHaveLength(4);
    const lines = CONFIGMAP_AND_TWO_PODS.split('\n');
    const [preview, prediction] = all;
    expect(preview?.command).toEqual({
      title: '▶ Preview lifecycle',
      tooltip: expect.stringContaining('predicted lifecycle'),
      command: 'podlens.previewLifecycle',
      arguments: [uri, 1],
    });
    expect(lines[preview?.range.start.line ?? -1]).toBe('apiVersion: v1');
    expect(preview?.range.start.line).toBeGreaterThan(5);
    expect(prediction?.command).toBeUndefined();
    expect(all[3]?.range.start.line).toBeGreaterThan(all[1]?.range.start.line ?? 0);
  });

  it('resolves the prediction with the simulation summary and the same command', async () => {
    const uri = client().uri('predict.yaml');
    await client().open(uri, CONFIGMAP_AND_TWO_PODS);
    const all = (await lenses(uri)) ?? [];
    const crash = await resolve(all[1] as CodeLens);
    const init = await resolve(all[3] as CodeLens);
    expect(crash.command?.title).toBe('CrashLoopBackOff predicted for app');
    expect(crash.command?.command).toBe('podlens.previewLifecycle');
    expect(crash.command?.arguments).toEqual([uri, 1]);
    expect(init.command?.title).toBe('Ready in ~24 s');
  });

  it('headlines pods meant to finish: a Job completes, a pod under Never fails with its exit code', async () => {
    const titles = await fixtureHeadlines(['job.yaml', 'failing-pod.yaml']);
    expect(titles).toEqual(['Completes in ~7 s', 'Fails: exit 42 (migrate) at ~2 s']);
  });

  it('headlines the documentation walkthroughs the real-VS-Code suite shows: an init wait, an OOM crash loop', async () => {
    const titles = await fixtureHeadlines(['init-waits-pod.yaml', 'oom-pod.yaml']);
    // The server looks for the Service in the workspace too, as the panel does.
    expect(titles).toEqual([
      'Waits for Service myservice, not in the workspace',
      'OOMKilled, crash-looping: memory-demo-2-ctr',
    ]);
  });

  it('places a workload lens on its pod template', async () => {
    const uri = client().uri('deployment.yaml');
    const text = example('deployment.yaml');
    await client().open(uri, text);
    const all = (await lenses(uri)) ?? [];
    expect(all).toHaveLength(2);
    expect(text.split('\n')[all[0]?.range.start.line ?? -1]?.trim()).toBe('template:');
    // The Secret `checkout-db` is not defined in the file: with no scenario it is assumed to exist, and the lens says so.
    expect((await resolve(all[1] as CodeLens)).command?.title).toMatch(
      /Ready in ~\d+ s · assumes Secret checkout-db exists/,
    );
  });

  it('follows edits: a fixed crash loop predicts Ready', async () => {
    const uri = client().uri('edit.yaml');
    const text = example('crashloop.yaml');
    await client().open(uri, text);
    await client().change(uri, [{ text: text.replace("'echo starting; exit 1'", "'sleep infinity'") }]);
    const all = (await lenses(uri)) ?? [];
    expect((await resolve(all[1] as CodeLens)).command?.title).toMatch(/^Ready in ~\d+ s$/);
  });

  it('answers podlens/podDocuments with the pod documents of a file', async () => {
    const uri = client().uri('docs.yaml');
    await client().open(uri, CONFIGMAP_AND_TWO_PODS);
    const result: PodDocumentsResult = await client().connection.sendRequest(PodDocumentsRequest.method, {
      textDocument: { uri },
    });
    expect(result.version).toBe(1);
    expect(result.documents.map((d) => [d.index, d.kind, d.name])).toEqual([
      [1, 'Pod', 'crasher'],
      [2, 'Pod', 'myapp-pod'],
    ]);
    const unknown: PodDocumentsResult = await client().connection.sendRequest(PodDocumentsRequest.method, {
      textDocument: { uri: client().uri('never-opened.yaml') },
    });
    expect(unknown).toEqual({ version: null, documents: [] });
  });
});

describe('codeLens disabled', () => {
  it('returns no lenses when podlens.codeLens.enable is false', async () => {
    const client = await TestLspClient.start({ settings: () => ({ codeLens: { enable: false } }) });
    try {
      const uri = client.uri('off.yaml');
      await client.open(uri, example('crashloop.yaml'));
      const all = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
      expect(all ?? []).toEqual([]);
    } finally {
      await client.stop();
    }
  });
});

describe('codeLens and the target Kubernetes version', () => {
  it('predicts with the kubelet of podlens.kubernetesVersion and its gates, and again after they change', async () => {
    let settings: Record<string, unknown> = {};
    const client = await TestLspClient.start({ settings: () => settings });
    try {
      const uri = client.uri('sidecar-target.yaml');
      // The sidecar runs `sleep infinity`: the real-VS-Code suite's version step shows this pod.
      await client.open(
        uri,
        fs.readFileSync(path.resolve(__dirname, '../e2e/fixtures/workspace/sidecar-pod.yaml'), 'utf8'),
      );
      const headline = async () => {
        const all = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
        return (await client.connection.sendRequest(CodeLensResolveRequest.type, all[1] as CodeLens)).command?.title;
      };
      expect(await headline()).toMatch(/^Ready in/);
      settings = { kubernetesVersion: '1.31', featureGates: { SidecarContainers: false } };
      // The re-publish that follows the settings says the server has the new target.
      const republished = client.nextDiagnostics(uri);
      await client.changeConfiguration();
      await republished;
      // Without native sidecars the sidecar is an init container that never exits: the pod stays in Init.
      expect(await headline()).toMatch(/^Stuck in Init/);
    } finally {
      await client.stop();
    }
  });
});
