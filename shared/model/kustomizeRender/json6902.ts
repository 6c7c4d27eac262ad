/**
 * JSON 6902 patches (kustomize's api/filters/patchjson6902, which applies them with evanphx/json-patch):
 * `add`, `remove` and `replace` on JSON-pointer paths (`~1` is `/`, `~0` is `~`, `-` appends to a list).
 * `add` on a map key sets it, on a list index inserts before it; `replace` and `remove` need the path to exist.
 */
import { clone, get, type RNode, str } from './tree';

export interface JsonPatchOp {
  op: string;
  path: string;
  value?: RNode;
}

/** The ops of a patch document (a YAML or JSON list of `{op, path, value}`); entries without op/path are skipped. */
export function readOps(doc: RNode | undefined): JsonPatchOp[] {
  if (doc?.kind !== 'seq') return [];
  const out: JsonPatchOp[] = [];
  for (const item of doc.items) {
    const op = str(get(item, 'op'));
    const path = str(get(item, 'path'));
    const value = get(item, 'value');
    if (op !== undefined && path !== undefined) out.push({ op, path, ...(value && { value }) });
  }
  return out;
}

function segments(pointer: string): string[] | undefined {
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Applies one op in place; returns a message when kustomize would fail the build on it. */
function applyOp(root: RNode, op: JsonPatchOp): string | undefined {
  const segs = segments(op.path);
  if (!segs || segs.length === 0) return `path "${op.path}" is not a JSON pointer into the object`;
  let parent: RNode | undefined = root;
  for (const s of segs.slice(0, -1)) {
    parent = parent?.kind === 'seq' ? parent.items[Number(s)] : get(parent, s);
    if (!parent) return `path "${op.path}" does not exist`;
  }
  const last = segs[segs.length - 1] as string;
  if ((op.op === 'add' || op.op === 'replace') && !op.value) return `${op.op} "${op.path}" has no value`;
  const value = op.value ? clone(op.value) : undefined;
  if (parent.kind === 'map') {
    const at = parent.entries.findIndex((e) => e.key === last);
    if (op.op === 'remove' || op.op === 'replace') {
      if (at < 0) return `path "${op.path}" does not exist`;
      if (op.op === 'remove') parent.entries.splice(at, 1);
      else (parent.entries[at] as { value: RNode }).value = value as RNode;
      return undefined;
    }
    if (op.op !== 'add') return `op "${op.op}" is not supported`;
    if (at >= 0) (parent.entries[at] as { value: RNode }).value = value as RNode;
    else parent.entries.push({ key: last, keyOrigin: (value as RNode).origin, value: value as RNode });
    return undefined;
  }
  if (parent.kind === 'seq') {
    const index = last === '-' ? parent.items.length : Number(last);
    const limit = op.op === 'add' ? parent.items.length : parent.items.length - 1;
    if (!Number.isInteger(index) || index < 0 || index > limit) return `path "${op.path}" is out of range`;
    if (op.op === 'add') parent.items.splice(index, 0, value as RNode);
    else if (op.op === 'replace') parent.items[index] = value as RNode;
    else if (op.op === 'remove') parent.items.splice(index, 1);
    else return `op "${op.op}" is not supported`;
    return undefined;
  }
  return `path "${op.path}" does not exist`;
}

/** Applies the ops in order on a copy; stops at the first failing op, as kustomize fails the build there. */
export function applyJson6902(object: RNode, ops: readonly JsonPatchOp[]): { object: RNode; problem?: string } {
  const copy = clone(object);
  for (const op of ops) {
    const problem = applyOp(copy, op);
    if (problem) return { object, problem };
  }
  return { object: copy };
}
