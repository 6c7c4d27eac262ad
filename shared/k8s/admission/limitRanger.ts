/**
 * The LimitRanger admission plug-in (plugin/pkg/admission/limitranger/admission.go, v1.36) for the LimitRanges of
 * the pod's namespace: its mutating pass fills container requests and limits the pod leaves out (defaultRequest,
 * default), init containers included; its validating pass checks min, max and maxLimitRequestRatio per Container
 * and, over the pod's aggregate requests and limits, per Pod. A failing LimitRange rejects the pod with the
 * plug-in's messages.
 */
import type { IndexedObject, WorkspaceObjects } from '../../analysis/workspace/types';
import type { Field } from '../../model/field';
import type { ContainerView, PodView } from '../../model/types';
import type { FieldPath, Range } from '../../util/range';
import { aggregatePodRequests, containerResources } from '../qos';
import { type Quantity, roundUpToMilli, serializeQuantity } from '../quantity';
import { forbidden } from './forbidden';
import { plainRecord, policyObjects } from './namespace';
import { MAX_MILLI_VALUE, type ResourceList, readResourceList, scaledCeil, sortedNames } from './resourceList';

interface LimitRangeItem {
  type: string;
  min: ResourceList;
  max: ResourceList;
  default: ResourceList;
  defaultRequest: ResourceList;
  maxLimitRequestRatio: ResourceList;
}

/** A value the plug-in wrote into a container, and the LimitRange it came from. */
export interface LimitRangeDefault {
  container: ContainerView;
  list: 'requests' | 'limits';
  resource: string;
  value: Quantity;
  limitRange: IndexedObject;
}

/** The first LimitRange that rejects the pod: its messages, the API server's answer and where the pod is at fault. */
export interface LimitRangeRejection {
  limitRange: IndexedObject;
  messages: string[];
  /** `pods "web" is forbidden: ...`, as `kubectl apply` prints it. */
  message: string;
  ranges: Range[];
  /** The first offender: a container's resources, or the pod's containers for a Pod item. */
  path: FieldPath;
}

export interface LimitRangerResult {
  /** The pod as admitted: containers carry the defaulted requests and limits. */
  pod: PodView;
  defaults: LimitRangeDefault[];
  rejection?: LimitRangeRejection;
}

/**
 * SetDefaults_LimitRangeItem (pkg/apis/core/v1/defaults.go, v1.36), applied when the LimitRange is stored: a
 * Container item's default limit falls back to max, its default request to the default limit, then to min.
 */
function readItem(raw: unknown): LimitRangeItem {
  const item = plainRecord(raw);
  const out: LimitRangeItem = {
    type: typeof item.type === 'string' ? item.type : '',
    min: readResourceList(item.min),
    max: readResourceList(item.max),
    default: readResourceList(item.default),
    defaultRequest: readResourceList(item.defaultRequest),
    maxLimitRequestRatio: readResourceList(item.maxLimitRequestRatio),
  };
  if (out.type === 'Container') {
    for (const [k, v] of out.max) if (!out.default.has(k)) out.default.set(k, v);
    for (const [k, v] of out.default) if (!out.defaultRequest.has(k)) out.defaultRequest.set(k, v);
    for (const [k, v] of out.min) if (!out.defaultRequest.has(k)) out.defaultRequest.set(k, v);
  }
  return out;
}

function readItems(limitRange: IndexedObject): LimitRangeItem[] {
  const limits = plainRecord(limitRange.body).limits;
  return Array.isArray(limits) ? limits.map(readItem) : [];
}

/** What the container carries after API defaulting: requests (limits copied in by SetDefaults_Pod) and limits. */
function resourcesOf(c: ContainerView): { requests: ResourceList; limits: ResourceList } {
  const r = containerResources(c);
  const round = (m: ResourceList) => new Map([...m].map(([k, q]) => [k, roundUpToMilli(q)]));
  return { requests: round(r.requests), limits: round(r.limits) };
}

/** A key is "found" even when its value is a template or unparsable: the plug-in would not overwrite it. */
function written(c: ContainerView, list: 'requests' | 'limits', name: string): boolean {
  if (c.resources[list].entries.has(name)) return true;
  return list === 'requests' && c.resources.limits.entries.has(name);
}

/** mergeContainerResources: each LimitRange, in turn, fills what is still missing. */
function mergeDefaults(pod: PodView, ranges: readonly { object: IndexedObject; items: LimitRangeItem[] }[]) {
  const defaults: LimitRangeDefault[] = [];
  for (const c of [...pod.containers, ...pod.initContainers]) {
    const set = { requests: new Set<string>(), limits: new Set<string>() };
    for (const { object, items } of ranges) {
      for (const item of items) {
        if (item.type !== 'Container') continue;
        const add = (list: 'requests' | 'limits', from: ResourceList) => {
          for (const [resource, value] of from) {
            if (written(c, list, resource) || set[list].has(resource)) continue;
            set[list].add(resource);
            defaults.push({ container: c, list, resource, value, limitRange: object });
          }
        };
        add('limits', item.default);
        add('requests', item.defaultRequest);
      }
    }
  }
  return defaults;
}

function withDefaults(pod: PodView, defaults: readonly LimitRangeDefault[]): PodView {
  if (defaults.length === 0) return pod;
  const rebuild = (c: ContainerView): ContainerView => {
    const own = defaults.filter((d) => d.container === c);
    if (own.length === 0) return c;
    const range = c.resources.keyRange ?? c.range;
    const list = (name: 'requests' | 'limits') => {
      const entries = new Map(c.resources[name].entries);
      for (const d of own) {
        if (d.list !== name) continue;
        const field: Field<string> = { kind: 'value', value: d.value.text, range, keyRange: range };
        entries.set(d.resource, field);
      }
      return { ...c.resources[name], entries };
    };
    return { ...c, resources: { ...c.resources, requests: list('requests'), limits: list('limits') } };
  };
  return { ...pod, initContainers: pod.initContainers.map(rebuild), containers: pod.containers.map(rebuild) };
}

/** requestLimitEnforcedValues: milli precision unless a value would overflow it. */
function comparable(values: readonly (Quantity | undefined)[]): bigint[] {
  const plain = values.map((q) => (q ? scaledCeil(q, 0) : 0n));
  if (plain.some((v) => v > MAX_MILLI_VALUE)) return plain;
  return values.map((q) => (q ? scaledCeil(q, 3) : 0n));
}

const str = (q: Quantity) => serializeQuantity(q);

type Check = (type: string, name: string, enforced: Quantity, req: ResourceList, lim: ResourceList) => string | null;

const minConstraint: Check = (type, name, enforced, request, limit) => {
  const req = request.get(name);
  const lim = limit.get(name);
  const [r, l, e] = comparable([req, lim, enforced]) as [bigint, bigint, bigint];
  if (!req) return `minimum ${name} usage per ${type} is ${str(enforced)}.  No request is specified`;
  if (r < e) return `minimum ${name} usage per ${type} is ${str(enforced)}, but request is ${str(req)}`;
  if (lim && l < e) return `minimum ${name} usage per ${type} is ${str(enforced)}, but limit is ${str(lim)}`;
  return null;
};

const maxConstraint: Check = (type, name, enforced, request, limit) => {
  const req = request.get(name);
  const lim = limit.get(name);
  const [r, l, e] = comparable([req, lim, enforced]) as [bigint, bigint, bigint];
  if (!lim) return `maximum ${name} usage per ${type} is ${str(enforced)}.  No limit is specified`;
  if (l > e) return `maximum ${name} usage per ${type} is ${str(enforced)}, but limit is ${str(lim)}`;
  if (req && r > e) return `maximum ${name} usage per ${type} is ${str(enforced)}, but request is ${str(req)}`;
  return null;
};

const ratioConstraint: Check = (type, name, enforced, request, limit) => {
  const req = request.get(name);
  const lim = limit.get(name);
  const [r, l] = comparable([req, lim, enforced]) as [bigint, bigint, bigint];
  const head = `${name} max limit to request ratio per ${type} is ${str(enforced)}`;
  if (!req || r === 0n) return `${head}, but no request is specified or request is 0`;
  if (!lim || l === 0n) return `${head}, but no limit is specified or limit is 0`;
  const observed = Number(l) / Number(r);
  const whole = scaledCeil(enforced, 0);
  const [ratio, max] =
    whole <= MAX_MILLI_VALUE ? [observed * 1000, Number(scaledCeil(enforced, 3))] : [observed, Number(whole)];
  return ratio > max ? `${head}, but provided ratio is ${observed.toFixed(6)}` : null;
};

function checkItem(item: LimitRangeItem, type: string, requests: ResourceList, limits: ResourceList): string[] {
  const out: string[] = [];
  const run = (list: ResourceList, check: Check) => {
    for (const name of sortedNames(list)) {
      const message = check(type, name, list.get(name) as Quantity, requests, limits);
      if (message) out.push(message);
    }
  };
  run(item.min, minConstraint);
  run(item.max, maxConstraint);
  run(item.maxLimitRequestRatio, ratioConstraint);
  return out;
}

/** PodValidateLimitFunc for one LimitRange: Container items per container (init containers too), Pod items on the aggregate. */
function validate(pod: PodView, items: readonly LimitRangeItem[]) {
  const messages: string[] = [];
  const ranges: Range[] = [];
  const paths: FieldPath[] = [];
  const resources = new Map([...pod.containers, ...pod.initContainers].map((c) => [c, resourcesOf(c)]));
  for (const item of items) {
    if (item.type === 'Container') {
      for (const [c, r] of resources) {
        const found = checkItem(item, 'Container', r.requests, r.limits);
        messages.push(...found);
        if (found.length === 0) continue;
        ranges.push(c.resources.keyRange ?? c.range);
        paths.push(c.resources.keyRange ? [...c.path, 'resources'] : c.path);
      }
    } else if (item.type === 'Pod') {
      const requests = aggregatePodRequests(pod, (c) => resources.get(c)?.requests ?? new Map());
      const limits = aggregatePodRequests(pod, (c) => resources.get(c)?.limits ?? new Map());
      const found = checkItem(item, 'Pod', requests, limits);
      messages.push(...found);
      const at = pod.containersKeyRange ?? pod.specKeyRange;
      if (found.length > 0 && at) ranges.push(at);
      if (found.length > 0) paths.push([...pod.specPath, 'containers']);
    }
  }
  return { messages, ranges, paths };
}

/**
 * @example admitLimitRanges(pod, workspace).pod // the pod with `defaultRequest`/`default` filled in
 */
export function admitLimitRanges(pod: PodView, workspace: WorkspaceObjects | undefined): LimitRangerResult {
  const ranges = policyObjects(workspace, 'LimitRange', pod).map((object) => ({ object, items: readItems(object) }));
  if (ranges.length === 0) return { pod, defaults: [] };
  const defaults = mergeDefaults(pod, ranges);
  const admitted = withDefaults(pod, defaults);
  for (const { object, items } of ranges) {
    const { messages, ranges: at, paths } = validate(admitted, items);
    if (messages.length === 0) continue;
    const path = paths[0] ?? pod.specPath;
    return {
      pod: admitted,
      defaults,
      rejection: { limitRange: object, messages, message: forbidden(pod, messages), ranges: at, path },
    };
  }
  return { pod: admitted, defaults };
}

/** The LimitRange defaults that filled one container's requests or limits. */
export function defaultsOf(result: LimitRangerResult, c: ContainerView): LimitRangeDefault[] {
  return result.defaults.filter((d) => d.container.path.join('.') === c.path.join('.'));
}
