// The index's fast path: files that cannot define an object are skipped before parsing, without losing objects
// written in flow style or JSON, Helm templates define nothing, and every document of a multi-document file counts.
import { describe, expect, it } from 'vitest';
import { indexFile, WorkspaceIndex } from '../../../shared/analysis/workspace';

const URI = 'file:///w/x.yaml';
const names = (text: string, options = {}) =>
  indexFile(URI, text, options).objects.map((o) => [o.document, o.object.kind, o.object.name]);

describe('workspace index fast path', () => {
  it('defines nothing for YAML that is not Kubernetes', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n';
    expect(indexFile(URI, compose)).toEqual({ uri: URI, objects: [] });
    // Has `kind` and `name` but no apiVersion: still no object.
    expect(names('kind: ConfigMap\nmetadata:\n  name: half\n')).toEqual([]);
  });

  it('still reads objects written in flow style or as JSON', () => {
    expect(names('{apiVersion: v1, kind: ConfigMap, metadata: {name: flow}, data: {A: "1"}}\n')).toEqual([
      [0, 'ConfigMap', 'flow'],
    ]);
    const json = '{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "json"}, "stringData": {"k": "v"}}';
    expect(names(json)).toEqual([[0, 'Secret', 'json']]);
    expect(indexFile(URI, json).objects[0]?.object.keys).toEqual(['k']);
  });

  it('defines nothing for a Helm chart template, even one that parses', () => {
    const template = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-config\n';
    expect(names(template, { helmTemplate: true })).toEqual([]);
    expect(names('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n', { helmTemplate: true })).toEqual([]);
  });

  it('indexes every Kubernetes document of a multi-document file by its position', () => {
    const text = [
      'title: not an object',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\ndata:\n  A: x',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: second\nspec:\n  selector:\n    matchLabels: {app: a}\n' +
        '  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      containers:\n        - name: c\n' +
        '          image: i\n          envFrom: [{configMapRef: {name: first}}]',
    ].join('\n---\n');
    expect(names(text)).toEqual([
      [1, 'ConfigMap', 'first'],
      [2, 'Deployment', 'second'],
    ]);
    expect(indexFile(URI, text).objects[1]?.pod?.references.map((r) => [r.kind, r.name])).toEqual([
      ['ConfigMap', 'first'],
    ]);
  });

  it('counts a file indexed for the first time as a change, and the same facts again as none', () => {
    const index = new WorkspaceIndex();
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
    expect(index.update(URI, text)).toBe(true);
    expect(index.update(URI, `# moved\n${text}`)).toBe(false);
    expect(index.update(URI, text.replace('name: c', 'name: d'))).toBe(true);
    expect(index.generation).toBe(2);
  });
});
