// Other YAML is left alone (issue 15): CI workflows, compose files, OpenAPI documents and Ansible playbooks get no
// diagnostics, no outline, no folding and no CodeLens from podlens, even with `${{ }}` or `{{ }}` in them; a
// template of a Helm chart still gets the template notice.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CodeLensRequest } from 'vscode-languageserver-protocol/node';
import { lspClientForSuite } from '../helpers/lspClient';

const DIR = path.resolve(__dirname, '../fixtures/other-yaml');
const OTHER_YAML = [
  '.github/workflows/ci.yml',
  '.gitlab-ci.yml',
  'docker-compose.yaml',
  'openapi.yaml',
  'ansible-playbook.yml',
];

const client = lspClientForSuite({ workspaceFolder: DIR });

const open = async (name: string) => {
  const uri = pathToFileURL(path.join(DIR, name)).href;
  const text = fs.readFileSync(path.join(DIR, name), 'utf8');
  return { uri, text, published: await client().open(uri, text) };
};

describe('YAML that is not a Kubernetes object', () => {
  it.each(OTHER_YAML)('%s gets no diagnostics, symbols, folding or lenses', async (name) => {
    const { uri, text, published } = await open(name);
    expect(published.diagnostics).toEqual([]);
    expect(await client().documentSymbols(uri)).toEqual([]);
    expect(await client().connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })).toBeNull();
    expect(await client().connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })).toEqual([]);
    // Hovering the first key of every line finds nothing of ours to say either.
    for (const [line, content] of text.split('\n').entries()) {
      const character = content.search(/\S/);
      if (character >= 0) expect(await client().hover(uri, { line, character })).toBeNull();
    }
  });

  it('a Helm chart template still gets the template notice and an outline', async () => {
    const { uri, published } = await open('chart/templates/deployment.yaml');
    expect(published.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['helm-template', 0]]);
    expect((await client().documentSymbols(uri)).map((s) => s.name)).toEqual(['Helm template']);
  });
});
