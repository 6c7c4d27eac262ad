// A CPU profile of a running Node process (PODLENS_E2E_PROFILE=1 in the typing step): SIGUSR1 opens its inspector
// (Node's own behaviour, on the port it was given or 9229), the port is read from the process's listening socket in
// /proc, and the profiler is driven over the inspector's WebSocket. Diagnostics only: never part of a pass/fail.
import fs from 'node:fs';
import { waitUntil } from './lib.mjs';

/** The TCP ports the process listens on (its socket inodes matched against /proc/<pid>/net/tcp). */
function listeningPorts(pid) {
  const inodes = new Set();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    const link = (() => {
      try {
        return fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    })();
    const m = link.match(/^socket:\[(\d+)\]$/);
    if (m) inodes.add(m[1]);
  }
  const ports = [];
  for (const row of fs.readFileSync(`/proc/${pid}/net/tcp`, 'utf8').split('\n').slice(1)) {
    const cols = row.trim().split(/\s+/);
    // cols: sl local_address rem_address st ... inode (column 10); st 0A = LISTEN
    if (cols[3] === '0A' && inodes.has(cols[9])) ports.push(Number.parseInt(cols[1].split(':')[1], 16));
  }
  return ports;
}

function connect(url) {
  const ws = new WebSocket(url);
  let id = 0;
  const waiting = new Map();
  ws.addEventListener('message', (e) => {
    const msg = JSON.parse(String(e.data));
    const w = waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id);
    if (msg.error) w.reject(new Error(msg.error.message));
    else w.resolve(msg.result);
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const n = ++id;
      waiting.set(n, { resolve, reject });
      ws.send(JSON.stringify({ id: n, method, params }));
    });
  return new Promise((resolve, reject) => {
    ws.addEventListener('open', () => resolve({ send, close: () => ws.close() }));
    ws.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)));
  });
}

/** Starts profiling `pid`; resolves to a function that stops and returns the profile. */
export async function startProfile(pid) {
  process.kill(pid, 'SIGUSR1');
  const port = await waitUntil(() => listeningPorts(pid)[0], { timeout: 10000, what: `the inspector of pid ${pid}` });
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const session = await connect(targets[0].webSocketDebuggerUrl);
  await session.send('Profiler.enable');
  await session.send('Profiler.start');
  return async () => {
    const { profile } = await session.send('Profiler.stop');
    session.close();
    return profile;
  };
}

const frameKey = ({ functionName, url, lineNumber }) =>
  `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;

/**
 * Time per function (ms), the largest first: `self` counts the samples in the function itself, `total` those with
 * the function anywhere on the stack (once per sample, however deep the recursion).
 */
export function functionTimes(profile, top = 40) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  profile.samples.forEach((nodeId, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const own = frameKey(nodes.get(nodeId).callFrame);
    self.set(own, (self.get(own) ?? 0) + ms);
    const seen = new Set();
    for (let id = nodeId; id !== undefined; id = parent.get(id)) seen.add(frameKey(nodes.get(id).callFrame));
    for (const key of seen) total.set(key, (total.get(key) ?? 0) + ms);
  });
  const rank = (m) =>
    [...m.entries()]
      .filter(([fn]) => !/^\((root|program|idle)\)/.test(fn))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, ms]) => `${Math.round(ms)} ms ${fn}`);
  return { self: rank(self), total: rank(total) };
}
