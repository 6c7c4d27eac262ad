/**
 * The order `kustomize build` writes objects in (applySortOrder in api/krusty/kustomizer.go): the building
 * kustomization's `sortOptions`, else the legacy order (plugin/builtin/sortordertransformer): kinds listed
 * first (Namespace, ..., ConfigMap, Secret, Service, ..., Deployment, ...), the unlisted ones by group, version
 * and kind, the webhook configurations last; objects of one kind by namespace, then name. `fifo` keeps the order
 * the objects were accumulated in.
 */
import type { Item } from './patches';
import { get, getIn, type RNode, str } from './tree';

const ORDER_FIRST = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

interface Id {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
}

function idOf(object: RNode): Id {
  const apiVersion = str(get(object, 'apiVersion')) ?? '';
  const slash = apiVersion.indexOf('/');
  return {
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind: str(get(object, 'kind')) ?? '',
    namespace: str(getIn(object, ['metadata', 'namespace'])) ?? '',
    name: str(getIn(object, ['metadata', 'name'])) ?? '',
  };
}

/** legacyGVKSortString: empty parts sort after the others (`~` follows every letter). */
const gvkString = (id: Id) => [id.group || '~G', id.version || '~V', id.kind || '~K'].join('_');
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function names(node: RNode | undefined): string[] {
  return node?.kind === 'seq' ? node.items.flatMap((i) => str(i) ?? []) : [];
}

/** The objects in the order kustomize prints them; an unknown `sortOptions.order` is a problem, and no sort. */
export function sortOutput(items: Item[], kustomization: RNode | undefined, problem: (m: string) => void): Item[] {
  const options = get(kustomization, 'sortOptions');
  const order = str(get(options, 'order')) ?? 'legacy';
  if (order === 'fifo') return items;
  if (order !== 'legacy') {
    problem("the field 'sortOptions.order' must be one of [fifo, legacy]");
    return items;
  }
  const legacy = get(options, 'legacySortOptions');
  const first = legacy ? names(get(legacy, 'orderFirst')) : ORDER_FIRST;
  const last = legacy ? names(get(legacy, 'orderLast')) : ORDER_LAST;
  const rank = new Map<string, number>([
    ...first.map((kind, i): [string, number] => [kind, -first.length + i]),
    ...last.map((kind, i): [string, number] => [kind, 1 + i]),
  ]);
  const keyed = items.map((item) => ({ item, id: idOf(item.object) }));
  keyed.sort((a, b) => {
    const [x, y] = [a.id, b.id];
    if (gvkString(x) !== gvkString(y)) {
      const [rx, ry] = [rank.get(x.kind) ?? 0, rank.get(y.kind) ?? 0];
      if (rx !== ry) return rx - ry;
      // gvkLessThan: a Namespace of the core group sorts before one of any other group.
      const flip = x.kind === 'Namespace' && y.kind === 'Namespace' && (x.group === '' || y.group === '');
      return (flip ? -1 : 1) * byText(gvkString(x), gvkString(y));
    }
    return byText(x.namespace || '~X', y.namespace || '~X') || byText(x.name || '~N', y.name || '~N');
  });
  return keyed.map((k) => k.item);
}
