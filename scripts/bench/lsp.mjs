// LSP benchmark harness of `npm run bench`: a real client (vscode-languageserver-protocol over stdio) against any
// language server described by a server config (command line, settings, extra notifications, files it may ask the
// client for). Probe positions are found in the workload text by YAML path (bench/workloads/workloads.json, written
// by scripts/gen/gen-workloads.mjs), never by line number.
//
// Metrics per workload (times in ms; min/median/p95/max over n samples, p95 nearest-rank: with n < 20 it is the max):
//   initialize      spawn -> initialize result (one per cold start)
//   open_first      didOpen -> first publishDiagnostics of that version, first document of a fresh server: podlens
//                   publishes a big file's documents on screen first (marked `podlensPartial`), other servers all
//   open_all        the same open -> the complete publishDiagnostics of that version (open_cold before issue 19)
//                   Both also give the median server CPU time (/proc, 10 ms ticks), which other load barely changes:
//                   open_first its main thread's until the first publish, open_all all its threads' until the last
//   open_warm       didOpen of the same text under a new URI in the same server -> its diagnostics
//   rss_after_open  VmRSS of the server process tree (/proc) right after the cold open's complete publish
//   hover           request latency at ~20 positions x rounds, idle server
//   completion      request latency at ~20 positions (some need a new line or an emptied value first: applied,
//                   diagnostics awaited, measured, undone)
//   edit            one-character didChange (type a char at the end of a scalar, then delete it, round-robin over
//                   positions in the first/middle/last documents) -> publishDiagnostics for that version
//   edit_line       the same with Enter at those positions, then its undo: every line after the edit moves
//   rss_end         VmRSS at the end of the session (VmHWM: peak)
// A metric whose request the server does not offer is "unsupported" (capability missing or MethodNotFound); any
// other failure is "error" with its message: one metric failing never stops the others.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

const require = createRequire(import.meta.url);
const P = require('vscode-languageserver-protocol/node');

/** The property podlens sets on a publish that holds some documents' findings only (shared/protocol/lsp.ts). */
const PARTIAL_PROPERTY = 'podlensPartial';

// ---------------------------------------------------------------- statistics and clocks
const round2 = (x) => Math.round(x * 100) / 100;

export function stats(samples) {
  const s = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const n = s.length;
  if (!n) return { n: 0 };
  const rank = (q) => s[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { n, min: round2(s[0]), median: round2(median), p95: round2(rank(0.95)), max: round2(s[n - 1]) };
}

/** Monotonic microseconds on the clock V8 CPU profiles use (CLOCK_MONOTONIC), to cut a profile into phases. */
export const monoUs = () => Number(process.hrtime.bigint() / 1000n);

// ---------------------------------------------------------------- /proc memory
function procTree(pid) {
  const children = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {}
  }
  const out = [];
  const walk = (p) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

/** Linux's USER_HZ: /proc reports CPU time in ticks of 10 ms. */
const MS_PER_TICK = 10;

function cpuTicks(statFile) {
  try {
    const stat = fs.readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

/**
 * CPU time (ms, 10 ms resolution) of the server process (every thread, ended worker threads included) and of its
 * main thread: what an open costs regardless of how many other processes share the machine.
 */
export function cpuTime(pid) {
  return {
    totalMs: cpuTicks(`/proc/${pid}/stat`) * MS_PER_TICK,
    mainMs: cpuTicks(`/proc/${pid}/task/${pid}/stat`) * MS_PER_TICK,
  };
}

/** RSS and peak RSS (VmHWM) of a process and its descendants, in MB. */
export function memory(pid) {
  let rssKb = 0;
  let hwmKb = 0;
  for (const p of procTree(pid)) {
    try {
      const st = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(st)?.[1] ?? 0);
      hwmKb += Number(/VmHWM:\s+(\d+)/.exec(st)?.[1] ?? 0);
    } catch {}
  }
  return { rssMB: Math.round(rssKb / 102.4) / 10, hwmMB: Math.round(hwmKb / 102.4) / 10 };
}

// ---------------------------------------------------------------- text positions
export class LineIndex {
  constructor(text) {
    this.starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  pos(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] }; // YAML offsets are UTF-16 units, like LSP's default
  }

  /**
   * The index after replacing `removed` characters at `offset` with `inserted`, updated in place: rebuilding it
   * from a 5 MB text costs ~12 ms, which would be counted in the edit latency although no editor pays it.
   */
  replace(offset, removed, inserted) {
    const first = this.pos(offset).line + 1; // first line start after `offset`
    const last = this.pos(offset + removed.length).line + 1; // first line start after the removed span
    const added = [];
    for (let i = 0; i < inserted.length; i++) if (inserted.charCodeAt(i) === 10) added.push(offset + i + 1);
    const delta = inserted.length - removed.length;
    const starts = this.starts;
    for (let i = last; i < starts.length; i++) starts[i] += delta;
    if (added.length || last > first) starts.splice(first, last - first, ...added);
  }
}

/**
 * An open document as an editor's extension host holds it: lines, edited where a change falls, the whole text
 * joined only when read. Replacing the text with `slice + insert + slice` instead copied the 40 MB of the
 * 10,000-document file at every edit, outside the timed span but not outside the harness's garbage collector,
 * whose pauses then landed in the latencies of the server's answers.
 */
class EditorText {
  constructor(uri, text) {
    this.uri = uri;
    this.version = 1;
    this.lines = text.split('\n');
    this.index = new LineIndex(text);
    this.joined = text;
  }

  get text() {
    this.joined ??= this.lines.join('\n');
    return this.joined;
  }

  /** Replaces `removeCount` characters at `offset` with `insert`; returns the change's range and what it removed. */
  replace(offset, removeCount, insert) {
    const start = this.index.pos(offset);
    const end = this.index.pos(offset + removeCount);
    const first = this.lines[start.line];
    const last = this.lines[end.line];
    const removed =
      start.line === end.line
        ? first.slice(start.character, end.character)
        : [
            first.slice(start.character),
            ...this.lines.slice(start.line + 1, end.line),
            last.slice(0, end.character),
          ].join('\n');
    const replaced = (first.slice(0, start.character) + insert + last.slice(end.character)).split('\n');
    this.lines.splice(start.line, end.line - start.line + 1, ...replaced);
    this.index.replace(offset, removed, insert);
    this.joined = undefined;
    return { range: { start, end }, removed };
  }
}

/** "**.containers[1].image" -> ['**', 'containers', 1, 'image'] */
function parsePath(p) {
  const out = [];
  for (const part of p.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`bad path ${p}`);
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** Follow `tokens` from `node`; returns the { key, value } nodes of the last step, or undefined. */
function follow(node, tokens) {
  let key = null;
  let cur = node;
  for (const t of tokens) {
    if (typeof t === 'number') {
      if (!isSeq(cur) || t >= cur.items.length) return undefined;
      key = null;
      cur = cur.items[t];
    } else {
      if (!isMap(cur)) return undefined;
      const pair = cur.items.find((it) => isScalar(it.key) && String(it.key.value) === t);
      if (!pair) return undefined;
      key = pair.key;
      cur = pair.value;
    }
  }
  return { key, value: cur };
}

/** Pre-order search for the first node from which `tokens` can be followed. */
function deepFind(node, tokens) {
  const hit = follow(node, tokens);
  if (hit) return hit;
  const kids = isMap(node) ? node.items.map((p) => p.value) : isSeq(node) ? node.items : [];
  for (const k of kids) {
    if (k && typeof k === 'object') {
      const r = deepFind(k, tokens);
      if (r) return r;
    }
  }
  return undefined;
}

/**
 * The probe context of a workload text: its documents, each parsed only when a probe asks for it (parsing a 40 MB
 * file whole would take the harness gigabytes), with positions in the whole file. Documents are separated by
 * `---` lines, as the generator writes them.
 */
export function queryContext(text) {
  const starts = [0];
  for (const m of text.matchAll(/^---\r?\n/gm)) starts.push(m.index + m[0].length);
  const index = new LineIndex(text);
  const parsed = new Map();
  return {
    count: starts.length,
    document(i) {
      if (i < 0 || i >= starts.length) return undefined;
      if (!parsed.has(i)) {
        const base = starts[i];
        const end = i + 1 < starts.length ? starts[i + 1] : text.length;
        const part = text.slice(base, end);
        const at = (offset) => ({ offset: base + offset, ...index.pos(base + offset) });
        parsed.set(i, { doc: parseDocument(part), text: part, at });
      }
      return parsed.get(i);
    },
  };
}

/**
 * Resolves a query {path, at, doc} against the original text: { offset, line, character, doc } and, for queries
 * that need the text changed first, `edit: { offset, remove, insert }` (the position is inside the changed text).
 */
export function resolveQuery(q, ctx) {
  const which = q.doc ?? 'middle';
  const di =
    which === 'first'
      ? 0
      : which === 'last'
        ? ctx.count - 1
        : which === 'middle'
          ? Math.floor(ctx.count / 2)
          : Number(which);
  const part = ctx.document(di);
  const doc = part?.doc;
  if (!doc?.contents) return undefined;
  for (const p of [].concat(q.path)) {
    const tokens = parsePath(p);
    const hit = tokens[0] === '**' ? deepFind(doc.contents, tokens.slice(1)) : follow(doc.contents, tokens);
    if (!hit) continue;
    const { key, value } = hit;
    const text = part.text;
    const mid = (n) => Math.floor((n.range[0] + n.range[1]) / 2);
    const quoted = (n) => n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
    const scalarEnd = (n) => (quoted(n) ? n.range[1] - 1 : n.range[1]);
    const at = (offset, extra) => ({ doc: di, path: p, ...part.at(offset), ...extra });
    let r;
    switch (q.at) {
      case 'key':
        r = key && at(mid(key));
        break;
      case 'keyEnd':
        r = key && at(key.range[1]);
        break;
      case 'value':
        r = value && at(isScalar(value) ? mid(value) : value.range[0]);
        break;
      case 'valueStart':
        r = value && at(value.range[0]);
        break;
      case 'valueEnd':
        r = isScalar(value) && at(scalarEnd(value));
        break;
      case 'emptyValue': {
        // `key: value` -> `key: ` with the cursor after the space (the text is restored afterwards).
        if (!isScalar(value) || !key) break;
        const [start, end] = value.range;
        r = at(start, { edit: { offset: part.at(start).offset, remove: end - start, insert: '' } });
        break;
      }
      case 'newKeyAfter': {
        if (!key) break;
        const indent = part.at(key.range[0]).character;
        // End of the last non-blank line of the pair's value (or of the key line when the value is empty).
        let end = value ? value.range[1] : key.range[1];
        while (end > 0 && /\s/.test(text[end - 1])) end--;
        const eol = text.indexOf('\n', end);
        const eolPos = part.at(eol === -1 ? text.length : eol);
        r = {
          doc: di,
          path: p,
          line: eolPos.line + 1,
          character: indent,
          edit: { offset: eolPos.offset, remove: 0, insert: `\n${' '.repeat(indent)}` },
        };
        break;
      }
      default:
        throw new Error(`unknown 'at' ${q.at}`);
    }
    if (r) return r; // otherwise try the next alternative path
  }
  return undefined;
}

// ---------------------------------------------------------------- LSP session
function lookupSection(settings, section) {
  if (!section) return settings;
  if (section in settings) return settings[section];
  let cur = settings;
  for (const part of section.split('.')) {
    if (cur == null || typeof cur !== 'object' || !(part in cur)) return null;
    cur = cur[part];
  }
  return cur;
}

export const CLIENT_CAPABILITIES = {
  general: { positionEncodings: ['utf-16'] },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
  },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true, willSave: false },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    completion: {
      dynamicRegistration: true,
      contextSupport: true,
      completionItem: {
        snippetSupport: true,
        commitCharactersSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        deprecatedSupport: true,
        insertReplaceSupport: true,
        labelDetailsSupport: true,
        resolveSupport: { properties: ['documentation', 'detail'] },
      },
    },
    codeAction: { dynamicRegistration: true, isPreferredSupport: true, dataSupport: true },
  },
};

export class UnsupportedError extends Error {}

/** Every server process a Session started and that has not exited yet (so an interrupted run can end them). */
export const liveProcesses = new Set();

export class Session {
  /**
   * @param cfg server config: { name, command: [cmd, ...args], cwd, env, settings, notifications, serve, serveCache,
   *   initializationOptions, rootUri, requestTimeoutS, openTimeoutS }
   */
  constructor(cfg, { verbose = false, settleMs = 300 } = {}) {
    this.cfg = cfg;
    this.verbose = verbose;
    this.settleMs = settleMs;
    this.diagnostics = new Map(); // uri -> { version, count, items, at }
    this.waiters = [];
    this.unservedContent = new Set();
    this.versioned = undefined; // does the server put `version` in publishDiagnostics?
  }

  async start() {
    const [cmd, ...args] = this.cfg.command;
    const t0 = performance.now();
    this.startedUs = monoUs();
    this.proc = spawn(cmd, args, {
      cwd: this.cfg.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...(this.cfg.env ?? {}) },
    });
    liveProcesses.add(this.proc);
    this.exited = new Promise((resolve) => this.proc.once('exit', (code, signal) => resolve({ code, signal })));
    this.exited.then(() => liveProcesses.delete(this.proc));
    this.exited.then((e) => {
      this.dead = e;
      for (const w of this.waiters.splice(0)) w.reject(new Error(`server exited (${JSON.stringify(e)})`));
    });
    this.proc.on('error', (err) => {
      this.dead = { error: err.message };
      for (const w of this.waiters.splice(0)) w.reject(err);
    });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => {
      this.stderr = (this.stderr + d).slice(-20000);
      if (this.verbose) process.stderr.write(`[${this.cfg.name}] ${d}`);
    });
    const c = P.createProtocolConnection(
      new P.StreamMessageReader(this.proc.stdout),
      new P.StreamMessageWriter(this.proc.stdin),
    );
    this.conn = c;
    this.settings = this.cfg.settings ?? {};
    let configAnswered;
    this.configAnswered = new Promise((r) => (configAnswered = r));
    c.onRequest(P.ConfigurationRequest.type, (params) => {
      configAnswered();
      return params.items.map((it) => lookupSection(this.settings, it.section) ?? null);
    });
    c.onRequest(P.RegistrationRequest.type, () => null);
    c.onRequest(P.UnregistrationRequest.type, () => null);
    c.onRequest(P.WorkDoneProgressCreateRequest.type, () => null);
    c.onRequest(P.WorkspaceFoldersRequest.type, () => this.workspaceFolders);
    c.onRequest(P.ShowMessageRequest.type, () => null);
    for (const [method, map] of Object.entries(this.cfg.serve ?? {})) {
      // Files the server asks the client for (yaml-language-server: "vscode/content" for schema URLs).
      c.onRequest(method, (param) => {
        const key = typeof param === 'string' ? param : (param?.uri ?? JSON.stringify(param));
        const bare = key.split('#')[0]; // "<url>#/definitions/X": serve the whole document
        if (key in map) return this.cfg.serveCache[map[key]];
        if (bare in map) return this.cfg.serveCache[map[bare]];
        this.unservedContent.add(key);
        throw new P.ResponseError(-32603, `bench: no local content for ${key}`);
      });
    }
    c.onRequest((method) => {
      if (this.verbose) console.error(`[bench] unhandled server request ${method}`);
      return null;
    });
    c.onNotification(P.PublishDiagnosticsNotification.type, (p) => this.onDiagnostics(p));
    c.onNotification(() => {});
    c.onError(([err]) => {
      if (!this.dead && this.verbose) console.error(`[bench] connection error: ${err?.message ?? err}`);
    });
    c.onClose(() => {});
    c.listen();

    const root = this.cfg.rootUri;
    this.workspaceFolders = [{ uri: root, name: path.basename(fileURLToPath(root)) }];
    const init = await this.request(P.InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'podlens-bench', version: '1' },
      locale: 'en',
      rootUri: root,
      workspaceFolders: this.workspaceFolders,
      initializationOptions: this.cfg.initializationOptions ?? {},
      capabilities: CLIENT_CAPABILITIES,
    });
    this.initializeMs = performance.now() - t0;
    this.capabilities = init.capabilities ?? {};
    this.serverInfo = init.serverInfo;
    const sync = this.capabilities.textDocumentSync;
    this.syncKind = typeof sync === 'number' ? sync : (sync?.change ?? P.TextDocumentSyncKind.None);
    c.sendNotification(P.InitializedNotification.type, {});
    for (const n of this.cfg.notifications ?? []) c.sendNotification(n.method, n.params);
    c.sendNotification(P.DidChangeConfigurationNotification.type, { settings: this.settings });
    // Servers that pull settings ask right after `initialized`; give them a moment to apply them.
    await Promise.race([this.configAnswered, new Promise((r) => setTimeout(r, 2000))]);
    await new Promise((r) => setTimeout(r, this.settleMs));
  }

  /** What an editor does when the user changes a setting: answer pulls with `settings` and notify the server. */
  changeSettings(settings) {
    this.settings = settings;
    this.conn.sendNotification(P.DidChangeConfigurationNotification.type, { settings });
  }

  get pid() {
    return this.proc?.pid;
  }

  supports(feature) {
    const cap = this.capabilities?.[`${feature}Provider`];
    return cap !== undefined && cap !== null && cap !== false;
  }

  get syncName() {
    return this.syncKind === P.TextDocumentSyncKind.Incremental
      ? 'incremental'
      : this.syncKind === P.TextDocumentSyncKind.Full
        ? 'full'
        : 'none';
  }

  request(type, params, timeoutS = this.cfg.requestTimeoutS ?? 60) {
    if (this.dead) return Promise.reject(new Error(`server is not running (${JSON.stringify(this.dead)})`));
    let timer;
    return Promise.race([
      this.conn.sendRequest(type, params),
      this.exited.then((e) => Promise.reject(new Error(`server exited ${JSON.stringify(e)}`))),
      new Promise((_, rej) => {
        timer = setTimeout(
          () => rej(new Error(`${type.method ?? type} timed out after ${timeoutS}s`)),
          timeoutS * 1000,
        );
      }),
    ])
      .catch((err) => {
        if (err?.code === P.ErrorCodes.MethodNotFound) throw new UnsupportedError(`${type.method}: method not found`);
        throw err;
      })
      .finally(() => clearTimeout(timer));
  }

  onDiagnostics(p) {
    const entry = {
      version: p.version,
      count: p.diagnostics.length,
      items: p.diagnostics,
      at: performance.now(),
      partial: p[PARTIAL_PROPERTY] === true,
      cpu: this.probeCpu && this.pid ? cpuTime(this.pid) : undefined,
    };
    if (p.version !== undefined && p.version !== null) this.versioned = true;
    else this.versioned ??= false;
    this.diagnostics.set(p.uri, entry);
    for (const w of [...this.waiters]) {
      if (w.uri !== p.uri || (entry.partial && !w.partial)) continue;
      if (w.version !== undefined && p.version !== undefined && p.version !== null && p.version !== w.version) continue;
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(entry);
    }
  }

  /**
   * Promise of the next complete publishDiagnostics for `uri` (for `version` when the server reports versions);
   * with `partial`, of the next one even if it holds some documents' findings only.
   */
  nextDiagnostics(uri, version, timeoutS = this.cfg.openTimeoutS ?? 120, { partial = false } = {}) {
    if (this.dead) return Promise.reject(new Error(`server is not running (${JSON.stringify(this.dead)})`));
    let w;
    const p = new Promise((resolve, reject) => {
      w = { uri, version, partial, resolve, reject };
    });
    this.waiters.push(w);
    const timer = setTimeout(() => {
      const i = this.waiters.indexOf(w);
      if (i >= 0) this.waiters.splice(i, 1);
      w.reject(new Error(`no diagnostics for ${path.basename(uri)} v${version} within ${timeoutS}s`));
    }, timeoutS * 1000);
    return p.finally(() => clearTimeout(timer));
  }

  /**
   * Opens `uri` and waits for its complete diagnostics; `firstMs` is when the first publish (maybe partial) came.
   * The server's CPU time until then: its main thread's until the first publish, all threads' until the complete one.
   */
  async openAndWait(uri, text, languageId) {
    const first = this.nextDiagnostics(uri, 1, undefined, { partial: true });
    const all = this.nextDiagnostics(uri, 1);
    const cpu0 = cpuTime(this.pid);
    this.probeCpu = true;
    const t = performance.now();
    this.conn.sendNotification(P.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    const [f, d] = await Promise.all([first, all]).finally(() => {
      this.probeCpu = false;
    });
    return {
      firstMainCpuMs: f.cpu ? f.cpu.mainMs - cpu0.mainMs : undefined,
      cpuMs: d.cpu ? d.cpu.totalMs - cpu0.totalMs : undefined,
      ms: d.at - t,
      diagnostics: d.count,
      items: d.items,
      firstMs: f.at - t,
      firstDiagnostics: f.count,
      firstPartial: f.partial,
    };
  }

  close(uri) {
    this.conn.sendNotification(P.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * Applies an insert/delete to the open document and sends it (incremental or full, as the server asked). Returns
   * when it was sent: the harness's own bookkeeping before (copying a 40 MB text) is no editor latency.
   */
  change(doc, offset, removeCount, insert) {
    const { range } = doc.replace(offset, removeCount, insert);
    doc.version++;
    const contentChanges =
      this.syncKind === P.TextDocumentSyncKind.Incremental ? [{ range, text: insert }] : [{ text: doc.text }];
    const sent = performance.now();
    this.conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: doc.uri, version: doc.version },
      contentChanges,
    });
    return sent;
  }

  async stop() {
    if (this.dead) return;
    try {
      await this.request(P.ShutdownRequest.type, undefined, 10);
      this.conn.sendNotification(P.ExitNotification.type);
    } catch {}
    const killer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(killer);
    this.conn.dispose();
  }
}

// ---------------------------------------------------------------- benchmark driver
const hoverText = (h) => {
  if (!h?.contents) return '';
  const c = h.contents;
  const one = (x) => (typeof x === 'string' ? x : (x.value ?? ''));
  return Array.isArray(c) ? c.map(one).join('\n') : one(c);
};
const completionItems = (r) => (Array.isArray(r) ? r : (r?.items ?? []));
const errMessage = (e) => String(e?.message ?? e);
/**
 * The metric of a probe phase (hover, completion): the timings over all positions, then one row per position with
 * its own median; `answered(p)` says whether a position got a non-empty answer, `detail(p)` adds to its row.
 */
const probeMetric = ({ samples, per, planned, errors, lastError }, answered, detail) => ({
  unit: 'ms',
  ...stats(samples),
  planned,
  positions: per.filter((p) => p.ms.length).length,
  nonEmpty: per.filter(answered).length,
  errors: errors || undefined,
  lastError: lastError ? errMessage(lastError) : undefined,
  perPosition: per.map((p) => ({
    label: p.label,
    line: p.line,
    n: p.ms.length,
    median: stats(p.ms).median,
    ...detail(p),
  })),
});

/** How often a request is sent while a file loads: about what a user moving the mouse over it would send. */
const LOAD_PROBE_EVERY_MS = 50;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens the file and, until its diagnostics arrive, sends a hover or completion (round-robin over `probes`) every
 * LOAD_PROBE_EVERY_MS without waiting for the previous answer, as an editor does. Resolves with the open's result,
 * each request's latency, and how many were answered before the publish.
 */
async function openWhileProbing(s, uri, text, languageId, probes) {
  let loaded = false;
  const opened = s.openAndWait(uri, text, languageId).finally(() => {
    loaded = true;
  });
  const latencies = [];
  let answeredBeforePublish = 0;
  let errors = 0;
  let lastError;
  const requests = [];
  for (let k = 0; !loaded && probes.length > 0; k++) {
    const { type, params } = probes[k % probes.length];
    const t = performance.now();
    requests.push(
      s.request(type, params).then(
        () => {
          latencies.push(performance.now() - t);
          if (!loaded) answeredBeforePublish++;
        },
        (e) => {
          errors++;
          lastError = e;
        },
      ),
    );
    await Promise.race([opened, sleep(LOAD_PROBE_EVERY_MS)]);
  }
  const open = await opened;
  await Promise.all(requests);
  return { open, latencies, answeredBeforePublish, errors, lastError };
}

/**
 * Benchmarks one workload against one server; returns { metrics, phases, ... }. `plan`: { cold, warm, hoverRounds,
 * completionRepeats, editRounds, diagnosticsOnly }; `budgetS`: wall-time cap per metric (at least one sample is
 * always taken); `metrics`: optional set of metric groups to run (open, hover, completion, edit).
 */
export async function benchWorkload(wl, { cfg, queries, plan, budgetS, metrics: only, log, verbose }) {
  const text = fs.readFileSync(wl.path, 'utf8');
  const uri = pathToFileURL(wl.path).href;
  const languageId = cfg.languageId ?? 'yaml';
  const budgetMs = budgetS * 1000;
  const want = (group) => !only || only.has(group);
  const out = {
    server: cfg.name,
    workload: wl.name,
    lines: wl.lines,
    documents: wl.documents,
    metrics: {},
    phases: [],
    notes: [],
  };
  const metric = (name, m) => {
    out.metrics[name] = { status: 'ok', ...m };
    return out.metrics[name];
  };
  const fail = (name, e, unit = 'ms') => {
    const unsupported = e instanceof UnsupportedError;
    out.metrics[name] = { status: unsupported ? 'unsupported' : 'error', unit, n: 0, error: errMessage(e) };
    if (!unsupported) log(`${cfg.name} ${wl.name} ${name}: ${errMessage(e)}`);
  };
  // Phase windows on the monotonic clock, per server pid: a --cpu-prof profile can be cut into them.
  const phase = async (name, fn) => {
    const t0 = monoUs();
    try {
      return await fn();
    } finally {
      out.phases.push({ phase: name, pid: s?.pid, t0Us: t0, t1Us: monoUs() });
    }
  };

  // Resolve every probe position before any server runs.
  const qctx = queryContext(text);
  const resolve = (list) =>
    list
      .map((q) => ({ q, at: resolveQuery(q, qctx) }))
      .filter(({ q, at }) => {
        if (!at) log(`${wl.name}: probe "${q.label}" does not resolve; skipped`);
        return !!at;
      });
  const hovers = resolve(queries.hover);
  const completions = resolve(queries.completion);
  const edits = resolve(queries.edits);

  // Requests sent while the file loads (plan.loadProbe): hovers, and completions that need no edit first.
  const loadProbes = [
    ...hovers.map(({ at }) => ({ type: P.HoverRequest.type, at })),
    ...completions.filter(({ at }) => !at.edit).map(({ at }) => ({ type: P.CompletionRequest.type, at })),
  ].map(({ type, at }) => ({
    type,
    params: { textDocument: { uri }, position: { line: at.line, character: at.character } },
  }));
  const loadLatencies = [];
  let loadAnswered = 0;
  let loadErrors = 0;
  let loadLastError;

  // ---- cold opens: a fresh server per sample; the last one stays up for the rest
  const cold = [];
  const coldFirst = [];
  const coldCpu = { first: [], all: [] };
  const init = [];
  const coldDiag = new Set();
  const rssOpen = [];
  let s;
  let firstOpen;
  const coldStarted = performance.now();
  try {
    for (let i = 0; i < plan.cold && (i === 0 || performance.now() - coldStarted < budgetMs); i++) {
      if (s) await s.stop();
      s = new Session(cfg, { verbose });
      await phase('start', () => s.start());
      init.push(s.initializeMs);
      const r = await phase('open_all', async () => {
        if (!plan.loadProbe) return s.openAndWait(uri, text, languageId);
        const probed = await openWhileProbing(s, uri, text, languageId, loadProbes);
        loadLatencies.push(...probed.latencies);
        loadAnswered += probed.answeredBeforePublish;
        loadErrors += probed.errors;
        loadLastError = probed.lastError ?? loadLastError;
        return probed.open;
      });
      cold.push(r.ms);
      coldFirst.push(r.firstMs);
      coldCpu.first.push(r.firstMainCpuMs);
      coldCpu.all.push(r.cpuMs);
      coldDiag.add(r.diagnostics);
      rssOpen.push(memory(s.pid));
      firstOpen ??= r;
    }
  } catch (e) {
    const lines = (s?.stderr ?? '').trim().split('\n').filter(Boolean);
    const stderr = (lines.find((l) => /Error\b/.test(l)) ?? lines.slice(-3).join(' | ')).trim();
    fail('open_all', stderr ? new Error(`${errMessage(e)}; server stderr: ${stderr}`) : e);
    if (s) await s.stop().catch(() => {});
    return out;
  }
  out.serverInfo = s.serverInfo;
  out.sync = s.syncName;
  out.capabilities = { hover: s.supports('hover'), completion: s.supports('completion') };
  metric('initialize', { unit: 'ms', ...stats(init) });
  if (cold.length) {
    metric('open_first', {
      unit: 'ms',
      ...stats(coldFirst),
      diagnostics: firstOpen.firstDiagnostics,
      partial: firstOpen.firstPartial,
      mainCpuMs: stats(coldCpu.first).median,
      planned: plan.cold,
    });
    metric('open_all', {
      unit: 'ms',
      ...stats(cold),
      diagnostics: firstOpen.diagnostics,
      diagnosticsSeen: [...coldDiag],
      cpuMs: stats(coldCpu.all).median,
      planned: plan.cold,
    });
    if (loadLatencies.length)
      metric('load_request', {
        unit: 'ms',
        ...stats(loadLatencies),
        answeredBeforePublish: loadAnswered,
        errors: loadErrors || undefined,
        lastError: loadLastError ? errMessage(loadLastError) : undefined,
        everyMs: LOAD_PROBE_EVERY_MS,
      });
    metric('rss_after_open', {
      unit: 'MB',
      ...stats(rssOpen.map((m) => m.rssMB)),
      hwmMB: Math.max(...rssOpen.map((m) => m.hwmMB)),
    });
  }
  // The diagnostics of the first open (the first 50: enough to see what a server reports, not 2,000 of them).
  out.diagnosticsOnOpenCount = firstOpen.items.length;
  out.diagnosticsOnOpen = firstOpen.items.slice(0, 50).map((d) => ({
    line: d.range.start.line + 1,
    character: d.range.start.character + 1,
    severity: d.severity,
    source: d.source,
    code: typeof d.code === 'object' ? d.code?.value : d.code,
    message: String(d.message).split('\n')[0].slice(0, 200),
  }));
  if (s.unservedContent.size)
    out.notes.push(`server asked for content not served: ${[...s.unservedContent].join(', ')}`);
  const timeline = [{ phase: 'open', ...memory(s.pid) }];
  const mark = (name) => timeline.push({ phase: name, ...memory(s.pid) });

  if (plan.diagnosticsOnly) {
    out.versionedDiagnostics = s.versioned;
    await s.stop();
    return out;
  }

  // ---- warm opens: same text, new URI, same process (caches are warm; the document is new)
  if (want('open')) {
    const warm = [];
    const warmDiag = new Set();
    let clearsOnClose = true;
    const started = performance.now();
    try {
      await phase('open_warm', async () => {
        for (let i = 0; i < plan.warm && (i === 0 || performance.now() - started < budgetMs); i++) {
          const wuri = uri.replace(/\.yaml$/, `.warm-${i}.yaml`);
          const r = await s.openAndWait(wuri, text, languageId);
          warm.push(r.ms);
          warmDiag.add(r.diagnostics);
          // Most servers clear a closed document's diagnostics; wait for that so it does not overlap the next.
          const cleared = clearsOnClose ? s.nextDiagnostics(wuri, undefined, 3).catch(() => false) : undefined;
          s.close(wuri);
          if ((await cleared) === false) clearsOnClose = false;
        }
      });
      metric('open_warm', {
        unit: 'ms',
        ...stats(warm),
        diagnostics: [...warmDiag][0],
        diagnosticsSeen: [...warmDiag],
        planned: plan.warm,
      });
    } catch (e) {
      fail('open_warm', e);
    }
    mark('warm_opens');
  }

  const doc = new EditorText(uri, text);
  const pos = (a) => ({ textDocument: { uri }, position: { line: a.line, character: a.character } });

  // ---- hover: every position, `hoverRounds` times, round-robin so that no position is measured only warm
  if (want('hover')) {
    try {
      if (!s.supports('hover')) throw new UnsupportedError('no hoverProvider in the server capabilities');
      const samples = [];
      const per = hovers.map(({ q, at }) => ({
        label: q.label,
        line: at.line + 1,
        doc: at.doc,
        ms: [],
        text: undefined,
      }));
      let errors = 0;
      let lastError;
      const started = performance.now();
      await phase('hover', async () => {
        outer: for (let r = 0; r < plan.hoverRounds; r++) {
          for (let i = 0; i < hovers.length; i++) {
            if (samples.length && performance.now() - started > budgetMs) break outer;
            const t = performance.now();
            try {
              const h = await s.request(P.HoverRequest.type, pos(hovers[i].at));
              const ms = performance.now() - t;
              samples.push(ms);
              per[i].ms.push(ms);
              per[i].text ??= hoverText(h);
            } catch (e) {
              if (e instanceof UnsupportedError || s.dead) throw e;
              errors++;
              lastError = e;
            }
          }
        }
      });
      if (!samples.length && lastError) throw lastError;
      metric(
        'hover',
        probeMetric(
          { samples, per, planned: plan.hoverRounds * hovers.length, errors, lastError },
          (p) => p.text,
          (p) => ({ chars: p.text?.length ?? 0 }),
        ),
      );
    } catch (e) {
      fail('hover', e);
    }
    mark('hover');
  }

  // ---- completion: positions that need a changed text get it first (diagnostics awaited), undone after
  if (want('completion')) {
    try {
      if (!s.supports('completion')) throw new UnsupportedError('no completionProvider in the server capabilities');
      const samples = [];
      const per = [];
      let errors = 0;
      let lastError;
      const started = performance.now();
      await phase('completion', async () => {
        for (const { q, at } of completions) {
          if (samples.length && performance.now() - started > budgetMs) break;
          if (at.edit) {
            const w = s.nextDiagnostics(uri, doc.version + 1);
            s.change(doc, at.edit.offset, at.edit.remove, at.edit.insert);
            await w;
          }
          const one = { label: q.label, line: at.line + 1, ms: [], items: undefined };
          try {
            for (let r = 0; r < plan.completionRepeats; r++) {
              if (r > 0 && performance.now() - started > budgetMs) break;
              const t = performance.now();
              try {
                const res = await s.request(P.CompletionRequest.type, { ...pos(at), context: { triggerKind: 1 } });
                const ms = performance.now() - t;
                samples.push(ms);
                one.ms.push(ms);
                one.items ??= completionItems(res).map((it) => it.label);
              } catch (e) {
                if (e instanceof UnsupportedError || s.dead) throw e;
                errors++;
                lastError = e;
              }
            }
          } finally {
            per.push(one);
            if (at.edit && !s.dead) {
              const original = text.slice(at.edit.offset, at.edit.offset + at.edit.remove);
              const w = s.nextDiagnostics(uri, doc.version + 1);
              s.change(doc, at.edit.offset, at.edit.insert.length, original);
              await w;
            }
          }
        }
      });
      if (!samples.length && lastError) throw lastError;
      if (doc.text !== text) throw new Error('bench bug: the completion edits were not undone');
      metric(
        'completion',
        probeMetric(
          { samples, per, planned: plan.completionRepeats * completions.length, errors, lastError },
          (p) => p.items?.length,
          (p) => ({ items: p.items?.length ?? 0, first: p.items?.slice(0, 5) }),
        ),
      );
    } catch (e) {
      fail('completion', e);
    }
    mark('completion');
  }

  /**
   * Inserts `insert(i)` (one character) at the edit positions, round-robin, each followed by its undo, and waits for
   * the diagnostics of each version; the budget never splits an edit from its undo. The latency of each, in order.
   */
  const timedEdits = async (name, insert) => {
    if (s.dead) throw new Error(`server is not running (${JSON.stringify(s.dead)})`);
    if (doc.text !== text) throw new Error('document is not in its original state');
    const started = performance.now();
    const out = [];
    await phase(name, async () => {
      const total = plan.editRounds * 2 * edits.length;
      for (let i = 0; i < total; i++) {
        if (out.length && i % 2 === 0 && performance.now() - started > budgetMs) break;
        const k = Math.floor(i / 2) % edits.length;
        const offset = edits[k].at.offset;
        const w = s.nextDiagnostics(uri, doc.version + 1);
        const t = i % 2 === 0 ? s.change(doc, offset, 0, insert(i)) : s.change(doc, offset, 1, '');
        const d = await w;
        out.push({ k, typed: i % 2 === 0, ms: d.at - t, count: d.count });
      }
    });
    if (doc.text !== text) throw new Error(`bench bug: the ${name} edits were not undone`);
    return out;
  };

  // ---- edit -> diagnostics: type one character at the end of a scalar, then delete it; round-robin positions
  if (want('edit') && edits.length) {
    try {
      // Each round types another letter, so that no typed text is one the server has analysed before; the deletion
      // that follows restores the original text, as a backspace does.
      const runs = await timedEdits('edit', (i) => String.fromCharCode(97 + (Math.floor(i / 2 / edits.length) % 26)));
      const ms = (which) => runs.filter(which).map((r) => r.ms);
      metric('edit', {
        unit: 'ms',
        sync: s.syncName,
        versionChecked: s.versioned === true,
        ...stats(ms(() => true)),
        planned: plan.editRounds * 2 * edits.length,
        diagnosticsSeen: [...new Set(runs.map((r) => r.count))].sort((a, b) => a - b),
        typed: stats(ms((r) => r.typed)),
        deleted: stats(ms((r) => !r.typed)),
        perPosition: edits.map(({ q, at }, k) => {
          const p = ms((r) => r.k === k);
          return { label: q.label, line: at.line + 1, doc: at.doc, n: p.length, ...stats(p) };
        }),
      });
    } catch (e) {
      fail('edit', e);
    }
    mark('edit');
  }

  // ---- line edit -> diagnostics: Enter at the same places, then its undo; every line after it moves, and back
  if (want('edit') && edits.length) {
    try {
      const runs = await timedEdits('edit_line', () => '\n');
      metric('edit_line', { unit: 'ms', ...stats(runs.map((r) => r.ms)), planned: plan.editRounds * 2 * edits.length });
    } catch (e) {
      fail('edit_line', e);
    }
    mark('edit_line');
  }

  if (!s.dead) {
    const mem = memory(s.pid);
    metric('rss_end', {
      unit: 'MB',
      n: 1,
      min: mem.rssMB,
      median: mem.rssMB,
      p95: mem.rssMB,
      max: mem.rssMB,
      hwmMB: mem.hwmMB,
    });
  } else {
    fail('rss_end', new Error(`server died: ${JSON.stringify(s.dead)}`), 'MB');
  }
  out.memoryTimeline = timeline;
  out.versionedDiagnostics = s.versioned;
  await s.stop();
  return out;
}

/** Reads a server config JSON; `${root}` and `${node}` are substituted, relative paths are against `cwd`. */
export function loadServerConfig(file, vars) {
  const substitute = (value) => {
    if (typeof value === 'string') return value.replace(/\$\{(\w+)\}/g, (m, k) => (k in vars ? vars[k] : m));
    if (Array.isArray(value)) return value.map(substitute);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [substitute(k), substitute(v)]));
    return value;
  };
  const cfg = substitute(JSON.parse(fs.readFileSync(file, 'utf8')));
  cfg.cwd = path.resolve(path.dirname(file), cfg.cwd ?? '.');
  if (cfg.versionFrom) {
    try {
      cfg.version = JSON.parse(fs.readFileSync(path.resolve(cfg.cwd, cfg.versionFrom), 'utf8')).version;
    } catch {}
  }
  cfg.serveCache = {};
  for (const map of Object.values(cfg.serve ?? {}))
    for (const f of Object.values(map)) cfg.serveCache[f] ??= fs.readFileSync(path.resolve(cfg.cwd, f), 'utf8');
  return cfg;
}
