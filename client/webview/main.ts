/**
 * Webview entry (browser bundle): connects to the host, validates every inbound message with zod, redraws
 * the state saved before a reload, then asks the host for the document.
 */
import { toWebviewSchema } from '../../shared/protocol/webview';
import { App } from './app';
import { connectHost } from './vscodeApi';

const host = connectHost();
const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('main'));
const app = new App(root, host);

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  const parsed = toWebviewSchema.safeParse(e.data);
  if (!parsed.success) {
    host.post({
      type: 'log',
      level: 'warn',
      message: `ignored an invalid message: ${parsed.error.issues[0]?.message ?? ''}`,
    });
    return;
  }
  app.receive(parsed.data);
});

window.addEventListener('error', (e) => {
  host.post({
    type: 'log',
    level: 'error',
    message: `${e.message}\n${e.error instanceof Error ? (e.error.stack ?? '') : ''}`,
  });
});

const saved = host.loadState();
if (saved) app.restore(saved);
host.post({ type: 'ready' });
document.body.dataset.podlens = 'ready';
