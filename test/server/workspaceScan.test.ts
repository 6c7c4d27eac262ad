// The server's background scan of test/fixtures/workspace: in a worker thread started from the server bundle it
// indexes exactly what the CLI's synchronous scan does, in the same order; when the worker cannot start, the scan
// still completes on the main thread.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServerWorkspaceIndex } from '../../server/workspaceIndex';
import { SERVER_JS } from '../helpers/lspClient';

const FOLDER = path.resolve(__dirname, '../fixtures/workspace');

const snapshot = (ws: ServerWorkspaceIndex) => JSON.stringify([...ws.index.allFiles()]);

function syncScan(): ServerWorkspaceIndex {
  const ws = new ServerWorkspaceIndex();
  ws.scanSync([FOLDER]);
  return ws;
}

describe('workspace scan', () => {
  it('indexes the same files with the same facts in a worker thread as synchronously', async () => {
    const expected = syncScan();
    const ws = new ServerWorkspaceIndex(SERVER_JS);
    expect(await ws.start([FOLDER])).toBe('worker');
    expect(ws.index.size).toBe(13);
    expect(ws.scanned).toBe(13);
    expect(snapshot(ws)).toBe(snapshot(expected));
  });

  it('scans on the main thread when the worker cannot start', async () => {
    const ws = new ServerWorkspaceIndex(path.join(FOLDER, 'no-such-bundle.js'));
    expect(await ws.start([FOLDER])).toBe('main');
    expect(snapshot(ws)).toBe(snapshot(syncScan()));
  });

  it('keeps an open document’s text over what the worker read from disk', async () => {
    const ws = new ServerWorkspaceIndex(SERVER_JS);
    const uri = new URL(`file://${path.join(FOLDER, 'app/config.yaml')}`).href;
    ws.openChanged(uri, () => 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: edited\n');
    ws.flush();
    expect(await ws.start([FOLDER])).toBe('worker');
    expect(ws.index.fileFacts(uri)?.objects.map((o) => o.object.name)).toEqual(['edited']);
  });
});
