// The server's background scan of test/fixtures/workspace: in a worker thread started from the server bundle it
// indexes exactly what the CLI's synchronous scan does, in the same order; when the worker cannot start, the scan
// still completes on the main thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServerWorkspaceIndex } from '../../server/workspaceIndex';
import { SERVER_JS } from '../helpers/lspClient';

const FOLDER = path.resolve(__dirname, '../fixtures/workspace');

const snapshot = (ws: ServerWorkspaceIndex) => JSON.stringify([...ws.index.allFiles()]);

function syncScan(folder = FOLDER): ServerWorkspaceIndex {
  const ws = new ServerWorkspaceIndex();
  ws.scanSync([folder]);
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

  it('splits a bigger workspace between workers and still stores it in walk order', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-scan-'));
    try {
      for (let i = 0; i < 350; i++) {
        const sub = path.join(dir, `d${i % 7}`);
        fs.mkdirSync(sub, { recursive: true });
        const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  K${i}: v\n`;
        fs.writeFileSync(path.join(sub, `c${i}.yaml`), i % 5 === 0 ? 'not: kubernetes\n' : text);
      }
      const ws = new ServerWorkspaceIndex(SERVER_JS, 3);
      expect(await ws.start([dir])).toBe('worker');
      expect(ws.index.size).toBe(350);
      expect(ws.index.objects().ofKind('ConfigMap')).toHaveLength(280);
      expect(snapshot(ws)).toBe(snapshot(syncScan(dir)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts no worker when there is no folder to scan', async () => {
    const ws = new ServerWorkspaceIndex(SERVER_JS);
    expect(await ws.start([])).toBe('main');
    expect(ws.index.size).toBe(0);
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
