// The server's index when the workspace folders change: an added folder's files are read, a removed folder's are
// forgotten unless another folder still holds them or they are open, and a folder kept inside a removed one is
// read again; with a worker scan still running, the change waits for it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { changedFolders } from '../../server/workspaceFolders';
import { ServerWorkspaceIndex } from '../../server/workspaceIndex';
import { SERVER_JS } from '../helpers/lspClient';

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  A: b\n`;

let root = '';
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** root/a/x.yaml, root/a/inner/y.yaml and root/b/z.yaml, each one ConfigMap. */
function tree() {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-folders-index-'));
  const a = path.join(root, 'a');
  const inner = path.join(a, 'inner');
  const b = path.join(root, 'b');
  fs.mkdirSync(inner, { recursive: true });
  fs.mkdirSync(b);
  fs.writeFileSync(path.join(a, 'x.yaml'), configMap('x'));
  fs.writeFileSync(path.join(inner, 'y.yaml'), configMap('y'));
  fs.writeFileSync(path.join(b, 'z.yaml'), configMap('z'));
  const uri = (file: string) => pathToFileURL(path.join(root, file)).href;
  return { a, inner, b, x: uri('a/x.yaml'), y: uri('a/inner/y.yaml'), z: uri('b/z.yaml') };
}

const indexed = (ws: ServerWorkspaceIndex, ...uris: string[]) => uris.map((u) => ws.index.has(u));

describe('the workspace index when the folders change', () => {
  it('reads an added folder and forgets a removed one', async () => {
    const t = tree();
    const ws = new ServerWorkspaceIndex();
    await ws.start([t.a]);
    expect(indexed(ws, t.x, t.y, t.z)).toEqual([true, true, false]);
    await ws.foldersChanged([t.a], [t.a, t.b]);
    expect(indexed(ws, t.x, t.y, t.z)).toEqual([true, true, true]);
    await ws.foldersChanged([t.a, t.b], [t.b]);
    expect(indexed(ws, t.x, t.y, t.z)).toEqual([false, false, true]);
  });

  it('keeps the files another folder still holds, and reads again a folder kept inside a removed one', async () => {
    const t = tree();
    const ws = new ServerWorkspaceIndex();
    await ws.start([t.a, t.inner]);
    await ws.foldersChanged([t.a, t.inner], [t.inner]);
    expect(indexed(ws, t.x, t.y)).toEqual([false, true]);
    // Removing the inner folder while its parent stays leaves every file in the workspace.
    await ws.foldersChanged([t.inner], [t.a, t.inner]);
    await ws.foldersChanged([t.a, t.inner], [t.a]);
    expect(indexed(ws, t.x, t.y)).toEqual([true, true]);
  });

  it('keeps an open document of a removed folder: its text counts wherever it is', async () => {
    const t = tree();
    const ws = new ServerWorkspaceIndex();
    await ws.start([t.a, t.b]);
    ws.openChanged(t.z, () => configMap('z-edited'));
    ws.flush();
    await ws.foldersChanged([t.a, t.b], [t.a]);
    expect(indexed(ws, t.x, t.z)).toEqual([true, true]);
  });

  it('waits for a worker scan still running, and drops what it stored of the removed folder', async () => {
    const t = tree();
    const ws = new ServerWorkspaceIndex(SERVER_JS);
    const first = ws.start([t.a, t.b]);
    const changed = ws.foldersChanged([t.a, t.b], [t.a]);
    await first;
    await changed;
    expect(indexed(ws, t.x, t.y, t.z)).toEqual([true, true, false]);
  });

  it('names the folders after a change: the remaining ones in order, then the added ones, once each', () => {
    const f = (uri: string) => ({ uri, name: uri });
    expect(
      changedFolders(['file:///a', 'file:///b', 'file:///c'], [f('file:///d'), f('file:///a')], [f('file:///b')]),
    ).toEqual(['file:///a', 'file:///c', 'file:///d']);
  });
});
