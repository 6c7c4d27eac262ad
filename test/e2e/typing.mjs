// Typing in the editor at a human pace and what it costs (issue 19): keystroke -> editor latency measured inside
// the workbench page, and the extension host's CPU time and memory over the typing, read from /proc.
import { execFileSync } from 'node:child_process';
import { ROOT, sleep, waitUntil } from './lib.mjs';
import { spent, usage } from './procfs.mjs';

export const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
export const gitHead = () =>
  execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();

/** One keystroke every INTERVAL_MS, KEYSTROKES of them: 10 s of steady typing. */
export const INTERVAL_MS = 100;
export const KEYSTROKES = 100;

/** The value the typed line ends with: its diagnostic (invalid-enum) names it, quoted, and no earlier prefix does. */
export const FINAL_VALUE = 'Sometimes';

/**
 * The keys typed after the line of a container's `image:`: a new `workingDir` whose path is padded so that the whole
 * sequence is KEYSTROKES keys, then `imagePullPolicy: Sometimes`. Plain scalars only: no bracket or quote the editor
 * would auto-close. Escape before each Enter closes a suggestion the space after a colon may have opened (the
 * server completes on ' '), so Enter never accepts one.
 */
export function typingKeys() {
  const head = ['End', 'Escape', 'Enter', ...'workingDir: /srv/typing-probe-'];
  const tail = ['Escape', 'Enter', ...`imagePullPolicy: ${FINAL_VALUE}`];
  const pad = KEYSTROKES - head.length - tail.length;
  const filler = Array.from({ length: pad }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26]);
  return [...head, ...filler, ...tail];
}

/**
 * Records, in the page, the time from each keydown (its event timestamp, so time the event waited in the renderer's
 * queue counts) to the next DOM change of the editor's text lines: what the user sees of the keystroke.
 */
export async function startLatencyRecorder(page) {
  await page.evaluate(() => {
    const lines = document.querySelector('.editor-instance .monaco-editor.focused .view-lines');
    if (!lines) throw new Error('no focused editor to record keystrokes in');
    const rec = { pending: null, samples: [] };
    window.__podlensTyping = rec;
    rec.observer = new MutationObserver(() => {
      if (rec.pending === null) return;
      rec.samples.push(performance.now() - rec.pending);
      rec.pending = null;
    });
    rec.observer.observe(lines, { childList: true, subtree: true, characterData: true });
    rec.onKey = (e) => {
      rec.pending = e.timeStamp;
    };
    window.addEventListener('keydown', rec.onKey, true);
  });
}

/** Stops the recorder; returns its samples (ms). */
export async function stopLatencyRecorder(page) {
  return page.evaluate(() => {
    const rec = window.__podlensTyping;
    rec.observer.disconnect();
    window.removeEventListener('keydown', rec.onKey, true);
    delete window.__podlensTyping;
    return rec.samples;
  });
}

/** Presses the keys on a fixed schedule (key i at i * INTERVAL_MS), so a slow press does not slow the pace. */
export async function typeAtPace(page, keys) {
  const t0 = Date.now();
  for (const [i, key] of keys.entries()) {
    await sleep(Math.max(0, t0 + i * INTERVAL_MS - Date.now()));
    await page.keyboard.press(key);
  }
}

/** Waits until a process has used less than 5% of a core over half a second: work from earlier steps is done. */
export async function waitQuiet(pid, { timeout = 90000 } = {}) {
  await waitUntil(
    async () => {
      const before = usage(pid).cpuMs;
      await sleep(500);
      return usage(pid).cpuMs - before < 25;
    },
    { timeout, interval: 0, what: `pid ${pid} to go quiet` },
  );
}

export function percentile(samples, p) {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
}

/**
 * Types KEYSTROKES keys in the focused editor and waits for `finalShown` (the diagnostic of the final text on
 * screen). Returns the extension host's CPU and memory over that span (and the language server's, for context),
 * the keystroke latency percentiles and the time from the last keystroke to the final diagnostic.
 */
export async function measureTyping(page, { extensionHost, languageServer, finalShown }) {
  const before = { host: usage(extensionHost), server: usage(languageServer) };
  await startLatencyRecorder(page);
  const t0 = Date.now();
  await typeAtPace(page, typingKeys());
  const lastKey = Date.now();
  const samples = await stopLatencyRecorder(page);
  await finalShown();
  const shown = Date.now();
  const after = { host: usage(extensionHost), server: usage(languageServer) };
  // Work still queued once the diagnostic shows (later publishes, lenses) counts too.
  await waitQuiet(extensionHost);
  return {
    keystrokes: KEYSTROKES,
    typingMs: lastKey - t0,
    extensionHost: spent(before.host, after.host),
    extensionHostUntilQuiet: spent(before.host, usage(extensionHost)),
    languageServer: spent(before.server, after.server),
    keystrokeLatencyMs: {
      samples: samples.length,
      p50: percentile(samples, 50),
      p90: percentile(samples, 90),
      max: percentile(samples, 100),
    },
    lastKeystrokeToDiagnosticMs: shown - lastKey,
  };
}
