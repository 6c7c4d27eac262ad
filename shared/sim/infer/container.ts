/**
 * Resolves one container for the engine: effective probes, hooks, image and pull policy from the manifest,
 * and its runtime behaviour from the scenario or, where the scenario is silent, from inference (noted).
 */
import { type EffectiveHandler, effectiveProbe, effectivePullPolicy } from '../../k8s/defaults';
import { parseImageRef } from '../../k8s/imageRef';
import { containerResources } from '../../k8s/qos';
import { quantityToNumber } from '../../k8s/quantity';
import type { ContainerView, PodView } from '../../model/types';
import { formatPath } from '../../util/range';
import type { ContainerScenario } from '../scenario';
import {
  type ContainerSpec,
  PROBE_FIELD,
  PROBE_TYPES,
  type ProbeBehaviour,
  type RestartPolicy,
  type RunBehaviour,
} from '../types';
import { predictContainer } from './predict';
import { envReferences, notFound, type Reference } from './refs';

export interface ResolveContext {
  pod: PodView;
  notes: Record<string, string>;
  configMaps: ReadonlySet<string>;
  secrets: ReadonlySet<string>;
  services: ReadonlySet<string>;
  /** The keys of the ConfigMaps and Secrets the file defines (`configMap/name`), when the file is known. */
  keys?: Record<string, string[]>;
  namespace: string;
  /** Set when the objects of the manifest's file are known: a Service missing from it says so. */
  inFile: boolean;
  /** Where a missing Service was looked for, when the workspace was searched too. */
  absentWhere?: string;
}

/** The container's part of the effective scenario, in the scenario format. */
export type EffectiveContainer = Required<Pick<ContainerScenario, 'runs' | 'onSigterm'>> &
  Pick<ContainerScenario, 'startError' | 'probes' | 'postStart' | 'preStop'>;

function probeTarget(h: EffectiveHandler | undefined): string {
  if (!h) return '';
  if (h.type === 'exec') return (h.command ?? []).join(' ');
  return `:${h.port ?? ''}${h.type === 'httpGet' ? (h.path ?? '/') : ''}`;
}

/** A key reference into an object whose keys the file shows, naming a key it does not have. */
function lacksKey(r: Reference, ctx: ResolveContext): boolean {
  const keys = ctx.keys?.[`${r.kind}/${r.name}`];
  return r.key !== undefined && keys !== undefined && !keys.includes(r.key);
}

/** makeEnvironmentVariables' error (pkg/kubelet/kubelet_pods.go): the object, or the key in it, is missing. */
function configMessage(r: Reference, ctx: ResolveContext): string {
  if (!lacksKey(r, ctx)) return notFound(r);
  const noun = r.kind === 'configMap' ? 'ConfigMap' : 'Secret';
  return `couldn't find key ${r.key} in ${noun} ${ctx.namespace}/${r.name}`;
}

/** The schema guarantees exactly one of the three answers is set. */
function toProbeBehaviour(g: NonNullable<NonNullable<ContainerScenario['probes']>['startup']>): ProbeBehaviour {
  const response = g.responseSeconds === undefined ? {} : { responseSeconds: g.responseSeconds };
  if (g.always !== undefined) return { always: g.always, ...response };
  if (g.healthyWhileAgeBelow !== undefined) return { healthyWhileAgeBelow: g.healthyWhileAgeBelow, ...response };
  return { successFromAge: g.successFromAge ?? 0, ...response };
}

function toRun(r: NonNullable<ContainerScenario['runs']>[number]): RunBehaviour {
  const afterSeconds = r.afterSeconds ?? 0;
  if (r.forever) return { forever: true };
  if (r.oom) return { oom: true, afterSeconds };
  if (r.memory !== undefined) {
    return r.exitCode === undefined
      ? { memory: r.memory, afterSeconds }
      : { memory: r.memory, afterSeconds, exitCode: r.exitCode };
  }
  return { exitCode: r.exitCode ?? 0, afterSeconds };
}

/**
 * @example resolveContainer(view, 0, 'app', undefined, ctx).spec.runs // [{ forever: true }]
 */
export function resolveContainer(
  c: ContainerView,
  key: number,
  name: string,
  given: ContainerScenario | undefined,
  ctx: ResolveContext,
): { spec: ContainerSpec; effective: EffectiveContainer } {
  const path = formatPath(['containers', name]);
  // A templated image (`{{ .Values.image }}`) is kept as written and not parsed: its value is unknown.
  const image = c.image.kind === 'value' ? c.image.value : c.image.kind === 'template' ? c.image.raw : '';
  const parsed = c.image.kind === 'template' ? undefined : parseImageRef(image);
  const explicitPolicy = c.imagePullPolicy.kind === 'value' ? c.imagePullPolicy.value : undefined;

  const predicted = predictContainer(ctx.pod, c, ctx.services);
  const note = (field: string, g: { certainty: string; because: string }) => {
    ctx.notes[`${path}.${field}`] = `${g.certainty}: ${g.because}`;
  };
  if (!given?.runs) note(predicted.startError ? 'startError' : 'runs', predicted.runs);
  const runs = given?.runs ? given.runs.map(toRun) : predicted.runs.value;
  const startError = given?.startError ?? (given?.runs ? undefined : predicted.startError?.value);
  if (!given?.runs && predicted.waitsFor.length > 0) {
    const where = ctx.absentWhere ?? (ctx.inFile ? 'not defined in this file' : 'not in the scenario');
    ctx.notes[`${path}.waitsFor`] = predicted.waitsFor.map((s) => `Service ${s}, ${where}`).join('; ');
  }

  const probes: ContainerSpec['probes'] = {};
  const effectiveProbes: NonNullable<ContainerScenario['probes']> = {};
  for (const type of PROBE_TYPES) {
    const view = c[PROBE_FIELD[type]];
    if (!view) continue;
    const e = effectiveProbe(view);
    const g = given?.probes?.[type];
    let behaviour = g && toProbeBehaviour(g);
    if (!behaviour) {
      const guess = predicted.probes[type] ?? {
        value: { always: 'success' },
        certainty: 'assumed',
        because: 'the probe passes',
      };
      behaviour = guess.value;
      note(`probes.${type}`, guess);
    }
    effectiveProbes[type] = behaviour;
    probes[type] = {
      type,
      initialDelaySeconds: e.initialDelaySeconds,
      periodSeconds: e.periodSeconds,
      timeoutSeconds: e.timeoutSeconds,
      successThreshold: e.successThreshold,
      failureThreshold: e.failureThreshold,
      handler: e.handler?.type ?? 'exec',
      target: probeTarget(e.handler),
      behaviour,
      range: view.keyRange,
      ...(e.terminationGracePeriodSeconds === undefined
        ? {}
        : { terminationGracePeriodSeconds: e.terminationGracePeriodSeconds }),
    };
  }

  const hook = (kind: 'postStart' | 'preStop') => {
    const g = given?.[kind];
    if (g) return { result: g.result ?? 'success', durationSeconds: g.durationSeconds ?? 0 };
    const h = predicted[kind];
    if (h) note(kind, h);
    return h?.behaviour;
  };
  const postStart = hook('postStart');
  const preStop = hook('preStop');

  let onSigterm: ContainerSpec['onSigterm'];
  if (given?.onSigterm === 'ignore') onSigterm = 'ignore';
  else if (given?.onSigterm)
    onSigterm = { exitCode: given.onSigterm.exitCode, afterSeconds: given.onSigterm.afterSeconds ?? 0 };
  else {
    onSigterm = predicted.onSigterm.value;
    note('onSigterm', predicted.onSigterm);
  }

  const missing = envReferences(c).find(
    (r) => !r.optional && (!(r.kind === 'configMap' ? ctx.configMaps : ctx.secrets).has(r.name) || lacksKey(r, ctx)),
  );
  const memory = containerResources(c).limits.get('memory');

  const spec: ContainerSpec = {
    key,
    name,
    role: c.role,
    ...ownPolicy(c),
    view: c,
    image,
    pullPolicy: effectivePullPolicy(image, explicitPolicy).policy,
    probes,
    runs,
    onSigterm,
    ...(parsed && !parsed.ok ? { imageError: parsed.error } : {}),
    ...(postStart ? { postStart } : {}),
    ...(preStop ? { preStop } : {}),
    ...(memory ? { memoryLimit: quantityToNumber(memory) } : {}),
    ...(missing ? { configError: { message: configMessage(missing, ctx), range: missing.range } } : {}),
    ...(startError ? { startError } : {}),
  };
  const effective: EffectiveContainer = {
    runs: given?.runs ?? runs.map((r) => ({ ...r })),
    onSigterm: onSigterm === 'ignore' ? 'ignore' : { ...onSigterm },
    ...(startError ? { startError } : {}),
    ...(Object.keys(effectiveProbes).length > 0 ? { probes: effectiveProbes } : {}),
    ...(postStart ? { postStart } : {}),
    ...(preStop ? { preStop } : {}),
  };
  return { spec, effective };
}

/** A container's own restartPolicy (KEP-5307); a sidecar's `Always` is its role, not a policy. */
function ownPolicy(c: ContainerView): { restartPolicy?: RestartPolicy } {
  const p = c.restartPolicy;
  if (c.role === 'sidecar' || p.kind !== 'value') return {};
  return p.value === 'Always' || p.value === 'OnFailure' || p.value === 'Never' ? { restartPolicy: p.value } : {};
}
