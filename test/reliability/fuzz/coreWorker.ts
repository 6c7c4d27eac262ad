/** Worker entry of the core fuzz: runs the checks for each job it is sent and posts the result back. */
import { parentPort } from 'node:worker_threads';
import { type CoreJob, runCoreChecks } from './coreChecks';

parentPort?.on('message', (job: CoreJob) => parentPort?.postMessage(runCoreChecks(job)));
