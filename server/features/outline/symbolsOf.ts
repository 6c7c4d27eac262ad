/**
 * Outline symbols of one parsed document: named by kind and name, with its containers (init containers and
 * native sidecars marked) as children.
 */
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { type ContainerView, fieldValue, type ManifestDocument } from '../../../shared/model';
import { shiftRange } from '../../../shared/util/range';

export function shiftSymbol(s: DocumentSymbol, d: number): DocumentSymbol {
  return {
    ...s,
    range: shiftRange(s.range, d),
    selectionRange: shiftRange(s.selectionRange, d),
    ...(s.children && { children: s.children.map((c) => shiftSymbol(c, d)) }),
  };
}

const ROLE = { init: 'init container', sidecar: 'native sidecar', regular: 'container' } as const;

function containerSymbol(c: ContainerView): DocumentSymbol {
  const name = fieldValue(c.name) ?? `${c.list}[${c.index}]`;
  const image = fieldValue(c.image);
  return {
    name,
    detail: `${ROLE[c.role]}${image ? ` · ${image}` : ''}`,
    kind: c.role === 'regular' ? SymbolKind.Object : SymbolKind.Event,
    range: c.range,
    selectionRange: c.name.kind === 'absent' ? c.range : c.name.range,
  };
}

export function documentSymbol(doc: ManifestDocument): DocumentSymbol | undefined {
  const contents = doc.ast.contents;
  if (
    !contents ||
    (doc.range.start.line === doc.range.end.line && doc.range.start.character === doc.range.end.character)
  ) {
    return undefined;
  }
  const kind = fieldValue(doc.kind);
  const name = doc.pod ? fieldValue(doc.pod.metadata.name) : undefined;
  const selection = doc.kind.kind !== 'absent' ? doc.kind.range : doc.range;
  const symbol: DocumentSymbol = {
    // Only chart templates whose markers hide the kind come here without one (see ./index).
    name: kind ? `${kind}${name ? ` ${name}` : ''}` : 'Helm template',
    detail: fieldValue(doc.apiVersion),
    kind: doc.pod ? SymbolKind.Class : SymbolKind.Module,
    range: doc.range,
    selectionRange: selection,
  };
  if (doc.pod) symbol.children = [...doc.pod.initContainers, ...doc.pod.containers].map(containerSymbol);
  return symbol;
}
