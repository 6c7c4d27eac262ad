/**
 * A JSON-RPC client that writes frames itself, so a test can put several messages into one write: a request and
 * its `$/cancelRequest` then reach the server in one read, and the server must see the cancellation before it
 * dispatches the request. (A library client writes each message separately; when they arrive is up to timing.)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { SERVER_JS } from '../../helpers/lspClient';

export interface RpcMessage {
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export function frame(message: RpcMessage): Buffer {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

export class RawClient {
  readonly process: ChildProcess;
  readonly received: RpcMessage[] = [];
  private buffer = Buffer.alloc(0);
  private waiters: { pred: (m: RpcMessage) => boolean; resolve: (m: RpcMessage) => void }[] = [];

  constructor() {
    this.process = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout?.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  /** Writes the messages with one write call: they arrive in one read when small (a pipe write under 4 KiB is atomic). */
  send(...messages: RpcMessage[]): void {
    this.process.stdin?.write(Buffer.concat(messages.map(frame)));
  }

  /** The first message received so far, or later, that satisfies `pred`. */
  next(pred: (m: RpcMessage) => boolean): Promise<RpcMessage> {
    const seen = this.received.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ pred, resolve }));
  }

  response(id: number): Promise<RpcMessage> {
    return this.next((m) => m.id === id && m.method === undefined);
  }

  async initialize(): Promise<void> {
    this.send({ id: 0, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
    await this.response(0);
    this.send({ method: 'initialized', params: {} });
  }

  async stop(): Promise<void> {
    this.send({ id: -1, method: 'shutdown' });
    await this.response(-1);
    this.send({ method: 'exit' });
    if (this.process.exitCode === null) await new Promise((resolve) => this.process.once('exit', resolve));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8')) as RpcMessage;
      this.buffer = this.buffer.subarray(start + length);
      this.received.push(message);
      for (const w of [...this.waiters]) {
        if (w.pred(message)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(message);
        }
      }
    }
  }
}
