// pathAt / nodeAtPath: the field under a position on complete lines and on the half-typed lines of an editor.
import { describe, expect, it } from 'vitest';
import { type Location, nodeAtPath, parseManifests, pathAt } from '../../../shared/model';

/** Parses `src` with the cursor at `‸` and returns the location there. */
function at(src: string): Location | undefined {
  const offset = src.indexOf('‸');
  const text = src.slice(0, offset) + src.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  const pos = { line: before.length - 1, character: (before.at(-1) ?? '').length };
  const doc = parseManifests(text).documents.findLast((d) => d.range.start.line <= pos.line);
  if (!doc) throw new Error('no document');
  return pathAt(doc, pos);
}

const POD = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n';

describe('pathAt on complete lines', () => {
  it('finds a key, with the typed part as prefix and the whole key as range', () => {
    expect(at(`${POD}      imag‸e: nginx\n`)).toMatchObject({
      path: ['spec', 'containers', 0, 'image'],
      on: 'key',
      prefix: 'imag',
      existing: true,
      siblings: ['name'],
      range: { start: { line: 5, character: 6 }, end: { line: 5, character: 11 } },
    });
  });

  it('finds a value and its prefix', () => {
    expect(at(`${POD}      imagePullPolicy: Al‸\n`)).toMatchObject({
      path: ['spec', 'containers', 0, 'imagePullPolicy'],
      on: 'value',
      prefix: 'Al',
    });
  });

  it('finds an empty value after the colon, with and without a space', () => {
    expect(at(`${POD}      imagePullPolicy: ‸\n`)).toMatchObject({
      on: 'value',
      prefix: '',
      path: ['spec', 'containers', 0, 'imagePullPolicy'],
    });
    expect(at(`${POD}      imagePullPolicy:‸\n      image: x\n`)).toMatchObject({ on: 'value', prefix: '' });
  });

  it('finds a flow list item inside quotes-free brackets', () => {
    expect(at(`${POD}      args: [a, b‸]\n`)).toMatchObject({
      path: ['spec', 'containers', 0, 'args', 1],
      on: 'value',
      prefix: 'b',
    });
  });

  it('finds keys deep in a Deployment template', () => {
    const src =
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          readinessProbe:\n            httpGet:\n              pa‸th: /\n';
    expect(at(src)?.path).toEqual(['spec', 'template', 'spec', 'containers', 0, 'readinessProbe', 'httpGet', 'path']);
  });

  it('reads the value of a block scalar as a value, and a blank line after it as a new key', () => {
    const src = `${POD}      command:\n        - sh\n      args:\n        - |\n          echo ‸hi\n`;
    expect(at(src)).toMatchObject({ path: ['spec', 'containers', 0, 'args', 0], on: 'value' });
    const after = `${POD}      args:\n        - |\n          echo hi\n      ‸\n`;
    expect(at(after)).toMatchObject({ path: ['spec', 'containers', 0, ''], on: 'key' });
  });
});

describe('pathAt on half-typed lines', () => {
  it('a key with no colon followed by a sibling: the typed word only, the sibling still present', () => {
    expect(at(`${POD}      imagePu‸\n      image: nginx\n  restartPolicy: Always\n`)).toMatchObject({
      path: ['spec', 'containers', 0, 'imagePu'],
      on: 'key',
      prefix: 'imagePu',
      existing: false,
      siblings: ['name', 'image'],
      range: { start: { line: 5, character: 6 }, end: { line: 5, character: 13 } },
    });
  });

  it('a key with no colon on the last line', () => {
    expect(at(`${POD}      imagePu‸\n`)).toMatchObject({ path: ['spec', 'containers', 0, 'imagePu'], existing: false });
  });

  it('a blank indented line belongs to the map at that indentation', () => {
    expect(at(`${POD}      ‸\n      image: nginx\n`)).toMatchObject({
      path: ['spec', 'containers', 0, ''],
      siblings: ['name', 'image'],
      indent: 6,
    });
    expect(at(`${POD}      image: nginx\n  ‸\n`)).toMatchObject({
      path: ['spec', ''],
      siblings: ['containers'],
      indent: 2,
    });
    expect(at(`${POD}      image: nginx\n‸`)).toMatchObject({ path: [''], siblings: ['apiVersion', 'kind', 'spec'] });
  });

  it('an empty list item is a new item of that list', () => {
    expect(at(`${POD}    - ‸\n  restartPolicy: Always\n`)).toMatchObject({
      path: ['spec', 'containers', 1],
      on: 'value',
      bareWord: true,
    });
    expect(at(`${POD}    - ‸`)).toMatchObject({ path: ['spec', 'containers', 1] });
  });

  it('a word after a dash may be the first key of the item', () => {
    expect(at('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - na‸\n')).toMatchObject({
      path: ['spec', 'containers', 0],
      bareWord: true,
      prefix: 'na',
    });
  });

  it('a line at the list column without a dash is an item that still needs its dash', () => {
    expect(at(`${POD}    ‸\n`)).toMatchObject({ path: ['spec', 'containers', 1, ''], item: 'needsDash', indent: 4 });
  });

  it('a blank line under `key:` starts a new map, and a word there may be its first key', () => {
    expect(at(`${POD}      livenessProbe:\n        ‸\n`)).toMatchObject({
      path: ['spec', 'containers', 0, 'livenessProbe', ''],
      on: 'key',
      siblings: [],
    });
    expect(at(`${POD}      livenessProbe:\n        htt‸\n      image: x\n`)).toMatchObject({
      path: ['spec', 'containers', 0, 'livenessProbe'],
      bareWord: true,
      prefix: 'htt',
    });
  });

  it('a dash under `key:` starts a new list', () => {
    expect(at(`${POD}      ports:\n        - ‸\n`)).toMatchObject({ path: ['spec', 'containers', 0, 'ports', 0] });
    expect(at('apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n  - ‸\n')).toMatchObject({ path: ['spec', 'volumes', 0] });
  });

  it('a list at the same column as its key', () => {
    expect(at('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n  - ‸\n')).toMatchObject({
      path: ['spec', 'containers', 1],
    });
  });

  it('an empty document and a bare word at the root', () => {
    expect(at('apiVersion: v1\nkind: Pod\n---\n‸')).toMatchObject({ path: [''], on: 'key', siblings: [] });
    expect(at('apiV‸')).toMatchObject({ path: ['apiV'], on: 'key', prefix: 'apiV' });
  });

  it('a label key being typed', () => {
    expect(at('apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app.kubernetes.io/na‸\n')).toMatchObject({
      path: ['metadata', 'labels'],
      bareWord: true,
      prefix: 'app.kubernetes.io/na',
    });
  });

  it('says nothing inside a comment', () => {
    expect(at(`${POD}      # a comm‸ent\n`)).toBeUndefined();
    expect(at(`${POD}      image: nginx # pinned lat‸er\n      ports: []\n`)).toBeUndefined();
    expect(at(`${POD}      image: nginx # pinned later‸\n`)).toBeUndefined();
  });
});

describe('nodeAtPath', () => {
  const doc = parseManifests(`${POD}      image: nginx\n      ports:\n        - containerPort: 80\n      env:\n`)
    .documents[0]!;

  it('gives key and value ranges', () => {
    expect(nodeAtPath(doc, ['spec', 'containers', 0, 'image'])).toEqual({
      keyRange: { start: { line: 5, character: 6 }, end: { line: 5, character: 11 } },
      range: { start: { line: 5, character: 13 }, end: { line: 5, character: 18 } },
    });
    expect(nodeAtPath(doc, ['spec', 'containers', 0, 'ports', 0, 'containerPort'])?.range.start).toEqual({
      line: 7,
      character: 25,
    });
  });

  it('gives an empty range after the colon for an empty value, and undefined for a missing path', () => {
    expect(nodeAtPath(doc, ['spec', 'containers', 0, 'env'])?.range).toEqual({
      start: { line: 8, character: 10 },
      end: { line: 8, character: 10 },
    });
    expect(nodeAtPath(doc, ['spec', 'containers', 1])).toBeUndefined();
    expect(nodeAtPath(doc, ['spec', 'volumes'])).toBeUndefined();
  });
});
