/**
 * The workspace index: per-file facts (./facts), updated one file at a time, and a view of the objects as
 * kustomize builds them, computed on first use after a change. A file a kustomization builds (through its
 * `resources`, `bases` or `components`, directly or through nested kustomizations) gets each build's namespace and
 * labels; a file one names as a patch defines no object; generators add their ConfigMaps and Secrets.
 */
import {
  combineKustomizations,
  type KustomizeContext,
  type ManifestDocument,
  type ParseOptions,
  parseManifests,
} from '../../model';
import { objectFacts } from './extract';
import type { FileFacts, KustomizationFacts, ObjectFacts } from './facts';
import { isKustomizationFile, kustomizationFacts } from './kustomization';
import { sameNamespace } from './namespace';
import type { IndexedObject, WorkspaceObjects } from './types';
import { dirOf, resolveUri } from './uris';

export interface IndexFileOptions {
  /** The file is a Helm chart template (a Chart.yaml above its `templates/`): it defines nothing the index trusts. */
  helmTemplate?: boolean;
}

/**
 * Can the text define an object the index keeps? Every such object writes the keys `apiVersion`, `kind` and
 * `name` (in `metadata`), so a file without all three words is skipped before any parsing: CI workflows,
 * compose files and Helm values are most of a workspace's YAML.
 */
export function mayDefineObjects(text: string): boolean {
  return text.includes('apiVersion') && text.includes('kind') && text.includes('name');
}

/** The facts of one file. Pure; never throws on any text. */
export function indexFile(uri: string, text: string, options: IndexFileOptions = {}): FileFacts {
  if (isKustomizationFile(uri)) return { uri, objects: [], kustomization: kustomizationFacts(text) };
  if (options.helmTemplate) return { uri, objects: [] };
  return documentFacts(uri, text, () => parseManifests(text, { path: uri }).documents);
}

/**
 * Whether documents parsed with these options are the ones the index reads (the path as the only option), so that
 * a caller's parse can stand for the index's: a kustomize context, a patch or a Helm template changes what the
 * documents say, and a node limit can leave them unread.
 */
export function parsedAsIndexReads(options: ParseOptions): boolean {
  return !options.kustomize && !options.kustomizePatch && !options.helmTemplate && options.nodeLimit === undefined;
}

/**
 * The facts of a manifest file from its documents as parsed with its path as the only option, asked for only
 * when the text may define objects: the CLI hands in the documents its lint parsed, so a linted file is parsed
 * once. Not for kustomization files (see `indexFile`).
 */
export function documentFacts(uri: string, text: string, documents: () => readonly ManifestDocument[]): FileFacts {
  if (!mayDefineObjects(text)) return { uri, objects: [] };
  const objects: ObjectFacts[] = [];
  for (const doc of documents()) {
    const facts = objectFacts(doc, uri);
    if (facts) objects.push(facts);
  }
  return { uri, objects };
}

/** An object as built: the effective IndexedObject next to the facts as written in its file. */
export interface BuiltObject {
  object: IndexedObject;
  facts: ObjectFacts;
  /** What the kustomizations that build it add, innermost file first; undefined when none does. */
  kustomize?: KustomizeContext;
}

interface View {
  built: BuiltObject[];
  byKind: Map<string, IndexedObject[]>;
  builtByUri: Map<string, BuiltObject[]>;
  /** Files some kustomization names as patches. */
  patches: Set<string>;
}

type Chain = { uri: string; facts: KustomizationFacts }[];

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export class WorkspaceIndex {
  private readonly files = new Map<string, FileFacts>();
  private view: View | undefined;
  /** Bumped on every change of facts: callers cache what they derive from the index by it. */
  generation = 0;
  /** Bumped on every change, a moved range included: what reads locations caches by it. */
  revision = 0;

  /**
   * Indexes (or re-indexes) one file from its text. Returns whether what other files see changed: an edit that
   * only moves lines (a comment, a new line above) changes ranges, not facts, and leaves `generation` alone.
   */
  update(uri: string, text: string, options: IndexFileOptions = {}): boolean {
    return this.set(indexFile(uri, text, options));
  }

  /** Takes facts made elsewhere (a worker, a cache); returns whether the facts, ranges aside, changed. */
  set(facts: FileFacts): boolean {
    // Compared only when a file is indexed again: the first scan of a workspace needs none.
    const previous = this.files.get(facts.uri);
    const same = previous !== undefined && sameFacts(previous, facts);
    this.files.set(facts.uri, facts);
    this.view = undefined;
    this.revision++;
    if (!same) this.generation++;
    return !same;
  }

  remove(uri: string): void {
    if (this.files.delete(uri)) this.changed();
  }

  /** Forgets every file under a directory URI (a deleted folder), except those `keep` names. */
  removeUnder(dirUri: string, keep: (uri: string) => boolean = () => false): void {
    const prefix = dirUri.endsWith('/') ? dirUri : `${dirUri}/`;
    let removed = false;
    for (const uri of [...this.files.keys()]) {
      if (!uri.startsWith(prefix) || keep(uri)) continue;
      removed = this.files.delete(uri) || removed;
    }
    if (removed) this.changed();
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  get size(): number {
    return this.files.size;
  }

  fileFacts(uri: string): FileFacts | undefined {
    return this.files.get(uri);
  }

  allFiles(): IterableIterator<FileFacts> {
    return this.files.values();
  }

  /** Every object as built, each kustomize build of a file once. */
  built(): readonly BuiltObject[] {
    return this.current().built;
  }

  /** The objects a file defines, as built (one per build when several kustomizations build it). */
  builtIn(uri: string): readonly BuiltObject[] {
    return this.current().builtByUri.get(uri) ?? [];
  }

  isPatch(uri: string): boolean {
    return this.current().patches.has(uri);
  }

  /** The query surface lint rules and the simulation read. */
  objects(complete = false): WorkspaceObjects {
    const view = this.current();
    return {
      complete,
      find: (kind, name, namespace) =>
        (view.byKind.get(kind) ?? []).filter((o) => o.name === name && sameNamespace(o.namespace, namespace)),
      ofKind: (kind, namespace) => (view.byKind.get(kind) ?? []).filter((o) => sameNamespace(o.namespace, namespace)),
    };
  }

  /** The kustomization file in a directory, when the index has one. */
  kustomizationIn(dir: string): { uri: string; facts: KustomizationFacts } | undefined {
    for (const name of KUSTOMIZATION_NAMES) {
      const facts = this.files.get(`${dir}/${name}`)?.kustomization;
      if (facts) return { uri: `${dir}/${name}`, facts };
    }
    return undefined;
  }

  private changed(): void {
    this.view = undefined;
    this.revision++;
    this.generation++;
  }

  private current(): View {
    this.view ??= this.build();
    return this.view;
  }

  private build(): View {
    const { fileChains, kustomizationChains, patches } = this.chains();
    const built: BuiltObject[] = [];
    const builtByUri = new Map<string, BuiltObject[]>();
    const add = (uri: string, b: BuiltObject) => {
      built.push(b);
      const list = builtByUri.get(uri) ?? [];
      list.push(b);
      builtByUri.set(uri, list);
    };
    for (const file of this.files.values()) {
      if (patches.has(file.uri)) continue;
      for (const chain of fileChains.get(file.uri) ?? [[]]) {
        const kustomize = contextOf(chain);
        for (const facts of file.objects)
          add(file.uri, { object: applyContext(facts.object, kustomize), facts, kustomize });
      }
      if (!file.kustomization) continue;
      for (const chain of kustomizationChains.get(file.uri) ?? []) {
        const kustomize = contextOf(chain);
        for (const g of file.kustomization.generators) {
          const object: IndexedObject = {
            apiVersion: 'v1',
            kind: g.kind,
            name: g.name,
            ...(kustomize?.namespace !== undefined && { namespace: kustomize.namespace }),
            labels: {},
            location: { uri: file.uri, range: g.range, nameRange: g.nameRange },
            ...(g.keys && { keys: g.keys }),
            via: file.uri,
            generated: { hashSuffix: g.hashSuffix },
          };
          add(file.uri, { object, facts: { document: 0, object, labels: [] }, kustomize });
        }
      }
    }
    const byKind = new Map<string, IndexedObject[]>();
    for (const { object } of built) {
      const list = byKind.get(object.kind) ?? [];
      list.push(object);
      byKind.set(object.kind, list);
    }
    return { built, byKind, builtByUri, patches };
  }

  /**
   * Every chain of kustomizations that builds each file (innermost first), found walking down from the
   * kustomizations nothing else builds; a kustomization's own chains include itself (for its generators).
   */
  private chains() {
    const kustomizations = [...this.files.values()].filter((f) => f.kustomization);
    const children = new Map<string, { files: string[]; dirs: string[] }>();
    const patches = new Set<string>();
    const built = new Set<string>();
    for (const k of kustomizations) {
      const dir = dirOf(k.uri);
      const facts = k.kustomization as KustomizationFacts;
      const out = { files: [] as string[], dirs: [] as string[] };
      for (const site of [...facts.resources, ...facts.components]) {
        const target = resolveUri(dir, site.path);
        const inner = this.kustomizationIn(target);
        if (inner) {
          out.dirs.push(inner.uri);
          built.add(inner.uri);
        } else if (this.files.has(target)) out.files.push(target);
      }
      for (const site of facts.patches) patches.add(resolveUri(dir, site.path));
      children.set(k.uri, out);
    }
    const fileChains = new Map<string, Chain[]>();
    const kustomizationChains = new Map<string, Chain[]>();
    const push = (map: Map<string, Chain[]>, uri: string, chain: Chain) => {
      const list = map.get(uri) ?? [];
      list.push(chain);
      map.set(uri, list);
    };
    const walk = (uri: string, outer: Chain) => {
      if (outer.some((c) => c.uri === uri)) return; // a cycle: kustomize refuses it too
      const facts = this.files.get(uri)?.kustomization;
      if (!facts) return;
      const chain: Chain = [{ uri, facts }, ...outer];
      push(kustomizationChains, uri, chain);
      const c = children.get(uri);
      for (const file of c?.files ?? []) push(fileChains, file, chain);
      for (const dir of c?.dirs ?? []) walk(dir, chain);
    };
    for (const k of kustomizations) if (!built.has(k.uri)) walk(k.uri, []);
    return { fileChains, kustomizationChains, patches };
  }
}

const RANGE_KEYS = new Set(['range', 'keyRange', 'valueRange', 'nameRange', 'anchor', 'location']);

function signatureOf(value: unknown): string | undefined {
  return JSON.stringify(value, (key, v) => (RANGE_KEYS.has(key) ? undefined : v));
}

/**
 * Whether two readings of a file give other files the same facts, ranges aside. An open file's unchanged segments
 * keep their objects as they were, so after a keystroke only the edited segment's objects are serialized.
 */
function sameFacts(a: FileFacts, b: FileFacts): boolean {
  if (a.objects.length !== b.objects.length) return false;
  if (a.kustomization !== b.kustomization && signatureOf(a.kustomization) !== signatureOf(b.kustomization))
    return false;
  return a.objects.every((o, i) => o === b.objects[i] || signatureOf(o) === signatureOf(b.objects[i]));
}

function contextOf(chain: Chain): KustomizeContext | undefined {
  return combineKustomizations(chain.map((c) => ({ source: c.uri, k: c.facts.k })));
}

/** The object as kustomize builds it: its namespace, labels and selector (names keep the written form). */
function applyContext(o: IndexedObject, k: KustomizeContext | undefined): IndexedObject {
  if (!k) return o;
  const namespace = k.namespace ?? o.namespace;
  const labels = { ...o.labels, ...k.metadataLabels, ...k.templateLabels, ...k.selectorLabels };
  return {
    ...o,
    ...(namespace !== undefined && { namespace }),
    labels,
    ...(o.selector && { selector: { ...o.selector, ...k.selectorLabels } }),
    ...(o.podTemplate && {
      podTemplate: { ...o.podTemplate, labels: { ...o.podTemplate.labels, ...k.templateLabels, ...k.selectorLabels } },
    }),
    via: k.source,
  };
}
