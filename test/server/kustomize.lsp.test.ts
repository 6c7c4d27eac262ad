// The editor on kustomize layouts: a base built by a kustomization gets no false errors, and hovers say what the
// kustomization adds and where it comes from.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lspClientForSuite, positionOf } from '../helpers/lspClient';

const FOLDER = path.resolve(__dirname, '../fixtures/kustomize');
const BASE = path.join(FOLDER, 'base/deployment.yaml');
const UNLISTED = path.join(FOLDER, 'unlisted/deployment.yaml');

const client = lspClientForSuite({ workspaceFolder: FOLDER });

async function hoverAt(file: string, needle: string): Promise<string> {
  const text = fs.readFileSync(file, 'utf8');
  const result = await client().hover(pathToFileURL(file).href, positionOf(text, needle, 1));
  const contents = result?.contents;
  return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

describe('kustomize in the editor', () => {
  it('publishes no error for a base whose kustomization supplies the selector, and one for a file it does not build', async () => {
    const base = await client().open(pathToFileURL(BASE).href, fs.readFileSync(BASE, 'utf8'));
    expect(base.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    expect(base.diagnostics.map((d) => d.code)).not.toContain('latest-tag');
    const unlisted = await client().open(pathToFileURL(UNLISTED).href, fs.readFileSync(UNLISTED, 'utf8'));
    expect(unlisted.diagnostics.filter((d) => d.severity === 1).map((d) => [d.code, d.range.start])).toEqual([
      ['missing-required-field', { line: 4, character: 0 }],
    ]);
  });

  it('says on hover what the kustomization adds, naming its file and field', async () => {
    const spec = await hoverAt(BASE, 'spec:');
    expect(spec).toContain(
      'kustomize adds to the selector: `k8s-app: metrics-server` (from base/kustomization.yaml labels)',
    );
    const metadata = await hoverAt(BASE, 'metadata:');
    expect(metadata).toContain(
      'kustomize sets the namespace to `kube-system` (from base/kustomization.yaml namespace)',
    );
    const image = await hoverAt(BASE, 'image:');
    expect(image).toContain(
      'kustomize replaces `registry.example/metrics-server` with `registry.example/metrics-server:v0.7.2` (from base/kustomization.yaml images)',
    );
  });
});
