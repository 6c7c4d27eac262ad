/**
 * `replacements` (api/filters/replacement/replacement.go, plugin/builtin/replacementtransformer): each copies a
 * value from one field of one source object into fields of the objects its targets select, after every other
 * transformer of the kustomization. The copied value keeps the origin of the source's text, so a finding on a
 * replaced field points at the value that was copied. kustomize fails the build on a replacement that selects no
 * source or no target field: here that is a problem and the replacement is skipped.
 */
import { nodesAt, splitPath } from './fieldPath';
import type { Item } from './patches';
import { joinPath } from './paths';
import { clone, get, getIn, parseTrees, type RNode, type RScalar, str } from './tree';

export interface ReplacementContext {
  dir: string;
  file: string;
  read: (path: string) => string | undefined;
  problem: (message: string) => void;
}

/** The replacements a kustomization lists: inline ones, and those of `path:` files (a list or one). */
function replacementsOf(ctx: ReplacementContext, kustomization: RNode): RNode[] {
  const list = get(kustomization, 'replacements');
  if (list?.kind !== 'seq') return [];
  return list.items.flatMap((entry) => {
    const rel = str(get(entry, 'path'));
    if (rel === undefined) return entry.kind === 'map' ? [entry] : [];
    const path = joinPath(ctx.dir, rel);
    const text = ctx.read(path);
    if (text === undefined) {
      ctx.problem(`replacement file ${rel} cannot be read`);
      return [];
    }
    const doc = parseTrees(text, path, undefined, () =>
      ctx.problem(`replacement file ${rel} has YAML syntax errors`),
    )[0];
    if (doc?.kind === 'seq') return doc.items.filter((i) => i.kind === 'map');
    return doc?.kind === 'map' ? [doc] : [];
  });
}

function groupVersion(object: RNode): { group: string; version: string } {
  const apiVersion = str(get(object, 'apiVersion')) ?? '';
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

type Test = (wanted: string, actual: string) => boolean;
const exact: Test = (wanted, actual) => wanted === actual;
/** SelectorRegex in api/types/selector.go: target selectors are anchored regular expressions. */
const regex: Test = (wanted, actual) => {
  try {
    return new RegExp(`^(?:${wanted})$`).test(actual);
  } catch {
    return false;
  }
};

/** Whether a selector's group/version/kind/name/namespace (empty = any) match the object under any of its names. */
function selects(selector: RNode | undefined, item: Item, test: Test): boolean {
  if (selector?.kind !== 'map') return false;
  const { group, version } = groupVersion(item.object);
  const fields: [string, string[]][] = [
    ['group', [group]],
    ['version', [version]],
    ['kind', [str(get(item.object, 'kind')) ?? '']],
    ['name', item.names],
    ['namespace', [str(getIn(item.object, ['metadata', 'namespace'])) ?? '']],
  ];
  return fields.every(([key, actual]) => {
    const wanted = str(get(selector, key));
    return !wanted || actual.some((a) => test(wanted, a));
  });
}

/** An equality- or set-based label selector (`a=b,c!=d,e,!f,g in (h,i)`) against a map of labels. */
export function matchesLabelSelector(selector: string, labels: RNode | undefined): boolean {
  const value = (key: string) => str(get(labels, key));
  const terms = selector.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  return terms.every((raw) => {
    const term = raw.trim();
    const set = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (set) {
      const values = (set[3] as string).split(',').map((v) => v.trim());
      const has = values.includes(value(set[1] as string) ?? '\0');
      return set[2] === 'in' ? has : !has;
    }
    const eq = /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (eq) return eq[2] === '!=' ? value(eq[1] as string) !== eq[3] : value(eq[1] as string) === eq[3];
    if (term.startsWith('!')) return value(term.slice(1).trim()) === undefined;
    return term === '' || value(term) !== undefined;
  });
}

function selectsByMetadata(selector: RNode | undefined, object: RNode): boolean {
  const labels = str(get(selector, 'labelSelector'));
  const annotations = str(get(selector, 'annotationSelector'));
  return (
    (!labels || matchesLabelSelector(labels, getIn(object, ['metadata', 'labels']))) &&
    (!annotations || matchesLabelSelector(annotations, getIn(object, ['metadata', 'annotations'])))
  );
}

interface Delimited {
  delimiter?: string;
  index: number;
}

function optionsOf(node: RNode | undefined): Delimited & { create: boolean } {
  const delimiter = str(get(node, 'delimiter'));
  return {
    ...(delimiter && { delimiter }),
    index: Number(str(get(node, 'index')) ?? 0) || 0,
    create: str(get(node, 'create')) === 'true',
  };
}

/** getReplacement: the source's value at its fieldPath (metadata.name by default), cut by delimiter and index. */
function sourceValue(ctx: ReplacementContext, items: readonly Item[], source: RNode): RNode | undefined {
  const matches = items.filter((i) => selects(source, i, exact));
  const fieldPath = str(get(source, 'fieldPath')) ?? 'metadata.name';
  if (matches.length !== 1) {
    ctx.problem(
      `${matches.length === 0 ? 'nothing' : 'more than one object'} selected by replacement source ${describe(source)}`,
    );
    return undefined;
  }
  const value = nodesAt((matches[0] as Item).object, splitPath(fieldPath))[0];
  if (value === undefined || (value.kind === 'scalar' && (value.value === null || value.value === ''))) {
    ctx.problem(`fieldPath \`${fieldPath}\` is missing for replacement source ${describe(source)}`);
    return undefined;
  }
  const { delimiter, index } = optionsOf(get(source, 'options'));
  if (!delimiter) return value;
  const parts = value.kind === 'scalar' ? String(value.value).split(delimiter) : [];
  if (index < 0 || index >= parts.length) {
    ctx.problem(`options.index ${index} is out of bounds for replacement source ${describe(source)}`);
    return undefined;
  }
  return { kind: 'scalar', value: parts[index] as string, origin: value.origin };
}

function describe(selector: RNode): string {
  return ['kind', 'name', 'namespace']
    .flatMap((k) => (str(get(selector, k)) ? [`${k} ${str(get(selector, k))}`] : []))
    .join(', ');
}

/** The scalar as the target's type reads it: kyaml keeps a target scalar's tag and sets only its text. */
function typedLike(target: RScalar, text: string): RScalar['value'] {
  if (typeof target.value === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (typeof target.value === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** setFieldValue: a scalar target takes the value's text (spliced in by delimiter and index), anything else the value. */
function setField(target: RNode, value: RNode, options: Delimited): void {
  let copied = clone(value);
  if (options.delimiter !== undefined && target.kind === 'scalar' && copied.kind === 'scalar') {
    const parts = target.value === null ? [''] : String(target.value).split(options.delimiter);
    const v = String(copied.value ?? '');
    if (options.index < 0) parts.unshift(v);
    else if (options.index >= parts.length) parts.push(v);
    else parts[options.index] = v;
    copied = { ...copied, value: parts.join(options.delimiter) };
  }
  const next: RNode =
    target.kind === 'scalar' && target.value !== null && copied.kind === 'scalar'
      ? { ...copied, value: typedLike(target, copied.value === null ? '' : String(copied.value)) }
      : copied;
  const t = target as unknown as Record<string, unknown>;
  for (const key of Object.keys(t)) delete t[key];
  Object.assign(t, next);
}

function applyTarget(ctx: ReplacementContext, items: readonly Item[], target: RNode, value: RNode): void {
  const select = get(target, 'select');
  if (select === undefined) {
    ctx.problem('a replacement target must specify resources to select');
    return;
  }
  const reject = get(target, 'reject');
  const rejected = reject?.kind === 'seq' ? reject.items : [];
  const paths = get(target, 'fieldPaths');
  const fieldPaths = paths?.kind === 'seq' ? paths.items.flatMap((p) => str(p) ?? []) : ['metadata.name'];
  const options = optionsOf(get(target, 'options'));
  for (const item of items) {
    if (!selects(select, item, regex) || !selectsByMetadata(select, item.object)) continue;
    const rejects = (r: RNode) =>
      (hasIdFields(r) && selects(r, item, regex)) || (hasMetadataFields(r) && selectsByMetadata(r, item.object));
    if (rejected.some(rejects)) continue;
    for (const fieldPath of fieldPaths) {
      const fields = nodesAt(item.object, splitPath(fieldPath), options.create ? value.origin : undefined);
      if (fields.length === 0)
        ctx.problem(`unable to find field "${fieldPath}" in replacement target ${item.names[0]}`);
      for (const field of fields) setField(field, value, options);
    }
  }
}

const hasIdFields = (r: RNode) => ['group', 'version', 'kind', 'name', 'namespace'].some((k) => str(get(r, k)));
const hasMetadataFields = (r: RNode) => ['labelSelector', 'annotationSelector'].some((k) => str(get(r, k)));

/** Runs the kustomization's replacements in order on copies of the objects. */
export function applyReplacements(ctx: ReplacementContext, kustomization: RNode, built: Item[]): Item[] {
  const replacements = replacementsOf(ctx, kustomization);
  if (replacements.length === 0) return built;
  const items = built.map((i) => ({ ...i, object: clone(i.object) }));
  for (const r of replacements) {
    const source = get(r, 'source');
    const targets = get(r, 'targets');
    if (source === undefined || targets?.kind !== 'seq') {
      ctx.problem('replacements must specify a source and at least one target');
      continue;
    }
    const value = sourceValue(ctx, items, source);
    if (value) for (const target of targets.items) applyTarget(ctx, items, target, value);
  }
  return items;
}
