/**
 * The command table of the run inference: what one simple command does to the container (time it takes,
 * files it makes or removes, its exit status, or that it never returns). Facts about the tools, not their
 * code; unknown commands stay unknown.
 */
import { parseQuantity, quantityToNumber } from '../../k8s/quantity';
import { pythonExit } from './python';
import { type Effect, fileExists, setFile, type Vm } from './vm';

type Rule = (args: readonly string[], vm: Vm, name: string) => Effect;

const ok = (status = 0): Effect => ({ kind: 'ok', status });
const unknown = (because: string): Effect => ({ kind: 'unknown', because });

/** An assumed duration for a download (wget, curl) or a short computation. */
export const QUICK_SECONDS = 1;
/** How long an interpreter one-liner (`perl -e`, `python -c`) is assumed to compute before it exits. */
export const ONE_LINER_SECONDS = 5;

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** `sleep 10`, `sleep 1m 30s`, `sleep 0.5`, `sleep infinity` (GNU coreutils and busybox accept all of these). */
const sleep: Rule = (args, vm) => {
  if (args.length === 0) return unknown('`sleep` without a duration fails');
  let total = 0;
  for (const arg of args) {
    if (arg === 'infinity' || arg === 'inf') return { kind: 'forever', because: '`sleep infinity` never returns' };
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
    if (!m) return unknown(`cannot read the duration \`sleep ${arg}\``);
    total += Number(m[1]) * (UNIT_SECONDS[m[2] as string] as number);
  }
  vm.t += total;
  return ok();
};

/** `exit N` keeps only the low 8 bits, as every shell does (`exit 256` exits 0). */
const exit: Rule = (args) => {
  if (args.length === 0) return { kind: 'exit', code: 0 };
  if (!/^\d+$/.test(args[0] as string)) return unknown(`cannot read the exit code \`exit ${args[0]}\``);
  return { kind: 'exit', code: Number(args[0]) % 256 };
};

const operands = (args: readonly string[]) => args.filter((a) => !a.startsWith('-'));

/** Status 0 when every path exists, 1 when one does not (cat, ls, stat, test -e all agree on that). */
function allExist(paths: readonly string[], vm: Vm, command: string): Effect {
  let status = 0;
  for (const p of paths) {
    const e = fileExists(vm, p);
    if (e === undefined) return unknown(`cannot tell whether \`${p}\` exists for \`${command}\``);
    if (!e) status = 1;
  }
  return ok(status);
}

const readFiles: Rule = (args, vm, name) => allExist(operands(args), vm, name);

const touch: Rule = (args, vm) => {
  for (const p of operands(args)) setFile(vm, p, true);
  return ok();
};

const rm: Rule = (args, vm) => {
  const force = args.some((a) => /^-\w*f/.test(a));
  let status = 0;
  for (const p of operands(args)) {
    if (fileExists(vm, p) === false && !force) status = 1;
    setFile(vm, p, false);
  }
  return ok(status);
};

/** `cp a b`, `mv a b`, `ln -s a b`: the last operand is made; `mv` removes its source. */
const copy: Rule = (args, vm, name) => {
  const ops = operands(args);
  const target = ops[ops.length - 1];
  if (ops.length < 2 || target === undefined) return ok(1);
  if (name === 'mv') for (const p of ops.slice(0, -1)) setFile(vm, p, false);
  setFile(vm, target, true);
  return ok();
};

const UNARY_TESTS = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h']);

/** `test` and `[`: file tests, negation, and string comparisons of literal words. */
const test: Rule = (rawArgs, vm, name) => {
  const args = name === '[' ? rawArgs.slice(0, -1) : rawArgs;
  let negate = false;
  let rest = args;
  if (rest[0] === '!') {
    negate = true;
    rest = rest.slice(1);
  }
  let result: boolean | undefined;
  const [a, b, c] = rest;
  if (rest.length === 2 && UNARY_TESTS.has(a as string)) result = fileExists(vm, b as string);
  else if (rest.length === 2 && (a === '-n' || a === '-z'))
    result = b?.includes('$') ? undefined : (b === '') === (a === '-z');
  else if (rest.length === 3 && (b === '=' || b === '==' || b === '!=') && !`${a}${c}`.includes('$'))
    result = (a === c) === (b !== '!=');
  else if (rest.length === 3 && b === '-eq' && /^\d+$/.test(`${a}`) && /^\d+$/.test(`${c}`)) result = a === c;
  else if (rest.length === 1) result = a !== '';
  if (result === undefined) return unknown(`cannot evaluate \`${name} ${rawArgs.join(' ')}\``);
  return ok(result !== negate ? 0 : 1);
};

/** `tail -f` follows forever; plain `tail` reads and exits. */
const tail: Rule = (args) =>
  args.some((a) => a === '-f' || a === '-F' || a === '--follow' || /^-\w*[fF]/.test(a))
    ? { kind: 'forever', because: '`tail -f` never returns' }
    : ok();

const server: Rule = (args, _vm, name) => {
  // `nginx -s quit`, `nginx -t`: signal or test a server and return.
  if (args.some((a) => a === '-s' || a === '-t' || a === '-v' || a === '-V' || a === '--version')) return ok();
  return {
    kind: 'forever',
    because: `\`${name}\` is a long-running server: assumed to run until stopped`,
    server: true,
  };
};

/** Where a host name points: a Service of the cluster (by its short name) or somewhere outside. */
export function serviceOf(host: string): string | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  const svc = /^([a-z0-9-]+)(\.[a-z0-9-]+)?\.svc(\.cluster\.local)?$/.exec(h);
  if (svc) return svc[1];
  return /^[a-z0-9-]+$/.test(h) && !/^\d+$/.test(h) ? h : undefined;
}

/** The API server's Service exists in every cluster. */
const ALWAYS_THERE = new Set(['kubernetes', 'localhost']);

/** A DNS lookup or connection to `host`: an outside host is assumed reachable, a Service must exist. */
function reach(host: string | undefined, vm: Vm, name: string, failStatus: number, seconds = 0): Effect {
  if (host === undefined || host.includes('$')) return unknown(`cannot tell which host \`${name}\` contacts`);
  const service = serviceOf(host);
  vm.t += seconds;
  if (service === undefined || ALWAYS_THERE.has(service)) {
    if (service === undefined) vm.notes.push(`assumes \`${host}\` is reachable from the cluster`);
    return ok();
  }
  if (vm.world.services.has(service)) return ok();
  if (!vm.waitsFor.includes(service)) vm.waitsFor.push(service);
  return ok(failStatus);
}

function urlHost(args: readonly string[]): string | undefined {
  for (const a of args) {
    const m = /^(?:[a-z]+:\/\/)?([^/:\s?]+)(?::\d+)?(?:[/?].*)?$/i.exec(a);
    if (!a.startsWith('-') && m && (a.includes('://') || a.includes('/') || a.includes('.') || a.includes(':')))
      return m[1];
  }
  return operands(args)[0];
}

const lookup: Rule = (args, vm, name) => reach(operands(args)[0], vm, name, 1);
/** curl exits 6 when the host does not resolve, wget 4 (their documented exit codes). */
const fetchUrl: Rule = (args, vm, name) => reach(urlHost(args), vm, name, name === 'curl' ? 6 : 4, QUICK_SECONDS);

/** `nc -z host port` checks and returns; `nc -l` listens until stopped. */
const netcat: Rule = (args, vm, name) => {
  if (args.some((a) => /^-\w*l/.test(a))) return server(args, vm, name);
  return reach(operands(args)[0], vm, name, 1);
};

/** `ping -c N host` sends N probes a second apart; without `-c` it never stops. */
const ping: Rule = (args, vm, name) => {
  const i = args.indexOf('-c');
  const count = i === -1 ? undefined : Number(args[i + 1]);
  if (count === undefined) return { kind: 'forever', because: '`ping` without `-c` never stops' };
  const host = operands(args).find((a) => a !== args[i + 1]);
  const e = reach(host, vm, name, 1);
  if (e.kind === 'ok' && Number.isFinite(count)) vm.t += Math.max(0, count - 1);
  return e;
};

/** stress and stress-ng both take `--vm N --vm-bytes SIZE` (256M per worker by default) and `--timeout`. */
function memoryWorkers(args: readonly string[]): number | undefined {
  const value = (flag: string) => {
    const i = args.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    if (i === -1) return undefined;
    const a = args[i] as string;
    return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
  };
  const workers = Number(value('--vm') ?? value('-m') ?? 0);
  if (!workers) return 0;
  // Their K/M/G suffixes are powers of 1024.
  const size = (value('--vm-bytes') ?? '256M').replace(/^(\d+)([kmgKMG])[bB]?$/, (_m, n: string, u: string) =>
    u.toLowerCase() === 'k' ? `${n}Ki` : `${n}${u.toUpperCase()}i`,
  );
  const q = parseQuantity(size);
  return q.ok ? workers * quantityToNumber(q.quantity) : undefined;
}

/** The stress tools of the "Assign Memory Resources" walkthrough (kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/). */
const stress: Rule = (args, vm, name) => {
  const bytes = memoryWorkers(args);
  if (bytes === undefined) return unknown(`cannot read the memory size of \`${name}\``);
  const limit = vm.world.memoryLimit;
  if (bytes > 0 && limit !== undefined && bytes > limit) {
    vm.t += QUICK_SECONDS;
    const mi = (n: number) => `${Math.round(n / 2 ** 20)}Mi`;
    return { kind: 'oom', because: `\`${name}\` allocates ${mi(bytes)}, above the ${mi(limit)} memory limit` };
  }
  const i = args.findIndex((a) => a === '--timeout' || a === '-t');
  const timeout = i === -1 ? undefined : /^(\d+)s?$/.exec(args[i + 1] ?? '')?.[1];
  if (timeout === undefined) return { kind: 'forever', because: `\`${name}\` runs until stopped` };
  vm.t += Number(timeout);
  return ok();
};

/** The flag that makes an interpreter run the next argument as a program, per interpreter. */
const INLINE_FLAG: Record<string, RegExp> = {
  perl: /^-\w*[eE]$/,
  python: /^-c$/,
  python3: /^-c$/,
  node: /^(-e|--eval|-p|--print)$/,
  ruby: /^-\w*e$/,
  php: /^-r$/,
};

/** Words in a one-liner that mean it may wait or loop: then nothing can be said. */
// JavaScript timers (`set` + `Interval`/`Timeout`) count as waiting too.
const WAITS = /\b(while|for|loop|sleep|serve|listen|set(Interval|Timeout)|forever|accept|input|readline|STDIN)\b/;

/**
 * perl/python/node/ruby: an inline program that prints and exits (the Job walkthrough's
 * `perl -Mbignum=bpi -wle 'print bpi(2000)'`), a module server, or a script assumed to serve.
 */
const interpreter: Rule = (args, vm, name) => {
  const flag = INLINE_FLAG[name.replace(/[\d.]+$/, '')];
  const i = flag ? args.findIndex((a) => flag.test(a)) : -1;
  if (i !== -1) {
    const program = args[i + 1] ?? '';
    const status = name.startsWith('python') ? pythonExit(program, vm.vars) : undefined;
    if (status !== undefined) {
      vm.notes.push(`reads the \`${name}\` program: it exits ${status} at once`);
      return ok(status);
    }
    if (WAITS.test(program)) return unknown(`cannot predict the \`${name}\` program \`${program}\``);
    vm.t += ONE_LINER_SECONDS;
    vm.notes.push(`assumes the \`${name}\` one-liner computes for ${ONE_LINER_SECONDS} s, then exits`);
    return ok();
  }
  if (args.some((a) => a === '--version' || a === '-V' || a === '-v')) return ok();
  return server(args, vm, name);
};

/** Commands that finish at once with status 0 in practice. */
const INSTANT = [
  'echo',
  'printf',
  'printenv',
  'env',
  'date',
  'export',
  'set',
  'unset',
  'cd',
  'trap',
  'hostname',
  'id',
  'whoami',
  'pwd',
  'umask',
  'ulimit',
  'sync',
  'tee',
  'head',
  'wc',
  'uname',
  'chmod',
  'chown',
  'wait',
  'df',
  'du',
  'ps',
  'free',
  'uptime',
  'nproc',
  'sed',
  'grep',
  'awk',
  'base64',
  'sha256sum',
  'md5sum',
];

const SERVERS = [
  'nginx',
  'httpd',
  'apache2',
  'apache2-foreground',
  'httpd-foreground',
  'redis-server',
  'postgres',
  'mysqld',
  'mongod',
  'memcached',
  'caddy',
  'envoy',
  'traefik',
  'haproxy',
  'java',
  'gunicorn',
  'uvicorn',
  'php-fpm',
  'dotnet',
  'puma',
  'npm',
  'yarn',
  'etcd',
  'consul',
  'vault',
  'prometheus',
  'grafana-server',
  'http-server',
  'yes',
];

export const COMMAND_RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['sleep', sleep],
  ['exit', exit],
  ['true', () => ok()],
  [':', () => ok()],
  ['false', () => ok(1)],
  ['tail', tail],
  ['cat', readFiles],
  ['ls', readFiles],
  ['stat', readFiles],
  ['touch', touch],
  ['mkdir', touch],
  ['rm', rm],
  ['cp', copy],
  ['mv', copy],
  ['ln', copy],
  ['test', test],
  ['[', test],
  ['nslookup', lookup],
  ['host', lookup],
  ['dig', lookup],
  ['wget', fetchUrl],
  ['curl', fetchUrl],
  ['nc', netcat],
  ['ping', ping],
  ['stress', stress],
  ['stress-ng', stress],
  ...['perl', 'python', 'python3', 'node', 'ruby', 'php'].map((n): [string, Rule] => [n, interpreter]),
  ...INSTANT.map((name): [string, Rule] => [name, () => ok()]),
  ...SERVERS.map((name): [string, Rule] => [name, server]),
]);

/** Shell builtins with no executable of that name: the runtime cannot start them as a container command. */
export const BUILTINS_ONLY = new Set([
  'exit',
  'cd',
  'export',
  'source',
  'set',
  'unset',
  'trap',
  'return',
  'alias',
  'eval',
  'shift',
  'break',
  'continue',
  'wait',
]);

export const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** Programs with no SIGTERM handler: as PID 1 they ignore SIGTERM (pid_namespaces(7)), so a kill waits the grace period. */
export const NO_SIGTERM_HANDLER = new Set([...SHELLS, 'sleep', 'tail', 'ping', 'nc', 'cat', 'stress', 'stress-ng']);
