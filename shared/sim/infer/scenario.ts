/**
 * Builds the effective scenario: what the scenario states wins, the rest is inferred from the manifest
 * (and noted), then resolves the pod for the engine: containers, images, node fit, mounts, actions.
 */
import type { WorkspaceObjects } from '../../analysis/workspace/types';
import { podNamespace } from '../../k8s/admission/namespace';
import type { ResourceList } from '../../k8s/admission/resourceList';
import { parseQuantity, type Quantity } from '../../k8s/quantity';
import { resolvePod as resolvedPodOf } from '../../model/resolvedPod';
import type { ContainerView, PodView } from '../../model/types';
import { formatPath } from '../../util/range';
import { DEFAULT_HORIZON_SECONDS } from '../horizon';
import { type KubeletBehaviour, kubeletBehaviour } from '../kubelet/version';
import type { Scenario, SimError } from '../scenario';
import { admissionRejection, fitOnNode, unschedulableMessage } from '../scheduler';
import type { ContainerSpec, ImageFacts, PodSpecResolved } from '../types';
import { type EffectiveContainer, type ResolveContext, resolveContainer } from './container';
import type { FileObjects } from './fileObjects';
import { notFound, referencedNames, volumeReferences } from './refs';
import { assumedNote, claimsOf, workspaceNote, workspaceServices } from './workspaceFacts';
import { lookup } from './workspaceObjects';

const DEFAULT_PULL_SECONDS = 2;
const DEFAULT_ALLOCATABLE: Record<string, string> = { cpu: '4', memory: '8Gi', pods: '110' };

/** The effective scenario, in the scenario format, with a note per inferred or defaulted fact. */
export interface Assumptions {
  node: { name: string; allocatable: Record<string, string> };
  images: Record<string, ImageFacts>;
  containers: Record<string, EffectiveContainer>;
  configMaps: string[];
  secrets: string[];
  services: string[];
  actions: { atSeconds: number; do: 'delete'; gracePeriodSeconds?: number }[];
  until: number;
  notes: Record<string, string>;
}

export interface ResolveOptions {
  until?: number;
  deleteAt?: number;
  /** The objects the pod's file defines; unknown when absent (then every referenced object is assumed). */
  objects?: FileObjects;
  /** The workspace's objects: they decide what exists beyond the file. */
  workspace?: WorkspaceObjects;
  /** The RuntimeClass's overhead.podFixed, which the scheduler adds to the pod's requests. */
  overhead?: ResourceList;
  /** The target version's kubelet; the newest when absent. */
  kubelet?: KubeletBehaviour;
}

function imageFacts(spec: ContainerSpec, scenario: Scenario, notes: Record<string, string>): ImageFacts {
  const given = scenario.images?.[spec.image];
  const key = formatPath(['images', spec.image]);
  if (scenario.images && !given) return { present: true, pullable: true, pullSeconds: 0 };
  if (!given && spec.view.image.kind === 'template') {
    notes[key] = 'assumed: the image is a template; assumed present on the node';
    return { present: true, pullable: true, pullSeconds: 0 };
  }
  if (given)
    return {
      present: given.present ?? false,
      pullable: given.pullable ?? true,
      pullSeconds: given.pullSeconds ?? DEFAULT_PULL_SECONDS,
    };
  if (spec.pullPolicy === 'Never') {
    // Whoever writes Never preloads the image on purpose (kind load, minikube image load).
    notes[key] = 'assumed: present on the node (imagePullPolicy Never: preloaded; say `present: false` if it is not)';
    return { present: true, pullable: true, pullSeconds: 0 };
  }
  notes[key] = `assumed: not on the node yet, pullable, a pull takes ${DEFAULT_PULL_SECONDS} s`;
  return { present: false, pullable: true, pullSeconds: DEFAULT_PULL_SECONDS };
}

function allocatable(scenario: Scenario, notes: Record<string, string>): Record<string, string> {
  if (!scenario.node?.allocatable) notes['node.allocatable'] = 'default: a node with cpu 4, memory 8Gi';
  return { ...DEFAULT_ALLOCATABLE, ...(scenario.node?.allocatable ?? {}) };
}

export { NOT_IN_FILE } from './workspaceFacts';

/**
 * @example resolveSimulation(pod, {}, {}).spec.containers[0].runs // inferred from the command
 */
export function resolveSimulation(
  pod: PodView,
  scenario: Scenario,
  options: ResolveOptions,
): { spec: PodSpecResolved; assumptions: Assumptions } | { errors: SimError[] } {
  const errors: SimError[] = [];
  const resolved = resolvedPodOf(pod);
  const views = resolved.views;
  if (pod.containers.length === 0) {
    errors.push({
      field: `${formatPath(pod.specPath)}.containers`,
      message: 'Required value: the API server rejects a pod without containers',
    });
  }
  for (const c of views) {
    if (c.image.kind === 'absent' || (c.image.kind === 'value' && c.image.value === '')) {
      errors.push({
        field: `${formatPath(c.path)}.image`,
        message: 'Required value: the API server rejects a container without an image',
      });
    }
  }
  const names = new Set(resolved.containers.map((c) => c.name));
  for (const name of Object.keys(scenario.containers ?? {})) {
    if (!names.has(name))
      errors.push({
        field: formatPath(['scenario', 'containers', name]),
        message: `no container named "${name}" in this pod`,
      });
  }
  if (errors.length > 0) return { errors };

  const notes: Record<string, string> = {};
  const objects = options.objects;
  const workspace = options.workspace;
  const namespace = podNamespace(pod);
  const keys: Record<string, string[]> = { ...(objects?.keys ?? {}) };
  const referenced = (kind: 'configMap' | 'secret', noun: 'ConfigMap' | 'Secret', list: 'configMaps' | 'secrets') => {
    const given = scenario[list];
    if (given) return given;
    const names = referencedNames(pod, kind);
    if (names.length === 0) return [];
    if (workspace) {
      const found = lookup(noun, names, objects, workspace, namespace);
      Object.assign(keys, found.keys);
      notes[list] = workspaceNote(noun, list, found);
      return found.present;
    }
    if (!objects) {
      notes[list] = `assumed: every referenced ${noun} exists`;
      return names;
    }
    const missing = names.filter((n) => !objects[list].includes(n));
    // Objects kept elsewhere (created by another tool, another file, `kubectl create secret`) are the rule in
    // real repositories: assume they exist and say so, rather than predict a failure nobody will see. A
    // dependency the pod itself polls for (a Service in an init loop) is the opposite case, see waitsFor.
    notes[list] =
      missing.length === 0
        ? `inferred: every referenced ${noun} is defined in this file`
        : assumedNote(noun, list, missing);
    return names;
  };
  const configMaps = referenced('configMap', 'ConfigMap', 'configMaps');
  const secrets = referenced('secret', 'Secret', 'secrets');
  const polled = workspace && !scenario.services ? workspaceServices(pod, workspace, namespace) : undefined;
  const services = scenario.services ?? [...new Set([...(objects?.services ?? []), ...(polled?.present ?? [])])];
  const ctx: ResolveContext = {
    pod,
    notes,
    configMaps: new Set(configMaps),
    secrets: new Set(secrets),
    services: new Set(services),
    inFile: objects !== undefined,
    namespace,
    ...(objects || workspace ? { keys } : {}),
    ...(workspace ? { absentWhere: workspace.complete ? 'in no file of the workspace' : 'not in the workspace' } : {}),
  };

  const containers: ContainerSpec[] = [];
  const effective: Record<string, EffectiveContainer> = {};
  for (const { view, order, name } of resolved.containers) {
    const r = resolveContainer(view, order, name, scenario.containers?.[name], ctx);
    containers.push(r.spec);
    effective[name] ??= r.effective;
  }
  const waits = Object.keys(notes).some((k) => k.endsWith('.waitsFor'));
  if (!scenario.services && (waits || services.length > 0))
    notes.services = polled?.facts.length
      ? `inferred: ${polled.facts.join('; ')}; no other Service exists`
      : objects
        ? `inferred: the Services defined in this file exist${services.length > 0 ? ` (${services.join(', ')})` : ''}, no other`
        : 'assumed: no Service exists';
  const images: Record<string, ImageFacts> = {};
  for (const c of containers) images[c.image] ??= imageFacts(c, scenario, notes);

  const node = { name: scenario.node?.name ?? 'node-1', allocatable: allocatable(scenario, notes) };
  const quantities = new Map<string, Quantity>();
  for (const [k, v] of Object.entries(node.allocatable)) {
    const q = parseQuantity(v);
    if (q.ok) quantities.set(k, q.quantity);
  }

  const restart = resolved.restartPolicy;
  const grace = resolved.gracePeriod;
  if (restart.note) notes.restartPolicy = restart.note;
  if (grace.note) notes.terminationGracePeriodSeconds = grace.note;
  const nodeName = pod.nodeName.kind === 'value' ? pod.nodeName.value : undefined;

  const spec: PodSpecResolved = {
    name:
      pod.metadata.name.kind === 'value'
        ? pod.metadata.name.value
        : pod.metadata.generateName.kind === 'value'
          ? `${pod.metadata.generateName.value}xxxxx`
          : 'pod',
    namespace,
    nodeName: nodeName ?? node.name,
    boundByHand: nodeName !== undefined,
    restartPolicy: restart.policy,
    gracePeriod: grace.seconds,
    containers,
    images,
    explicitPulls: Object.keys(scenario.images ?? {}).filter((i) => scenario.images?.[i]?.pullSeconds !== undefined),
    podRange: pod.specKeyRange ?? (views[0] as ContainerView).range,
    kubelet: options.kubelet ?? kubeletBehaviour(),
  };
  if (pod.activeDeadlineSeconds.kind === 'value' && pod.activeDeadlineSeconds.value > 0) {
    spec.activeDeadlineSeconds = pod.activeDeadlineSeconds.value;
  }

  const fit = fitOnNode(pod, quantities, options.overhead);
  if (!fit.fits && spec.boundByHand) {
    const r = admissionRejection(fit.insufficient);
    spec.rejected = { reason: r.reason, message: r.message, event: r.event, ranges: fit.ranges };
  } else if (!fit.fits) {
    spec.unschedulable = { message: unschedulableMessage(fit.insufficient), ranges: fit.ranges };
  }

  const missingMount = volumeReferences(pod)
    .flatMap((v) => v.refs.map((ref) => ({ volume: v.volume, ref })))
    .find(({ ref }) => !ref.optional && !(ref.kind === 'configMap' ? ctx.configMaps : ctx.secrets).has(ref.name));
  if (missingMount) {
    spec.failedMount = {
      message: `MountVolume.SetUp failed for volume "${missingMount.volume}" : ${notFound(missingMount.ref)}`,
      ranges: [missingMount.ref.range],
    };
  }
  if (workspace) {
    const claims = claimsOf(pod, objects, workspace, namespace, notes);
    if (claims && !spec.unschedulable && !spec.boundByHand) spec.unschedulable = claims;
  }

  const actions: Assumptions['actions'] = (scenario.actions ?? []).map((a) => ({ ...a }));
  if (options.deleteAt !== undefined) actions.push({ atSeconds: options.deleteAt, do: 'delete' });
  actions.sort((a, b) => a.atSeconds - b.atSeconds);
  const del = actions[0];
  if (del)
    spec.deleteAt = {
      atSeconds: del.atSeconds,
      ...(del.gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds: del.gracePeriodSeconds }),
    };
  if (actions.length > 1) notes.actions = 'only the first delete is simulated: the pod is gone after it';

  const until = options.until ?? scenario.until ?? DEFAULT_HORIZON_SECONDS;
  if (options.until === undefined && scenario.until === undefined)
    notes.until = `default: ${DEFAULT_HORIZON_SECONDS} s of simulated time`;

  const assumptions: Assumptions = {
    node,
    images,
    containers: effective,
    configMaps,
    secrets,
    services,
    actions,
    until,
    notes,
  };
  return { spec, assumptions };
}
