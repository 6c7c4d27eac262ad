/**
 * The one prediction of what a container's main process does, shared by the simulation and the lint
 * rules: Kubernetes expands `$(VAR)` in command and args first (expand.go), then the argv runs in the
 * virtual machine; with no command the image's known default (images.ts) decides.
 */
import { containerResources, podLevelResources } from '../../k8s/qos';
import { quantityToNumber } from '../../k8s/quantity';
import type { ContainerView, PodView } from '../../model/types';
import { expand } from '../../util/expand';
import { containerEnv, envNames } from './env';
import { type ImageDefault, imageDefault } from './images';
import { type Execution, execute, ignoresSigterm } from './run';
import { below, filesAt, type World } from './vm';

/** Where the prediction comes from: the written command, args run as the command, or the image's default. */
export type ProcessSource = 'command' | 'args' | 'image';

export interface ProcessPrediction {
  execution: Execution;
  /** The next instance, when it differs: it finds the files the first left in its emptyDir volumes. */
  rerun?: Execution;
  source: ProcessSource;
  world: World;
  image?: ImageDefault;
  /** PID 1 has no SIGTERM handler: a kill waits the grace period. */
  ignoresSigterm: boolean;
}

const imageOf = (c: ContainerView) => (c.image.kind === 'value' ? c.image.value : '');

/**
 * The memory the container's processes can use before the kernel kills one: its own limit, and with
 * pod-level resources (PodLevelResources, on by default since 1.34) the pod cgroup's limit around it.
 */
function memoryCeiling(pod: PodView, c: ContainerView): number | undefined {
  const own = containerResources(c).limits.get('memory');
  const podLevel = podLevelResources(pod, new Map()).limits.get('memory');
  const bytes = [own, podLevel].flatMap((q) => (q ? [quantityToNumber(q)] : []));
  return bytes.length > 0 ? Math.min(...bytes) : undefined;
}

export function containerWorld(pod: PodView, c: ContainerView, services: ReadonlySet<string>): World {
  const memory = memoryCeiling(pod, c);
  const emptyDirs = new Set(
    pod.volumes
      .filter((v) => v.sources.some((s) => s.type === 'emptyDir'))
      .map((v) => (v.name.kind === 'value' ? v.name.value : '')),
  );
  const mounts: string[] = [];
  const scratch: string[] = [];
  for (const m of c.volumeMounts) {
    if (m.mountPath.kind !== 'value') continue;
    (m.name.kind === 'value' && emptyDirs.has(m.name.value) ? scratch : mounts).push(m.mountPath.value);
  }
  return {
    env: containerEnv(pod, c),
    namespace: pod.metadata.namespace.kind === 'value' ? pod.metadata.namespace.value : 'default',
    mounts,
    scratch,
    services,
    ...(memory !== undefined ? { memoryLimit: memory } : {}),
  };
}

function fromImage(c: ContainerView, world: World, image = imageDefault(imageOf(c))): ProcessPrediction {
  const none = (kind: Execution['kind'], because: string, extra: object = {}): ProcessPrediction => ({
    execution: { kind, because, trace: [], waitsFor: [], ...extra } as Execution,
    source: 'image',
    world,
    ignoresSigterm: false,
    ...(image ? { image } : {}),
  });
  if (!image || image.subcommands) return none('unknown', "no command: what the image's entrypoint does is unknown");
  if (image.kind === 'shell') {
    return none(
      'exits',
      `no command: the image runs a shell, which exits 0 at once without a terminal (${image.source})`,
      {
        exitCode: 0,
        afterSeconds: 0,
      },
    );
  }
  const missing = image.requiresOneOf && !image.requiresOneOf.some((v) => envNames(c).has(v)) && c.envFrom.length === 0;
  if (missing) {
    const because = `no command: the image's entrypoint exits 1 at start unless one of ${image.requiresOneOf?.join(', ')} is set (${image.source})`;
    return none('exits', because, { exitCode: 1, afterSeconds: 0 });
  }
  const serves = image.ports.length > 0 ? ` and serves port ${image.ports.join(', ')}` : '';
  return none('forever', `no command: the image's entrypoint runs until stopped${serves} (${image.source})`, {
    server: image.kind === 'server',
  });
}

/** A restarted container runs again with what the first run left in its emptyDir volumes (they outlive it). */
function rerunWithScratch(argv: string[], world: World, first: Execution): Execution | undefined {
  if (world.scratch.length === 0 || first.kind !== 'exits') return undefined;
  const kept = new Map(
    [...filesAt(first.trace, Number.POSITIVE_INFINITY)].filter(([p]) => world.scratch.some((d) => below(p, d))),
  );
  if (kept.size === 0) return undefined;
  const again = execute(argv, world, { files: kept });
  const same = again.kind === 'exits' && again.exitCode === first.exitCode && again.afterSeconds === first.afterSeconds;
  return same ? undefined : again;
}

/**
 * @example predictProcess(pod, c, new Set()).execution.kind // 'exits' for `command: ["echo"]`
 */
export function predictProcess(pod: PodView, c: ContainerView, services: ReadonlySet<string>): ProcessPrediction {
  const world = containerWorld(pod, c, services);
  const { command, args } = c;
  const unknown = (because: string): ProcessPrediction => ({
    execution: { kind: 'unknown', because, trace: [], waitsFor: [] },
    source: 'command',
    world,
    ignoresSigterm: false,
  });
  if (command.kind === 'template' || args.kind === 'template') return unknown('the command is a template');
  if (command.kind === 'invalid' || args.kind === 'invalid') return unknown('the command is not a list of strings');
  const vars = world.env;
  const cmd = command.kind === 'value' ? command.value.map((w) => expand(w, vars)) : [];
  const arg = args.kind === 'value' ? args.value.map((w) => expand(w, vars)) : [];
  let argv: string[];
  let source: ProcessSource = 'command';
  let note: string | undefined;
  const image = imageDefault(imageOf(c));
  if (cmd.length > 0) argv = [...cmd, ...arg];
  else if (image?.subcommands) {
    const sub = image.subcommands[arg[0] ?? ''];
    return sub ? fromImage(c, world, sub) : unknown(`the image's entrypoint runs \`${arg.join(' ')}\`, unknown here`);
  } else if (arg.length === 0 || (arg[0] as string).startsWith('-')) return fromImage(c, world);
  else {
    argv = arg;
    source = 'args';
    note = 'assumes the image has no ENTRYPOINT, so `args` run as the command';
  }
  const execution = execute(argv, world, note ? { note } : {});
  const rerun = execution.kind === 'exits' ? rerunWithScratch(argv, world, execution) : undefined;
  return {
    execution,
    ...(rerun ? { rerun } : {}),
    source,
    world,
    ignoresSigterm: ignoresSigterm(argv),
    ...(image ? { image } : {}),
  };
}
