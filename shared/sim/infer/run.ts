/**
 * Predicts what a process does from its argv: runs it (a shell script through the shell reader, or one
 * program) on a virtual clock and file system, and reports whether it exits (code, time), is OOM-killed,
 * runs until stopped, cannot be started, or cannot be predicted. Pure, table-driven, total.
 */
import { BUILTINS_ONLY, COMMAND_RULES, NO_SIGTERM_HANDLER, SHELLS } from './commands';
import { parseShell, type ShellList, type ShellNode } from './shell';
import { type Effect, type FileEvent, newVm, setFile, stateKey, type Vm, type World } from './vm';

export type RunInference =
  | { kind: 'exits'; exitCode: number; afterSeconds: number; because: string }
  | { kind: 'oom'; afterSeconds: number; because: string }
  | { kind: 'forever'; because: string; server?: boolean }
  | { kind: 'unknown'; because: string };

/** What the runtime does with the command: `startError` when it cannot even exec it. */
export type ProcessInference = RunInference | { kind: 'startError'; message: string; because: string };

/** The inference plus what the run left behind: the files it made over time and the Services it waited for. */
export type Execution = ProcessInference & { trace: FileEvent[]; waitsFor: string[] };

/** A loop still going after this much virtual time runs until stopped (a wait that never ends included). */
const LOOP_HORIZON = 3600;
/** Commands interpreted per process at most: a bound on huge or looping scripts. */
const MAX_STEPS = 20_000;

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const ok = (status = 0): Effect => ({ kind: 'ok', status });

const SA_NAMESPACE = /\$\(cat \/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/namespace\)/g;

/** The shell's own expansion of `$NAME`/`${NAME}` from known variables; anything else stays as written. */
function shellExpand(word: string, vm: Vm): string {
  return word
    .replace(SA_NAMESPACE, vm.world.namespace)
    .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a?: string, b?: string) => {
      return vm.vars.get((a ?? b) as string) ?? m;
    });
}

/** Drops redirections from the words; returns the files `>`/`>>` write to. */
function redirections(words: readonly string[]): { words: string[]; writes: string[] } {
  const out: string[] = [];
  const writes: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const m = /^(\d*|&)(>>?|<)(&?)(.*)$/.exec(w);
    if (!m) {
      out.push(w);
      continue;
    }
    const target = m[4] || (m[3] ? '' : (words[++i] ?? ''));
    if (m[2] !== '<' && !m[3] && target.startsWith('/') && !target.startsWith('/dev/')) writes.push(target);
  }
  return { words: out, writes };
}

function evalSimple(raw: readonly string[], vm: Vm, shell: boolean): Effect {
  if (++vm.steps > MAX_STEPS) return { kind: 'unknown', because: 'the script is too long to follow' };
  const r = shell ? redirections(raw.map((w) => shellExpand(w, vm))) : { words: [...raw], writes: [] };
  const words = r.words;
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] as string)) i++;
  if (i === words.length) {
    for (const w of words) vm.vars.set(w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1));
    return ok();
  }
  const exec = words[i] === 'exec';
  if (exec) i++;
  const name = words[i];
  if (name === undefined) return ok();
  const args = words.slice(i + 1);
  const program = basename(name);
  if (program === 'break') return { kind: 'break' };
  if (program === 'set' && (args.some((a) => /^-\w*e/.test(a)) || args.join(' ').includes('-o errexit')))
    vm.errexit = true;
  let e: Effect;
  if (SHELLS.has(program)) {
    const script = shellScript([name, ...args]);
    e = script === undefined ? { kind: 'unknown', because: `\`${name}\` runs a script file` } : runScript(script, vm);
  } else {
    const rule = COMMAND_RULES.get(program);
    if (!rule) return { kind: 'unknown', because: `cannot predict \`${words.slice(i).join(' ')}\`` };
    e = rule(args, vm, program);
  }
  if (e.kind === 'ok') for (const w of r.writes) setFile(vm, w, true);
  // `exec` replaces the shell: its program's end is the script's end.
  return exec && e.kind === 'ok' ? { kind: 'exit', code: e.status } : e;
}

function describeCondition(list: ShellList): string {
  return list.items.map((i) => (i.node.type === 'simple' ? i.node.words.join(' ') : '...')).join('; ');
}

function evalLoop(node: Extract<ShellNode, { type: 'loop' }>, vm: Vm): Effect {
  const start = vm.t;
  const shown = `\`${node.keyword} ${describeCondition(node.condition)}\``;
  let previous: string | undefined;
  for (let n = 0; ; n++) {
    const before = vm.t;
    const c = evalList(node.condition, vm, true);
    if (c.kind === 'unknown' && n === 0) {
      // A wait on something this model cannot see (`until pg_isready`): assume it already holds.
      vm.notes.push(`assumes the wait loop ${shown} ends at once`);
      return ok();
    }
    if (c.kind !== 'ok') return c;
    if ((node.keyword === 'while') !== (c.status === 0)) return ok();
    const b = evalList(node.body, vm, false);
    if (b.kind === 'break') return ok();
    if (b.kind !== 'ok') return b;
    // An iteration that leaves files and variables as the previous one did repeats itself until stopped.
    const state = stateKey(vm);
    const steady = state === previous;
    previous = state;
    if (steady || vm.t === before || vm.t - start > LOOP_HORIZON) {
      const waits = vm.waitsFor.length > 0 ? `waits for Service ${vm.waitsFor.join(', Service ')}` : '';
      return { kind: 'forever', because: waits ? `${shown} ${waits} forever` : `${shown} loops until stopped` };
    }
  }
}

function evalNode(node: ShellNode, vm: Vm, condition: boolean): Effect {
  switch (node.type) {
    case 'simple':
      return evalSimple(node.words, vm, true);
    case 'group':
      return evalList(node.body, vm, condition);
    case 'loop':
      return evalLoop(node, vm);
    case 'if': {
      for (const b of node.branches) {
        const c = evalList(b.condition, vm, true);
        if (c.kind !== 'ok') return c;
        if (c.status === 0) return evalList(b.body, vm, condition);
      }
      return node.otherwise ? evalList(node.otherwise, vm, condition) : ok();
    }
    case 'for': {
      let last: Effect = ok();
      for (const _ of node.items) {
        last = evalList(node.body, vm, condition);
        if (last.kind === 'break') return ok();
        if (last.kind !== 'ok') return last;
      }
      return last;
    }
    case 'pipeline': {
      // Every stage runs concurrently; the pipeline ends with its last stage (busybox sh has no pipefail).
      const effects = node.commands.map((c) => evalNode(c, vm, condition));
      const blocking = effects.find((e) => e.kind === 'unknown' || e.kind === 'forever' || e.kind === 'oom');
      return blocking ?? (effects[effects.length - 1] as Effect);
    }
    case 'unsupported':
      return { kind: 'unknown', because: `cannot predict a \`${node.keyword}\` block` };
  }
}

function evalList(list: ShellList, vm: Vm, condition: boolean): Effect {
  let status = 0;
  let previous: string | undefined;
  let background: Effect | undefined;
  for (const { node, then } of list.items) {
    const skip = (previous === '&&' && status !== 0) || (previous === '||' && status === 0);
    previous = then;
    if (skip) continue;
    if (then === '&') {
      // A background job neither delays the shell nor ends it; `wait` waits for it.
      const t = vm.t;
      background = evalNode(node, vm, false);
      vm.t = t;
      status = 0;
      continue;
    }
    if (background?.kind === 'forever' && node.type === 'simple' && node.words[0] === 'wait') return background;
    const e = evalNode(node, vm, condition || then === '&&' || then === '||');
    if (e.kind !== 'ok') return e;
    status = e.status;
    if (vm.errexit && status !== 0 && !condition && then !== '&&' && then !== '||')
      return { kind: 'exit', code: status };
  }
  return ok(status);
}

function runScript(script: string, vm: Vm): Effect {
  return evalList(parseShell(script), vm, false);
}

/** The argument of `-c` (`sh -c`, `bash -ec`, `sh -euc`), or undefined for a script file. */
function shellScript(argv: readonly string[]): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('-')) return undefined;
    if (/^-[a-z]*c[a-z]*$/.test(a)) return argv[i + 1] ?? '';
  }
  return undefined;
}

function summarize(argv: readonly string[]): string {
  const quoted = argv.map((a) => (/[\s;&|'"$]/.test(a) || a === '' ? JSON.stringify(a) : a));
  const text = quoted.join(' ').replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function describeExit(code: number, seconds: number): string {
  return `exits ${code} ${seconds === 0 ? 'at once' : `after ${seconds} s`}`;
}

function toInference(effect: Effect, vm: Vm, shown: string): ProcessInference {
  const notes = vm.notes.length > 0 ? ` (${[...new Set(vm.notes)].join('; ')})` : '';
  switch (effect.kind) {
    case 'ok':
    case 'exit':
    case 'break': {
      const exitCode = effect.kind === 'ok' ? effect.status : effect.kind === 'exit' ? effect.code : 0;
      const because = `${shown} ${describeExit(exitCode, vm.t)}${notes}`;
      return { kind: 'exits', exitCode, afterSeconds: vm.t, because };
    }
    case 'oom':
      return { kind: 'oom', afterSeconds: vm.t, because: `${shown}: ${effect.because}: OOMKilled${notes}` };
    case 'forever':
      return {
        kind: 'forever',
        because: `${shown}: ${effect.because}${notes}`,
        ...(effect.server ? { server: true } : {}),
      };
    case 'unknown':
      return { kind: 'unknown', because: `${shown}: ${effect.because}` };
  }
}

/**
 * Runs an argv (a container's command, an exec probe or hook) in a fresh VM, optionally starting from the
 * files a container made by then.
 * @example
 *   execute(['sh', '-c', 'sleep 5; exit 3'], world) // { kind: 'exits', exitCode: 3, afterSeconds: 5, ... }
 *   execute(['exit', '1'], world)                   // { kind: 'startError', message: 'exec: "exit": executable file not found in $PATH', ... }
 */
export function execute(
  argv: readonly string[],
  world: World,
  options: { note?: string; files?: ReadonlyMap<string, boolean> } = {},
): Execution {
  const vm = newVm(world, options.files);
  if (options.note) vm.notes.push(options.note);
  const done = (p: ProcessInference): Execution => ({ ...p, trace: vm.trace, waitsFor: vm.waitsFor });
  const first = basename(argv[0] ?? '');
  const shown = `\`${summarize(argv)}\``;
  if (argv.length === 0) return done({ kind: 'unknown', because: 'no command' });
  if (BUILTINS_ONLY.has(first)) {
    const message = `exec: "${argv[0]}": executable file not found in $PATH`;
    return done({ kind: 'startError', message, because: `${shown}: \`${first}\` is a shell builtin, not a program` });
  }
  if (SHELLS.has(first)) {
    const script = shellScript(argv);
    if (script === undefined) return done({ kind: 'unknown', because: `${shown} runs a script file` });
    vm.errexit = argv.slice(1).some((a) => /^-[a-z]*e[a-z]*$/.test(a));
    return done(toInference(runScript(script, vm), vm, shown));
  }
  return done(toInference(evalSimple(argv, vm, false), vm, shown));
}

/**
 * Whether the process that ends up as PID 1 ignores SIGTERM: a shell that stays PID 1 without a `trap` on
 * TERM, or `sleep`/`tail` and the like. The kernel drops signals PID 1 has no handler for (pid_namespaces(7)),
 * so the kubelet's kill waits the whole grace period and ends in SIGKILL (exit 137).
 */
export function ignoresSigterm(argv: readonly string[]): boolean {
  const first = basename(argv[0] ?? '');
  if (!SHELLS.has(first)) return NO_SIGTERM_HANDLER.has(first);
  const script = shellScript(argv);
  if (script === undefined || /\btrap\b[^\n;]*\b(TERM|SIGTERM|15)\b/.test(script)) return false;
  const items = parseShell(script).items;
  const last = items[items.length - 1]?.node;
  if (last?.type === 'simple' && (items.length === 1 || last.words[0] === 'exec')) {
    // The shell execs its only (or `exec`'d) command: that program is PID 1.
    const words = last.words[0] === 'exec' ? last.words.slice(1) : last.words;
    return NO_SIGTERM_HANDLER.has(basename(words[0] ?? ''));
  }
  return true;
}
