/**
 * A kustomization file as the index needs it: what ../../model/kustomize reads (resources, labels, namespace,
 * name affixes, images, replicas), plus where each path it names is written (document links) and the ConfigMaps
 * and Secrets its `configMapGenerator`/`secretGenerator` make, with kustomize's hash-suffix policy
 * (api/types/generatoroptions.go: `generatorOptions.disableNameSuffixHash`, per generator `options`).
 */
import { isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap } from 'yaml';
import { KUSTOMIZATION_FILES, LineIndex, readKustomization, resolveScalar } from '../../model';
import type { Range } from '../../util/range';
import type { GeneratorFacts, KustomizationFacts, PathSite } from './facts';

/** Is this URI or path a kustomization file (`kustomization.yaml`, `kustomization.yml`, `Kustomization`)? */
export function isKustomizationFile(uri: string): boolean {
  const base = uri.slice(uri.lastIndexOf('/') + 1);
  return KUSTOMIZATION_FILES.includes(base);
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = resolveScalar(node).value;
  return v === null ? undefined : String(v);
}

class Reader {
  constructor(private readonly lines: LineIndex) {}

  range(node: Node | null | undefined): Range | undefined {
    const r = node?.range;
    return r ? { start: this.lines.positionAt(r[0]), end: this.lines.positionAt(r[1]) } : undefined;
  }

  /** Single-line string items of a list (an inline patch holds newlines and names no file). */
  paths(seq: unknown, pick: (item: unknown) => unknown = (i) => i): PathSite[] {
    if (!isSeq(seq)) return [];
    const out: PathSite[] = [];
    for (const item of seq.items) {
      const node = pick(item) as Node | undefined;
      const path = scalarText(node);
      const range = this.range(node);
      if (path !== undefined && !path.includes('\n') && range) out.push({ path, range });
    }
    return out;
  }

  generators(root: YAMLMap, field: string, kind: GeneratorFacts['kind'], hashByDefault: boolean): GeneratorFacts[] {
    const seq = root.get(field, true);
    if (!isSeq(seq)) return [];
    const out: GeneratorFacts[] = [];
    for (const item of seq.items) {
      if (!isMap(item)) continue;
      const nameNode = item.get('name', true) as Node | undefined;
      const name = scalarText(nameNode);
      const range = this.range(item);
      const nameRange = this.range(nameNode);
      if (!name || !range || !nameRange) continue;
      const keys = generatorKeys(item);
      out.push({
        kind,
        name,
        range,
        nameRange,
        ...(keys && { keys }),
        hashSuffix: disablesHash(item.get('options', true)) ?? hashByDefault,
      });
    }
    return out;
  }
}

function disablesHash(options: unknown): boolean | undefined {
  if (!isMap(options)) return undefined;
  const v = options.get('disableNameSuffixHash', true);
  return isScalar(v) && resolveScalar(v).value === true ? false : undefined;
}

/**
 * The keys a generator makes: `literals` (`KEY=value`), `files` (`key=path`, else the file's base name); an
 * `envs` (or legacy `env`) file adds keys only its content names, so the keys are then unknown.
 */
function generatorKeys(item: YAMLMap): string[] | undefined {
  if (item.has('envs') || item.has('env')) return undefined;
  const keys: string[] = [];
  const list = (key: string) => {
    const seq = item.get(key, true);
    return isSeq(seq) ? seq.items.map(scalarText).filter((s): s is string => s !== undefined) : [];
  };
  for (const literal of list('literals')) {
    const eq = literal.indexOf('=');
    if (eq > 0) keys.push(literal.slice(0, eq).trim());
  }
  for (const file of list('files')) {
    const eq = file.indexOf('=');
    keys.push(eq > 0 ? file.slice(0, eq).trim() : file.slice(file.lastIndexOf('/') + 1));
  }
  return keys;
}

/** Reads a kustomization file's facts. Never throws: an unreadable file names nothing. */
export function kustomizationFacts(text: string): KustomizationFacts {
  const facts: KustomizationFacts = {
    k: readKustomization(text),
    resources: [],
    components: [],
    patches: [],
    generators: [],
  };
  let root: unknown;
  try {
    root = parseDocument(text, { prettyErrors: false, uniqueKeys: false, keepSourceTokens: false }).contents;
  } catch {
    return facts;
  }
  if (!isMap(root)) return facts;
  const r = new Reader(new LineIndex(text));
  facts.resources = [...r.paths(root.get('resources', true)), ...r.paths(root.get('bases', true))];
  facts.components = r.paths(root.get('components', true));
  const pathOf = (item: unknown) => (isMap(item) ? item.get('path', true) : undefined);
  facts.patches = [
    ...r.paths(root.get('patchesStrategicMerge', true)),
    ...r.paths(root.get('patches', true), pathOf),
    ...r.paths(root.get('patchesJson6902', true), pathOf),
  ];
  const hashByDefault = disablesHash(root.get('generatorOptions', true)) ?? true;
  facts.generators = [
    ...r.generators(root, 'configMapGenerator', 'ConfigMap', hashByDefault),
    ...r.generators(root, 'secretGenerator', 'Secret', hashByDefault),
  ];
  return facts;
}
