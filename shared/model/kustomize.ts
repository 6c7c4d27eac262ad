/**
 * Reads kustomization files: which files they name as patches (partial objects) and as resources, and what they
 * add to every resource they build (labels, selectors, annotations, namespace, name affixes, images, replicas).
 * Field meanings follow kustomize's `api/types/kustomization.go` and its builtin transformers.
 */
import { isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap } from 'yaml';
import { resolveScalar } from '../yaml/scalar';

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

/** What one kustomization file says, as far as podlens uses it. */
export interface Kustomization {
  /** Files and directories it builds (`resources`, and the legacy `bases`). */
  resources: string[];
  /** Files it names as patches. */
  patches: string[];
  /** Directories of components whose transformations it applies to its resources. */
  components: string[];
  /** Labels added to metadata, selectors and templates (`commonLabels`, `labels` with `includeSelectors`). */
  selectorLabels: Record<string, string>;
  /** Labels added to metadata and pod templates only (`labels` with `includeTemplates`). */
  templateLabels: Record<string, string>;
  /** Labels added to metadata only (`labels` without either flag). */
  metadataLabels: Record<string, string>;
  annotations: Record<string, string>;
  namespace?: string;
  namePrefix: string;
  nameSuffix: string;
  images: ImageOverride[];
  replicas: { name: string; count: number }[];
  /** The kustomization field each added label comes from (`commonLabels` or `labels`), for hovers. */
  labelFields: Record<string, 'commonLabels' | 'labels'>;
}

/** What the kustomizations that build a file add to it, with the file that said so (for messages and hovers). */
export interface KustomizeContext extends Omit<Kustomization, 'resources' | 'patches' | 'components'> {
  /** Path of the kustomization file, as shown to the user. */
  source: string;
}

function text(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = resolveScalar(node).value;
  return v === null ? undefined : String(v);
}

function stringMap(node: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    const key = text(pair.key);
    const value = text(pair.value);
    if (key !== undefined && value !== undefined) out[key] = value;
  }
  return out;
}

function strings(node: unknown): string[] {
  if (!isSeq(node)) return [];
  return node.items.map(text).filter((s): s is string => s !== undefined);
}

function field(map: YAMLMap, key: string): Node | undefined {
  return (map.get(key, true) as Node | undefined) ?? undefined;
}

function patchPaths(root: YAMLMap): string[] {
  const out: string[] = [];
  const strategic = field(root, 'patchesStrategicMerge');
  for (const item of isSeq(strategic) ? strategic.items : []) {
    const value = text(item);
    // entries may also be inline YAML patches; only single-line values are file names
    if (value !== undefined && !value.includes('\n')) out.push(value);
  }
  for (const key of ['patches', 'patchesJson6902']) {
    const seq = field(root, key);
    if (!isSeq(seq)) continue;
    for (const item of seq.items) {
      const p = isMap(item) ? text(item.get('path', true)) : undefined;
      if (p !== undefined) out.push(p);
    }
  }
  return out;
}

function addLabels(root: YAMLMap, k: Kustomization): void {
  const common = stringMap(field(root, 'commonLabels'));
  Object.assign(k.selectorLabels, common);
  for (const key of Object.keys(common)) k.labelFields[key] = 'commonLabels';
  const labels = field(root, 'labels');
  if (!isSeq(labels)) return;
  for (const entry of labels.items) {
    if (!isMap(entry)) continue;
    const pairs = stringMap(entry.get('pairs', true));
    const flag = (key: string) => {
      const v = entry.get(key, true);
      return isScalar(v) && resolveScalar(v).value === true;
    };
    // includeSelectors implies the templates too (kustomize's LabelTransformer field specs).
    const target = flag('includeSelectors')
      ? k.selectorLabels
      : flag('includeTemplates')
        ? k.templateLabels
        : k.metadataLabels;
    Object.assign(target, pairs);
    for (const key of Object.keys(pairs)) k.labelFields[key] = 'labels';
  }
}

function images(root: YAMLMap): ImageOverride[] {
  const seq = field(root, 'images');
  if (!isSeq(seq)) return [];
  const out: ImageOverride[] = [];
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const name = text(item.get('name', true));
    if (!name) continue;
    const newName = text(item.get('newName', true));
    const newTag = text(item.get('newTag', true));
    const digest = text(item.get('digest', true));
    out.push({ name, ...(newName && { newName }), ...(newTag && { newTag }), ...(digest && { digest }) });
  }
  return out;
}

function replicas(root: YAMLMap): { name: string; count: number }[] {
  const seq = field(root, 'replicas');
  if (!isSeq(seq)) return [];
  const out: { name: string; count: number }[] = [];
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const name = text(item.get('name', true));
    const count = Number(text(item.get('count', true)));
    if (name && Number.isInteger(count)) out.push({ name, count });
  }
  return out;
}

/**
 * Reads a kustomization file. Never throws: an unreadable file adds nothing.
 * @example readKustomization('resources: [deploy.yaml]\ncommonLabels: {app: web}\n').selectorLabels // {app: 'web'}
 */
export function readKustomization(source: string): Kustomization {
  const k: Kustomization = {
    resources: [],
    patches: [],
    components: [],
    selectorLabels: {},
    templateLabels: {},
    metadataLabels: {},
    annotations: {},
    namePrefix: '',
    nameSuffix: '',
    images: [],
    replicas: [],
    labelFields: {},
  };
  let root: unknown;
  try {
    // Duplicate keys do not matter here, and `yaml`'s check for them is quadratic in a map's size.
    root = parseDocument(source, { schema: 'failsafe', prettyErrors: false, uniqueKeys: false }).contents;
  } catch {
    // `yaml` throws only on input nested deep enough to exhaust the stack: such a file adds nothing we can read.
    return k;
  }
  if (!isMap(root)) return k;
  k.resources = [...strings(field(root, 'resources')), ...strings(field(root, 'bases'))];
  k.patches = patchPaths(root);
  k.components = strings(field(root, 'components'));
  addLabels(root, k);
  k.annotations = stringMap(field(root, 'commonAnnotations'));
  k.namespace = text(field(root, 'namespace'));
  k.namePrefix = text(field(root, 'namePrefix')) ?? '';
  k.nameSuffix = text(field(root, 'nameSuffix')) ?? '';
  k.images = images(root);
  k.replicas = replicas(root);
  return k;
}

/**
 * Relative paths of patch files named by a kustomization: `patchesStrategicMerge` entries and `path` of
 * `patches` / `patchesJson6902` entries (inline patches have no file).
 * @example kustomizationPatchPaths('patches:\n- path: ha.yaml\n') // ['ha.yaml']
 */
export function kustomizationPatchPaths(source: string): string[] {
  return readKustomization(source).patches;
}

/**
 * Combines the kustomizations that build a file, innermost first: an outer kustomization (an overlay, a parent
 * directory) adds its labels over the inner ones', and its namespace and images win, as kustomize applies them.
 */
export function combineKustomizations(
  chain: readonly { source: string; k: Kustomization }[],
): KustomizeContext | undefined {
  const first = chain[0];
  if (!first) return undefined;
  const ctx: KustomizeContext = {
    source: first.source,
    selectorLabels: {},
    templateLabels: {},
    metadataLabels: {},
    annotations: {},
    namePrefix: '',
    nameSuffix: '',
    images: [],
    replicas: [],
    labelFields: {},
  };
  for (const { k } of chain) {
    Object.assign(ctx.labelFields, k.labelFields);
    Object.assign(ctx.selectorLabels, k.selectorLabels);
    Object.assign(ctx.templateLabels, k.templateLabels);
    Object.assign(ctx.metadataLabels, k.metadataLabels);
    Object.assign(ctx.annotations, k.annotations);
    if (k.namespace !== undefined) ctx.namespace = k.namespace;
    ctx.namePrefix = k.namePrefix + ctx.namePrefix;
    ctx.nameSuffix = ctx.nameSuffix + k.nameSuffix;
    ctx.images = [...k.images, ...ctx.images.filter((i) => !k.images.some((o) => o.name === i.name))];
    ctx.replicas = [...k.replicas, ...ctx.replicas.filter((r) => !k.replicas.some((o) => o.name === r.name))];
  }
  return ctx;
}
