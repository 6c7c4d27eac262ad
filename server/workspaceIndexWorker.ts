/**
 * The workspace scan in worker threads: reading and parsing thousands of files is CPU work that would otherwise
 * share the main thread with the editor's requests. Each worker walks the folders and indexes every n-th block of
 * files, posting their facts (small, plain data); the main thread only stores them, block by block in walk order,
 * so the index is the same whatever the number of workers. Like ./analysisPool, a worker is the server bundle
 * itself, started with a role in workerData.
 */
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { HelmDirs, readFileFacts, type ScannedFile, Walk } from './workspaceScan';

const ROLE = 'podlens-workspace-scan';
/** Files per block (and message): large enough that posting costs little, small enough to spread the work. */
const BLOCK = 100;
/** The lowest priority: the scan only uses CPU time nothing else wants. */
const SCAN_NICE = 19;

/** What a worker posts: a block of files it read (no facts: too big, binary or unreadable), or `done`. */
type ScanMessage = { block: number; files: ScannedFile[] } | { done: true };

interface ScanData {
  role: string;
  folders: string[];
  worker: number;
  workers: number;
}

/** Workers for a scan: one core stays with the editor's requests, and more than four gain little on disk reads. */
export function scanWorkerCount(): number {
  return Math.max(1, Math.min(4, (os.availableParallelism?.() ?? os.cpus().length) - 1));
}

export function isIndexWorker(): boolean {
  return !isMainThread && (workerData as ScanData | undefined)?.role === ROLE;
}

/**
 * Lets the editor's requests go first: on Linux a thread's nice value is its own (setpriority(2), NOTES), so this
 * lowers the scan thread only. Elsewhere it would lower the whole server, so it is left alone there.
 */
function lowerPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(SCAN_NICE);
  } catch {
    // Not permitted (a sandbox): the scan runs at the server's priority.
  }
}

/** The worker side: index this worker's blocks of the walk, post each, then `done`. */
export function runIndexWorker(): void {
  lowerPriority();
  const { folders, worker, workers } = workerData as ScanData;
  const walk = new Walk(folders);
  const helm = new HelmDirs();
  let files: ScannedFile[] = [];
  let block = 0;
  const post = () => {
    if (files.length > 0) parentPort?.postMessage({ block, files } satisfies ScanMessage);
    files = [];
  };
  let ordinal = 0;
  for (let file = walk.next(); file !== undefined; file = walk.next()) {
    const fileBlock = Math.floor(ordinal++ / BLOCK);
    if (fileBlock % workers !== worker) continue;
    if (fileBlock !== block) post();
    block = fileBlock;
    files.push(readFileFacts(file, helm));
  }
  post();
  parentPort?.postMessage({ done: true } satisfies ScanMessage);
}

/**
 * Scans the folders in `workers` threads started from `script` (the server bundle), handing the files to
 * `onFiles` in walk order. Rejects, stopping every worker, when one fails, so the caller can scan another way.
 */
export function scanInWorkers(
  script: string,
  folders: readonly string[],
  onFiles: (files: ScannedFile[]) => void,
  workers = scanWorkerCount(),
): Promise<void> {
  const waiting = new Map<number, ScannedFile[]>();
  let next = 0;
  const deliver = () => {
    for (let files = waiting.get(next); files; files = waiting.get(next)) {
      waiting.delete(next++);
      onFiles(files);
    }
  };
  const threads: Worker[] = [];
  const one = (worker: number) =>
    new Promise<void>((resolve, reject) => {
      const thread = new Worker(script, {
        workerData: { role: ROLE, folders: [...folders], worker, workers },
        argv: [],
      });
      threads.push(thread);
      let done = false;
      thread.on('message', (m: ScanMessage) => {
        if ('files' in m) {
          waiting.set(m.block, m.files);
          deliver();
          return;
        }
        done = true;
        resolve();
        void thread.terminate();
      });
      thread.once('error', reject);
      thread.once('exit', (code) => {
        if (!done) reject(new Error(`workspace scan worker exited with code ${code}`));
      });
    });
  return Promise.all(Array.from({ length: workers }, (_, i) => one(i))).then(
    () => {
      // Files created while the workers walked can shift their blocks and leave a gap: the rest goes out in order.
      for (const block of [...waiting.keys()].sort((a, b) => a - b)) onFiles(waiting.get(block) ?? []);
    },
    (err) => {
      for (const t of threads) void t.terminate();
      throw err;
    },
  );
}
