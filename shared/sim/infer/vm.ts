/**
 * The virtual machine of the run inference: a clock and a file system per container, and what the
 * container can see of the cluster (its env, memory limit, volume mounts, the Services that exist).
 * Commands read and change it; exec probes and hooks later query the files it recorded over time.
 */

export interface World {
  /** Variables with a value the manifest states (env, downward API). */
  env: ReadonlyMap<string, string>;
  namespace: string;
  /** Memory limit in bytes, when set. */
  memoryLimit?: number;
  /** Mount paths of volumes with content (ConfigMap, Secret, PVC...): files below them are assumed present. */
  mounts: readonly string[];
  /** Mount paths of emptyDir volumes: empty at first, kept across restarts of the container. */
  scratch: readonly string[];
  /** Services that exist: a Service name not listed does not resolve. */
  services: ReadonlySet<string>;
}

export interface FileEvent {
  t: number;
  path: string;
  exists: boolean;
}

export interface Vm {
  /** Seconds since the process started. */
  t: number;
  world: World;
  /** Shell variables: the env plus assignments made by the script. */
  vars: Map<string, string>;
  files: Map<string, boolean>;
  /** Every create/remove with its time, for probes that test files later. */
  trace: FileEvent[];
  notes: string[];
  /** Services the script tried to reach that do not exist. */
  waitsFor: string[];
  /** `set -e`: a failing command ends the script. */
  errexit: boolean;
  /** Commands interpreted so far: bounds the work on huge or looping scripts. */
  steps: number;
}

export type Effect =
  | { kind: 'ok'; status: number }
  | { kind: 'exit'; code: number }
  | { kind: 'oom'; because: string }
  | { kind: 'break' }
  /** `server`: the process listens for connections (a server program), not just waits. */
  | { kind: 'forever'; because: string; server?: boolean }
  | { kind: 'unknown'; because: string };

export function newVm(world: World, files?: ReadonlyMap<string, boolean>): Vm {
  return {
    t: 0,
    world,
    vars: new Map(world.env),
    files: new Map(files ?? []),
    trace: [],
    notes: [],
    waitsFor: [],
    errexit: false,
    steps: 0,
  };
}

/** Paths every image has: the root file system and the kubelet's service-account mount. */
const SYSTEM = /^\/(etc|proc|sys|dev|bin|sbin|usr|lib|lib64|var\/run\/secrets)(\/|$)|^\/(tmp)?$/;

/** What the script can tell about a path: recorded by it, below a mount, a system path, or unknown. */
export function fileExists(vm: Vm, path: string): boolean | undefined {
  const clean = path.replace(/\/+$/, '') || '/';
  for (let p = clean; p.length > 0; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
    const known = vm.files.get(p);
    if (known === false) return false;
    if (known === true && p === clean) return true;
  }
  if (vm.world.scratch.some((m) => below(clean, m))) return false;
  if (vm.world.mounts.some((m) => below(clean, m))) return true;
  if (SYSTEM.test(clean)) return true;
  // A new container's /tmp is empty: a file there exists only if the container made it.
  if (clean.startsWith('/tmp/')) return false;
  return undefined;
}

/** What a loop iteration can change that later commands see: files and shell variables. */
export function stateKey(vm: Vm): string {
  return JSON.stringify([[...vm.files], [...vm.vars]]);
}

/** `path` is `dir` or inside it. */
export function below(path: string, dir: string): boolean {
  const d = dir.replace(/\/+$/, '');
  return path === d || path.startsWith(`${d}/`);
}

export function setFile(vm: Vm, path: string, exists: boolean): void {
  const clean = path.replace(/\/+$/, '') || '/';
  // Only existence is modelled: rewriting a file that exists changes nothing a probe can see.
  if (vm.files.get(clean) === exists) return;
  if (!exists) {
    for (const p of vm.files.keys()) if (p.startsWith(`${clean}/`)) vm.files.set(p, false);
  }
  vm.files.set(clean, exists);
  vm.trace.push({ t: vm.t, path: clean, exists });
}

/** The files as they were `age` seconds into the process (the trace replayed up to that instant). */
export function filesAt(trace: readonly FileEvent[], age: number): Map<string, boolean> {
  const files = new Map<string, boolean>();
  for (const e of trace) {
    if (e.t > age) break;
    if (!e.exists) for (const p of files.keys()) if (p.startsWith(`${e.path}/`)) files.set(p, false);
    files.set(e.path, e.exists);
  }
  return files;
}
