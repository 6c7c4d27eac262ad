/**
 * The workspace scan in a worker thread: reading and parsing thousands of files is CPU work that would otherwise
 * share the main thread with the editor's requests. The worker walks the folders and posts the files' facts
 * (small, plain data) in batches; the main thread only stores them. Like ./analysisPool, the worker is the
 * server bundle itself, started with a role in workerData.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { FileFacts } from '../shared/analysis/workspace';
import { HelmDirs, readFileFacts, Walk } from './workspaceScan';

const ROLE = 'podlens-workspace-scan';
/** Files per message: large enough that posting costs little, small enough that the index fills steadily. */
const BATCH = 100;

/** What the worker posts: files it read (facts undefined: too big, binary or unreadable); `done` ends the scan. */
export type ScanMessage = { files: { uri: string; facts?: FileFacts }[] } | { done: true };

interface ScanData {
  role: string;
  folders: string[];
}

export function isIndexWorker(): boolean {
  return !isMainThread && (workerData as ScanData | undefined)?.role === ROLE;
}

/** The worker side: scan the folders it was given, post each batch, then `done`. */
export function runIndexWorker(): void {
  const { folders } = workerData as ScanData;
  const walk = new Walk(folders);
  const helm = new HelmDirs();
  let files: { uri: string; facts?: FileFacts }[] = [];
  for (let file = walk.next(); file !== undefined; file = walk.next()) {
    files.push(readFileFacts(file, helm));
    if (files.length < BATCH) continue;
    parentPort?.postMessage({ files } satisfies ScanMessage);
    files = [];
  }
  if (files.length > 0) parentPort?.postMessage({ files } satisfies ScanMessage);
  parentPort?.postMessage({ done: true } satisfies ScanMessage);
}

/**
 * Scans the folders in a worker started from `script` (the server bundle), handing each batch to `onFiles`.
 * Rejects when the worker fails, so the caller can scan another way.
 */
export function scanInWorker(
  script: string,
  folders: readonly string[],
  onFiles: (files: { uri: string; facts?: FileFacts }[]) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { role: ROLE, folders: [...folders] }, argv: [] });
    let done = false;
    worker.on('message', (m: ScanMessage) => {
      if ('files' in m) {
        onFiles(m.files);
        return;
      }
      done = true;
      resolve();
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`workspace scan worker exited with code ${code}`));
    });
  });
}
