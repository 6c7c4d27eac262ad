/**
 * Predicts what a container's main process does from its command and args alone: exits with a code after
 * some seconds, runs until stopped, cannot be started, or cannot be predicted. Pure, table-driven, total.
 */
import type { ContainerView } from '../../model/types';
import { BUILTINS_ONLY, COMMAND_RULES, type Effect, SHELLS } from './commands';
import { parseShell, type ShellList, type ShellNode } from './shell';

export type RunInference =
  | { kind: 'exits'; exitCode: number; afterSeconds: number; because: string }
  | { kind: 'forever'; because: string }
  | { kind: 'unknown'; because: string };

/** What the runtime does with the command: `startError` when it cannot even exec it. */
export type ProcessInference = RunInference | { kind: 'startError'; message: string; because: string };

interface Ctx {
  notes: string[];
}

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

function evalSimple(words: readonly string[]): Effect {
  let i = 0;
  // Leading `VAR=value` assignments and `exec` do not change what runs.
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] as string)) i++;
  if (words[i] === 'exec') i++;
  const name = words[i];
  if (name === undefined) return { kind: 'ok', seconds: 0, status: 0 };
  const rule = COMMAND_RULES.get(basename(name));
  if (!rule) return { kind: 'unknown', because: `cannot predict \`${words.slice(i).join(' ')}\`` };
  if (words.slice(i + 1).some((w) => w.includes('$('))) {
    return { kind: 'unknown', because: `cannot predict \`${words.slice(i).join(' ')}\`` };
  }
  return rule(words.slice(i + 1), basename(name));
}

function mentions(list: ShellList, names: ReadonlySet<string>): boolean {
  return list.items.some(({ node }) => nodeMentions(node, names));
}

function nodeMentions(node: ShellNode, names: ReadonlySet<string>): boolean {
  switch (node.type) {
    case 'simple':
      return names.has(node.words[0] ?? '');
    case 'pipeline':
      return node.commands.some((c) => nodeMentions(c, names));
    case 'group':
      return mentions(node.body, names);
    case 'loop':
      return mentions(node.condition, names) || mentions(node.body, names);
    case 'unsupported':
      return true;
  }
}

const ALWAYS_TRUE = /^(true|:|\[ (1|true) \]|\[ 1 -eq 1 \]|sleep [\d.]+[smhd]?)$/;

function evalLoop(node: Extract<ShellNode, { type: 'loop' }>, ctx: Ctx): Effect {
  const condition = node.condition.items
    .map((i) => (i.node.type === 'simple' ? i.node.words.join(' ') : '?'))
    .join('; ');
  const infinite = node.keyword === 'while' ? ALWAYS_TRUE.test(condition) : condition === 'false';
  if (infinite) {
    if (mentions(node.body, new Set(['exit', 'break', 'return']))) {
      return { kind: 'unknown', because: `cannot predict when \`${node.keyword} ${condition}\` stops` };
    }
    return { kind: 'forever', because: `\`${node.keyword} ${condition}\` loops until stopped` };
  }
  // A wait loop (`until nslookup db; do sleep 2; done`): assume the awaited condition already holds.
  ctx.notes.push(`assumes the wait loop \`${node.keyword} ${condition}\` ends at once`);
  return { kind: 'ok', seconds: 0, status: 0 };
}

function evalNode(node: ShellNode, ctx: Ctx): Effect {
  switch (node.type) {
    case 'simple':
      return evalSimple(node.words);
    case 'group':
      return evalList(node.body, ctx);
    case 'loop':
      return evalLoop(node, ctx);
    case 'pipeline': {
      // Every stage runs concurrently; the pipeline ends with its last stage (busybox sh has no pipefail).
      const effects = node.commands.map((c) => evalNode(c, ctx));
      const blocking = effects.find((e) => e.kind === 'unknown' || e.kind === 'forever');
      return blocking ?? (effects[effects.length - 1] as Effect);
    }
    case 'unsupported':
      return { kind: 'unknown', because: `cannot predict a \`${node.keyword}\` block` };
  }
}

function evalList(list: ShellList, ctx: Ctx): Effect {
  let seconds = 0;
  let status = 0;
  let previous: string | undefined;
  for (const { node, then } of list.items) {
    const skip = (previous === '&&' && status !== 0) || (previous === '||' && status === 0);
    previous = then;
    if (skip) continue;
    if (then === '&') {
      // Background jobs die with the shell, so they neither delay nor end it.
      status = 0;
      continue;
    }
    const e = evalNode(node, ctx);
    if (e.kind !== 'ok') return e.kind === 'exit' ? { ...e, seconds: seconds + e.seconds } : e;
    seconds += e.seconds;
    status = e.status;
  }
  return { kind: 'ok', seconds, status };
}

/** The argv the runtime executes, or why it is unknown. */
function argvOf(c: ContainerView): { argv: string[]; note?: string } | { unknown: string } {
  const { command, args } = c;
  if (command.kind === 'template' || args.kind === 'template') return { unknown: 'the command is a template' };
  if (command.kind === 'invalid' || args.kind === 'invalid') return { unknown: 'the command is not a list of strings' };
  const cmd = command.kind === 'value' ? command.value : undefined;
  const arg = args.kind === 'value' ? args.value : [];
  if (cmd && cmd.length > 0) return { argv: [...cmd, ...arg] };
  if (arg.length === 0 || (arg[0] as string).startsWith('-')) return { argv: [] };
  return { argv: arg, note: 'assumes the image has no ENTRYPOINT, so `args` run as the command' };
}

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

/**
 * Predicts what an argv does when the runtime executes it (a container's command, or an exec hook).
 * @example
 *   inferArgv(['sh', '-c', 'sleep 5; exit 3']) // { kind: 'exits', exitCode: 3, afterSeconds: 5, because: '...' }
 *   inferArgv(['exit', '1'])                   // { kind: 'startError', message: 'exec: "exit": executable file not found in $PATH', ... }
 */
export function inferArgv(argv: readonly string[], note?: string): ProcessInference {
  if (argv.length === 0) {
    return { kind: 'forever', because: "no command: the image's entrypoint is assumed to run until stopped" };
  }
  const first = basename(argv[0] as string);
  const shown = `\`${summarize(argv)}\``;
  if (BUILTINS_ONLY.has(first)) {
    const message = `exec: "${argv[0]}": executable file not found in $PATH`;
    return { kind: 'startError', message, because: `${shown}: \`${first}\` is a shell builtin, not a program` };
  }
  const ctx: Ctx = { notes: note ? [note] : [] };
  let effect: Effect;
  if (SHELLS.has(first)) {
    const script = shellScript(argv);
    if (script === undefined) return { kind: 'unknown', because: `${shown} runs a script file` };
    effect = evalList(parseShell(script), ctx);
  } else {
    effect = evalSimple(argv);
  }
  const notes = ctx.notes.length > 0 ? ` (${ctx.notes.join('; ')})` : '';
  switch (effect.kind) {
    case 'ok':
    case 'exit': {
      const exitCode = effect.kind === 'ok' ? effect.status : effect.code;
      const because = `${shown} ${describeExit(exitCode, effect.seconds)}${notes}`;
      return { kind: 'exits', exitCode, afterSeconds: effect.seconds, because };
    }
    case 'forever':
      return { kind: 'forever', because: `${shown}: ${effect.because}${notes}` };
    case 'unknown':
      return { kind: 'unknown', because: `${shown}: ${effect.because}` };
  }
}

/** Predicts a container's main process from its command and args. */
export function inferProcess(c: ContainerView): ProcessInference {
  const a = argvOf(c);
  return 'unknown' in a ? { kind: 'unknown', because: a.unknown } : inferArgv(a.argv, a.note);
}

/**
 * Predicts whether a container's command exits (with which code, after how long) or runs until stopped.
 * @example
 *   inferRun(container) // for `sh -c "exit 1"`: { kind: 'exits', exitCode: 1, afterSeconds: 0, because: '...' }
 */
export function inferRun(c: ContainerView): RunInference {
  const p = inferProcess(c);
  return p.kind === 'startError' ? { kind: 'unknown', because: `${p.because}: the container cannot start` } : p;
}
