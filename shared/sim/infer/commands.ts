/**
 * The command table of the run inference: what a single simple command does to the container's main
 * process (how long it takes, its exit status, or that it never returns). Unknown commands stay unknown.
 */

export type Effect =
  | { kind: 'ok'; seconds: number; status: number }
  | { kind: 'exit'; seconds: number; code: number }
  | { kind: 'forever'; because: string }
  | { kind: 'unknown'; because: string };

type Rule = (args: readonly string[], name: string) => Effect;

const ok = (seconds = 0, status = 0): Effect => ({ kind: 'ok', seconds, status });

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** `sleep 10`, `sleep 1m 30s`, `sleep 0.5`, `sleep infinity` (GNU and busybox accept all of these). */
const sleep: Rule = (args) => {
  if (args.length === 0) return { kind: 'unknown', because: '`sleep` without a duration fails' };
  let total = 0;
  for (const arg of args) {
    if (arg === 'infinity' || arg === 'inf') return { kind: 'forever', because: '`sleep infinity` never returns' };
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
    if (!m) return { kind: 'unknown', because: `cannot read the duration \`sleep ${arg}\`` };
    total += Number(m[1]) * (UNIT_SECONDS[m[2] as string] as number);
  }
  return ok(total);
};

/** `exit N` keeps only the low 8 bits, as every shell does (`exit 256` exits 0). */
const exit: Rule = (args) => {
  if (args.length === 0) return { kind: 'exit', seconds: 0, code: 0 };
  const code = /^\d+$/.test(args[0] as string) ? Number(args[0]) % 256 : Number.NaN;
  if (Number.isNaN(code)) return { kind: 'unknown', because: `cannot read the exit code \`exit ${args[0]}\`` };
  return { kind: 'exit', seconds: 0, code };
};

const tail: Rule = (args) =>
  args.some((a) => a === '-f' || a === '-F' || a === '--follow' || /^-\w*[fF]/.test(a))
    ? { kind: 'forever', because: '`tail -f` never returns' }
    : ok();

const server: Rule = (_args, name) => ({
  kind: 'forever',
  because: `\`${name}\` is a long-running server: assumed to run until stopped`,
});

/** Commands that finish at once with status 0 in practice. */
const INSTANT = [
  'echo',
  'printf',
  'touch',
  'mkdir',
  'cp',
  'mv',
  'rm',
  'ln',
  'chmod',
  'chown',
  'cat',
  'ls',
  'date',
  'env',
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
  'node',
  'python',
  'python3',
  'java',
  'gunicorn',
  'uvicorn',
  'php-fpm',
  'dotnet',
  'ruby',
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
  ['false', () => ok(0, 1)],
  ['tail', tail],
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
