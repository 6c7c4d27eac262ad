// What a process costs, read from Linux /proc: CPU time and memory of the extension host (and the language server)
// of one code-server run, found in that run's own process tree so that other code-server runs on the machine are
// never measured.
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/** The parent pid of a live process, or undefined once it has gone. */
function parentOf(pid) {
  try {
    // The command name (field 2) may hold spaces and parentheses: the fields after its last `)` are fixed.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Every live descendant of `root`, with its command line. */
export function descendants(root) {
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const parent = parentOf(Number(name));
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const found = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift();
    found.push({ pid, cmd: commandLine(pid) });
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** The extension host of a code-server run: the process VS Code forks with `--type=extensionHost`. */
export function extensionHostOf(root) {
  const hosts = descendants(root).filter((p) => p.cmd.includes('--type=extensionHost'));
  if (hosts.length !== 1) throw new Error(`expected one extension host under pid ${root}, found ${hosts.length}`);
  return hosts[0].pid;
}

/** CPU time (user + system, ms) and memory (resident and peak resident, MB) of a live process. */
export function usage(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat(5); `fields` starts at field 3.
  const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN);
  return { cpuMs, rssMB: kb('VmRSS') / 1024, peakRssMB: kb('VmHWM') / 1024 };
}

/** What a process spent between two `usage` readings. */
export function spent(before, after) {
  return {
    cpuMs: Math.round(after.cpuMs - before.cpuMs),
    rssBeforeMB: Math.round(before.rssMB),
    rssAfterMB: Math.round(after.rssMB),
    peakRssMB: Math.round(after.peakRssMB),
  };
}
