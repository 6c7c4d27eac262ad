/**
 * kustomize's built-in transformers driven by kustomization fields, with the field specs of
 * api/konfig/builtinpluginconsts (commonlabels.go, templatelabels.go, commonannotations.go, images.go,
 * namespace.go, nameprefix.go, replicas.go). A value a transformer writes takes its origin from the
 * kustomization line that asked for it.
 */
import { ensureMap, get, getIn, type Origin, put, type RNode, type RScalar, str } from './tree';

const SELECTOR_WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet']);
const TEMPLATED = new Set([...SELECTOR_WORKLOADS, 'ReplicationController', 'Job']);
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);
/** Kinds the namespace transformer leaves alone: cluster-scoped objects (namespace.go skips them). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'PriorityClass',
  'RuntimeClass',
  'StorageClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
]);

function kindOf(object: RNode): string {
  return str(get(object, 'kind')) ?? '';
}

function scalar(value: RScalar['value'], origin: Origin): RScalar {
  return { kind: 'scalar', value, origin };
}

/** A map field of a kustomization with each value's origin (`commonLabels`, `pairs` of a `labels` entry). */
function pairsOf(node: RNode | undefined): { key: string; value: RScalar }[] {
  if (node?.kind !== 'map') return [];
  return node.entries.flatMap((e) => (e.value.kind === 'scalar' ? [{ key: e.key, value: e.value }] : []));
}

function addPairs(object: RNode, at: readonly string[], pairs: { key: string; value: RScalar }[], create: boolean) {
  if (pairs.length === 0) return;
  if (!create && getIn(object, at) === undefined) return;
  const first = pairs[0]?.value.origin as Origin;
  const map = ensureMap(object, at, first);
  if (!map) return;
  for (const { key, value } of pairs)
    put(map, key, scalar(value.value === null ? '' : String(value.value), value.origin));
}

/** Where labels go: metadata always; templates with `templates`; selectors with `selectors` (commonlabels.go). */
function applyLabels(object: RNode, pairs: { key: string; value: RScalar }[], templates: boolean, selectors: boolean) {
  const kind = kindOf(object);
  addPairs(object, ['metadata', 'labels'], pairs, true);
  if (templates || selectors) {
    if (TEMPLATED.has(kind)) addPairs(object, ['spec', 'template', 'metadata', 'labels'], pairs, true);
    if (kind === 'CronJob') {
      addPairs(object, ['spec', 'jobTemplate', 'metadata', 'labels'], pairs, true);
      addPairs(object, ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'], pairs, true);
    }
  }
  if (!selectors) return;
  if (SELECTOR_WORKLOADS.has(kind)) addPairs(object, ['spec', 'selector', 'matchLabels'], pairs, true);
  if (kind === 'Service' || kind === 'ReplicationController') addPairs(object, ['spec', 'selector'], pairs, true);
  if (kind === 'Job') addPairs(object, ['spec', 'selector', 'matchLabels'], pairs, false);
}

function applyAnnotations(object: RNode, pairs: { key: string; value: RScalar }[]) {
  const kind = kindOf(object);
  addPairs(object, ['metadata', 'annotations'], pairs, true);
  if (TEMPLATED.has(kind)) addPairs(object, ['spec', 'template', 'metadata', 'annotations'], pairs, true);
  if (kind === 'CronJob') {
    addPairs(object, ['spec', 'jobTemplate', 'metadata', 'annotations'], pairs, true);
    addPairs(object, ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'annotations'], pairs, true);
  }
}

/** The pod specs of an object: a Pod's spec, a template's, a CronJob's job template's. */
export function podSpecs(object: RNode): RNode[] {
  const kind = kindOf(object);
  const spec =
    kind === 'Pod'
      ? get(object, 'spec')
      : kind === 'CronJob'
        ? getIn(object, ['spec', 'jobTemplate', 'spec', 'template', 'spec'])
        : getIn(object, ['spec', 'template', 'spec']);
  return spec ? [spec] : [];
}

/** Splits `registry:5000/app:1.2@sha256:...` into the name kustomize matches and what follows it. */
function imageName(image: string): string {
  const at = image.indexOf('@');
  const noDigest = at >= 0 ? image.slice(0, at) : image;
  const colon = noDigest.lastIndexOf(':');
  return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}

function imageTag(image: string): string {
  const at = image.indexOf('@');
  if (at >= 0) return image.slice(at);
  const name = imageName(image);
  return image.slice(name.length);
}

function applyImage(object: RNode, entry: RNode) {
  const name = str(get(entry, 'name'));
  if (!name) return;
  const newName = get(entry, 'newName');
  const newTag = get(entry, 'newTag');
  const digest = get(entry, 'digest');
  const origin = (digest ?? newTag ?? newName ?? entry).origin;
  for (const spec of podSpecs(object)) {
    for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
      const containers = get(spec, list);
      if (containers?.kind !== 'seq') continue;
      for (const c of containers.items) {
        const image = str(get(c, 'image'));
        if (c.kind !== 'map' || image === undefined || imageName(image) !== name) continue;
        const suffix = str(digest) ? `@${str(digest)}` : str(newTag) ? `:${str(newTag)}` : imageTag(image);
        put(c, 'image', scalar(`${str(newName) ?? name}${suffix}`, origin));
      }
    }
  }
}

function applyReplicas(object: RNode, entry: RNode, originalName: string | undefined) {
  const count = get(entry, 'count');
  const name = str(get(entry, 'name'));
  if (count?.kind !== 'scalar' || !SCALABLE.has(kindOf(object))) return;
  if (name !== originalName && name !== str(getIn(object, ['metadata', 'name']))) return;
  const spec = ensureMap(object, ['spec'], count.origin);
  if (spec) put(spec, 'replicas', scalar(Number(count.value), count.origin));
}

function entries(kustomization: RNode, key: string): RNode[] {
  const seq = get(kustomization, key);
  return seq?.kind === 'seq' ? seq.items : [];
}

/**
 * The kustomization's built-in transformers, run in kustomize's order (configureBuiltinTransformers in
 * api/internal/target/kusttarget_configplugin.go): namespace, prefix, suffix, labels, annotations, then, after
 * JSON 6902 patches, replicas and images.
 */
export function transformNames(objects: RNode[], kustomization: RNode): void {
  const namespace = get(kustomization, 'namespace');
  const prefix = get(kustomization, 'namePrefix');
  const suffix = get(kustomization, 'nameSuffix');
  for (const object of objects) {
    if (namespace?.kind === 'scalar' && str(namespace) && !CLUSTER_SCOPED.has(kindOf(object))) {
      const metadata = ensureMap(object, ['metadata'], namespace.origin);
      if (metadata) put(metadata, 'namespace', scalar(str(namespace) as string, namespace.origin));
    }
    const name = getIn(object, ['metadata', 'name']);
    if ((str(prefix) || str(suffix)) && name?.kind === 'scalar' && kindOf(object) !== 'Namespace') {
      const metadata = get(object, 'metadata');
      const origin = (str(prefix) ? prefix : suffix) as RNode;
      const renamed = `${str(prefix) ?? ''}${str(name)}${str(suffix) ?? ''}`;
      if (metadata?.kind === 'map') put(metadata, 'name', scalar(renamed, origin.origin));
    }
  }
}

export function transformLabelsAndAnnotations(objects: RNode[], kustomization: RNode): void {
  const common = pairsOf(get(kustomization, 'commonLabels'));
  const annotations = pairsOf(get(kustomization, 'commonAnnotations'));
  for (const object of objects) {
    // `labels` entries first, then commonLabels, which win on a shared key (kusttarget_configplugin.go).
    for (const entry of entries(kustomization, 'labels')) {
      const flag = (key: string) => get(entry, key)?.kind === 'scalar' && str(get(entry, key)) === 'true';
      applyLabels(object, pairsOf(get(entry, 'pairs')), flag('includeTemplates'), flag('includeSelectors'));
    }
    applyLabels(object, common, true, true);
    applyAnnotations(object, annotations);
  }
}

/** `names` holds each object's name before this kustomization's prefix and suffix, which `replicas` may use. */
export function transformReplicasAndImages(objects: RNode[], kustomization: RNode, names: (string | undefined)[]) {
  objects.forEach((object, i) => {
    for (const entry of entries(kustomization, 'replicas')) applyReplicas(object, entry, names[i]);
    for (const entry of entries(kustomization, 'images')) applyImage(object, entry);
  });
}
