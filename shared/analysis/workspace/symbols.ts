/**
 * What a position in a workspace file names, and where else the same thing is written: an object's name (at its
 * definition or at a reference), a key a reference reads, a label (key or value) on a pod template, a workload
 * selector, a Service selector or metadata, and a port name (a Service's targetPort, a container port). Navigation,
 * rename and hovers are built on these; everything comes from the index, never from parsed documents.
 */
import { containsPosition, type Position, type Range } from '../../util/range';
import type { LabelSite, ReferenceKind } from './facts';
import { REFERENCE_KINDS } from './facts';
import { selects } from './selection';
import type { BuiltObject, WorkspaceIndex } from './workspaceIndex';

export interface SiteLocation {
  uri: string;
  range: Range;
}

export type WorkspaceSymbol =
  | { type: 'object'; kind: ReferenceKind; name: string; namespace?: string; range: Range }
  | { type: 'key'; kind: ReferenceKind; name: string; key: string; namespace?: string; range: Range }
  | { type: 'label'; key: string; value: string; part: 'key' | 'value'; range: Range }
  | { type: 'targetPort'; name: string; service: BuiltObject; range: Range }
  | { type: 'containerPort'; name: string; template: BuiltObject; range: Range };

const isReferenceKind = (kind: string): kind is ReferenceKind => (REFERENCE_KINDS as readonly string[]).includes(kind);

function compatible(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

function labelAt(sites: readonly LabelSite[] | undefined, pos: Position): WorkspaceSymbol | undefined {
  for (const s of sites ?? []) {
    if (containsPosition(s.keyRange, pos))
      return { type: 'label', key: s.key, value: s.value, part: 'key', range: s.keyRange };
    if (containsPosition(s.valueRange, pos))
      return { type: 'label', key: s.key, value: s.value, part: 'value', range: s.valueRange };
  }
  return undefined;
}

/** The symbol at a position of a file, if the index knows one there. */
export function symbolAt(index: WorkspaceIndex, uri: string, pos: Position): WorkspaceSymbol | undefined {
  for (const g of index.fileFacts(uri)?.kustomization?.generators ?? []) {
    if (containsPosition(g.nameRange, pos)) return { type: 'object', kind: g.kind, name: g.name, range: g.nameRange };
  }
  for (const b of index.builtIn(uri)) {
    const { object, facts } = b;
    const ns = object.namespace;
    const nameRange = object.location.nameRange;
    if (nameRange && isReferenceKind(object.kind) && containsPosition(nameRange, pos))
      return { type: 'object', kind: object.kind, name: object.name, namespace: ns, range: nameRange };
    for (const ref of facts.pod?.references ?? []) {
      if (containsPosition(ref.range, pos))
        return { type: 'object', kind: ref.kind, name: ref.name, namespace: ns, range: ref.range };
      if (ref.key && containsPosition(ref.key.range, pos))
        return { type: 'key', kind: ref.kind, name: ref.name, key: ref.key.name, namespace: ns, range: ref.key.range };
    }
    for (const p of facts.pod?.ports ?? []) {
      if (p.name !== undefined && containsPosition(p.range, pos))
        return { type: 'containerPort', name: p.name, template: b, range: p.range };
    }
    for (const t of facts.service?.targetPorts ?? []) {
      if (typeof t.value === 'string' && containsPosition(t.range, pos))
        return { type: 'targetPort', name: t.value, service: b, range: t.range };
    }
    const label =
      labelAt(facts.pod?.labels, pos) ??
      labelAt(facts.pod?.selector, pos) ??
      labelAt(facts.service?.selector, pos) ??
      labelAt(facts.labels, pos);
    if (label) return label;
  }
  return undefined;
}

/** Sites once each: a file two kustomizations build appears in both builds. */
function unique(sites: SiteLocation[]): SiteLocation[] {
  const seen = new Set<string>();
  return sites.filter((s) => {
    const key = `${s.uri}|${s.range.start.line}:${s.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where the symbol is defined: the object, the container ports a targetPort names, the labels a selector selects. */
export function definitions(index: WorkspaceIndex, sym: WorkspaceSymbol): SiteLocation[] {
  const out: SiteLocation[] = [];
  const built = index.built();
  if (sym.type === 'object' || sym.type === 'key') {
    for (const { object, facts } of built) {
      if (object.kind !== sym.kind || object.name !== sym.name || !compatible(object.namespace, sym.namespace))
        continue;
      // A key's definition is its line in the data; the object's name when the key is not there.
      const key = sym.type === 'key' ? facts.keys?.find((k) => k.key === sym.key) : undefined;
      out.push({ uri: object.location.uri, range: key?.range ?? object.location.nameRange ?? object.location.range });
    }
  } else if (sym.type === 'targetPort') {
    for (const b of selectedBy(built, sym.service)) {
      for (const p of b.facts.pod?.ports ?? [])
        if (p.name === sym.name) out.push({ uri: b.object.location.uri, range: p.range });
    }
  } else if (sym.type === 'label') {
    // From a Service selector entry: the template labels it selects.
    for (const b of built) {
      for (const s of b.facts.pod?.labels ?? [])
        if (s.key === sym.key && s.value === sym.value)
          out.push({ uri: b.object.location.uri, range: sym.part === 'key' ? s.keyRange : s.valueRange });
    }
  } else {
    out.push({ uri: sym.template.object.location.uri, range: sym.range });
  }
  return unique(out);
}

function selectedBy(built: readonly BuiltObject[], service: BuiltObject): BuiltObject[] {
  const selector = service.object.selector;
  if (!selector) return [];
  return built.filter(
    (b) =>
      b.object.podTemplate &&
      compatible(b.object.namespace, service.object.namespace) &&
      selects(selector, b.object.podTemplate.labels),
  );
}

/** Every label site (template labels, workload selectors, Service selectors, metadata labels) of a key and value. */
export function labelSites(index: WorkspaceIndex, key: string, value: string, part: 'key' | 'value'): SiteLocation[] {
  const out: SiteLocation[] = [];
  for (const b of index.built()) {
    const uri = b.object.location.uri;
    const all = [
      ...(b.facts.pod?.labels ?? []),
      ...(b.facts.pod?.selector ?? []),
      ...(b.facts.service?.selector ?? []),
      ...b.facts.labels,
    ];
    for (const s of all)
      if (s.key === key && s.value === value) out.push({ uri, range: part === 'key' ? s.keyRange : s.valueRange });
  }
  return unique(out);
}

/** Every place the symbol is written: the definitions (when asked) and each reference to it. */
export function references(index: WorkspaceIndex, sym: WorkspaceSymbol, includeDeclaration: boolean): SiteLocation[] {
  const out: SiteLocation[] =
    includeDeclaration && sym.type !== 'label' && sym.type !== 'targetPort' ? definitions(index, sym) : [];
  const built = index.built();
  if (sym.type === 'object' || sym.type === 'key') {
    for (const b of built) {
      for (const ref of b.facts.pod?.references ?? []) {
        if (ref.kind !== sym.kind || ref.name !== sym.name || !compatible(b.object.namespace, sym.namespace)) continue;
        if (sym.type === 'key' && ref.key?.name !== sym.key) continue;
        out.push({ uri: b.object.location.uri, range: sym.type === 'key' && ref.key ? ref.key.range : ref.range });
      }
    }
  } else if (sym.type === 'label') {
    out.push(...labelSites(index, sym.key, sym.value, sym.part));
  } else if (sym.type === 'containerPort') {
    const labels = sym.template.object.podTemplate?.labels ?? {};
    for (const s of built) {
      if (!s.object.selector || !selects(s.object.selector, labels)) continue;
      if (!compatible(s.object.namespace, sym.template.object.namespace)) continue;
      for (const t of s.facts.service?.targetPorts ?? [])
        if (t.value === sym.name) out.push({ uri: s.object.location.uri, range: t.range });
    }
  } else {
    out.push({ uri: sym.service.object.location.uri, range: sym.range });
    out.push(...definitions(index, sym));
  }
  return unique(out);
}

/** Where a rename of the symbol edits: an object's name everywhere it is written, or a label's key or value. */
export function renameSites(index: WorkspaceIndex, sym: WorkspaceSymbol): SiteLocation[] | undefined {
  if (sym.type === 'label') return labelSites(index, sym.key, sym.value, sym.part);
  if (sym.type !== 'object' || (sym.kind !== 'ConfigMap' && sym.kind !== 'Secret')) return undefined;
  const sites = references(index, sym, true);
  // A generator's name is its definition too.
  for (const file of index.allFiles()) {
    for (const g of file.kustomization?.generators ?? [])
      if (g.kind === sym.kind && g.name === sym.name) sites.push({ uri: file.uri, range: g.nameRange });
  }
  return unique(sites);
}

/**
 * Where an object is written, for hovers and messages: the last two path segments of its file, and the line unless
 * `withLine` is false (findings in other files keep their text while this file's lines move).
 */
export function whereWritten(location: { uri: string; range: Range; nameRange?: Range }, withLine = true): string {
  const file = location.uri.split('/').slice(-2).join('/');
  let shown = file;
  try {
    shown = decodeURIComponent(file);
  } catch {
    // a malformed escape: show the URI's own text
  }
  return withLine ? `${shown} line ${(location.nameRange ?? location.range).start.line + 1}` : shown;
}
