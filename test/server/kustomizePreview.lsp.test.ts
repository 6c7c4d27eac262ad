// `podlens/kustomizePreview`: the rendered overlay, its findings mapped to the files that wrote the values, unsaved
// edits of open files included, and nothing read outside the workspace folders.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  KustomizePreviewRequest,
  type KustomizePreviewResult,
  kustomizePreviewResultSchema,
} from '../../shared/protocol/lsp';
import { lspClientForSuite } from '../helpers/lspClient';

const FOLDER = path.resolve(__dirname, '../fixtures/kustomize-render');
const OVERLAY = path.join(FOLDER, 'overlay');
const PATCH = path.join(OVERLAY, 'pull-policy.yaml');
const uri = (p: string) => pathToFileURL(p).href;

const client = lspClientForSuite({ workspaceFolder: FOLDER });

async function preview(target: string): Promise<KustomizePreviewResult> {
  return kustomizePreviewResultSchema.parse(
    await client().connection.sendRequest(KustomizePreviewRequest.method, { uri: uri(target) }),
  );
}

describe('podlens/kustomizePreview', () => {
  it('renders the overlay and reports the patched pull policy at the patch file', async () => {
    const result = await preview(path.join(OVERLAY, 'kustomization.yaml'));
    expect(result.kustomization).toBe(uri(path.join(OVERLAY, 'kustomization.yaml')));
    expect(result.text).toContain('  name: prod-web\n');
    expect(result.problems).toEqual([]);
    const line = fs
      .readFileSync(PATCH, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('imagePullPolicy'));
    const finding = result.diagnostics.find((d) => d.rule === 'invalid-enum');
    expect(finding).toMatchObject({
      severity: 'error',
      origin: { uri: uri(PATCH), range: { start: { line, character: 27 }, end: { line, character: 36 } } },
    });
  });

  it('builds a directory URI the same way, and uses the unsaved text of an open patch', async () => {
    const fixed = fs.readFileSync(PATCH, 'utf8').replace('Sometimes', 'Always');
    await client().open(uri(PATCH), fixed);
    const result = await preview(OVERLAY);
    expect(result.text).toContain('imagePullPolicy: Always');
    expect(result.diagnostics.map((d) => d.rule)).not.toContain('invalid-enum');
  });

  it('renders a generated ConfigMap, and maps a finding on a replaced value to the env-file line it came from', async () => {
    const dir = path.join(FOLDER, 'generated');
    const result = await preview(dir);
    expect(result.problems).toEqual([]);
    // kubectl kustomize (kustomize v5.5.0) names the ConfigMap settings-9h5tb68g6f and points envFrom at it.
    expect(result.text).toContain('  name: settings-9h5tb68g6f\n');
    expect(result.text).toMatch(/configMapRef:\n +name: settings-9h5tb68g6f\n/);
    // The replacement copied PULL_POLICY=Sometimes into imagePullPolicy: the finding lands on `Sometimes` in the
    // env file (line 2), where the value was written.
    const finding = result.diagnostics.find((d) => d.rule === 'invalid-enum');
    expect(finding).toMatchObject({
      severity: 'error',
      path: 'spec.template.spec.containers[0].imagePullPolicy',
      origin: {
        uri: uri(path.join(dir, 'settings.env')),
        range: { start: { line: 1, character: 12 }, end: { line: 1, character: 21 } },
      },
    });
  });

  it('reads nothing outside the workspace folders', async () => {
    const outside = path.resolve(__dirname, '../fixtures/workspace/kustomize/overlays/prod');
    const result = await preview(outside);
    expect(result).toMatchObject({ kustomization: null, text: '\n', diagnostics: [] });
    expect(result.problems.map((p) => p.message)).toEqual(['no kustomization.yaml in this directory']);
  });
});
