/**
 * Runs the core checks in a worker thread under a watchdog: synchronous code that loops forever cannot be
 * interrupted in the test's own thread, but a worker can be terminated. The worker is the core bundled with
 * esbuild at test time (the same `yaml` build the shipped bundles use).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import type { CoreJob, CoreResult } from './coreChecks';

export class CoreWorker {
  private worker: Worker;

  private constructor(private readonly script: string) {
    this.worker = this.spawn();
  }

  /** `sourceDir` is this folder; a bundled caller (scripts/fuzz.mjs) passes it, its own `__dirname` being elsewhere. */
  static async start(sourceDir = __dirname): Promise<CoreWorker> {
    const root = path.resolve(sourceDir, '../../..');
    const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-fuzz-')), 'coreWorker.js');
    await esbuild.build({
      entryPoints: [path.join(sourceDir, 'coreWorker.ts')],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'warning',
      alias: { yaml: path.join(root, 'node_modules/yaml/browser/index.js') },
    });
    return new CoreWorker(script);
  }

  private spawn(): Worker {
    // The stack of a main thread, where the server and the CLI run the core and deep nesting overflows first: V8
    // gets 984 KiB there; a worker gets 4 MiB by default, of which Node keeps 192 KiB back.
    return new Worker(this.script, {
      execArgv: ['--enable-source-maps'],
      resourceLimits: { maxOldGenerationSizeMb: 1024, stackSizeMb: (984 + 192) / 1024 },
    });
  }

  /** The checks' result, or a rejection when the worker does not answer within `timeoutMs` (a hang) or dies. */
  run(job: CoreJob, timeoutMs: number): Promise<CoreResult> {
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const onMessage = (result: CoreResult) => {
        done();
        resolve(result);
      };
      const onError = (err: Error) => {
        done();
        this.worker = this.spawn();
        reject(new Error(`the core worker died: ${err.message}`));
      };
      const timer = setTimeout(() => {
        done();
        void worker.terminate();
        this.worker = this.spawn();
        reject(new Error(`hang: the core did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(job);
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
    fs.rmSync(path.dirname(this.script), { recursive: true, force: true });
  }
}
