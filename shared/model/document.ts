/**
 * The manifest model: a file's text becomes documents with apiVersion/kind, a pod view for the eight pod
 * kinds, template and kustomize-patch detection, and syntax issues with exact ranges. Pure and total.
 */
import { type Document, isMap, isScalar, visit } from 'yaml';
import type { Range } from '../util/range';
import { type ParsedYamlDocument, parseSegment, type SyntaxIssue } from '../yaml/parse';
import { type Segment, splitSegments } from '../yaml/split';
import { type Complexity, overBudget } from './complexity';
import { type Field, readers } from './field';
import type { KustomizeContext } from './kustomize';
import { applyKustomization } from './kustomizeEffects';
import { DocContext } from './nodes';
import { findPlaceholders, type Placeholder } from './placeholders';
import { buildPodView } from './podView';
import { type PodView, WORKLOAD_KINDS, type WorkloadKind } from './types';

export interface ManifestDocument {
  /** 0-based index of the YAML document in its file. */
  index: number;
  ctx: DocContext;
  ast: Document.Parsed;
  /** Range of the document's content. */
  range: Range;
  apiVersion: Field<string>;
  kind: Field<string>;
  /** Has both apiVersion and kind: other YAML is ignored silently. */
  isKubernetes: boolean;
  /** Set for the eight kinds that carry a pod spec. */
  workload?: WorkloadKind;
  pod?: PodView;
  /** What kustomize adds to this object when it builds it: fields it supplies are not missing. */
  kustomize?: KustomizeContext;
  /** A kustomize patch or other partial object: never gets "missing required field" findings. */
  partial?: PartialReason;
  /** Substitution placeholders (`${VAR}`, `<name>`, …) in checked fields: those fields are not analysed. */
  placeholders: Placeholder[];
  /** Go/Helm template markers change this document's structure: it is not analysed. */
  templated?: { range: Range };
  /** Too many nodes to analyse within a bounded time: parsed, but without pod view, placeholders or lint rules. */
  tooComplex?: Complexity;
  issues: SyntaxIssue[];
}

export type PartialReason = '$patch' | 'kustomize-patch-file' | 'patch-file-name';

export interface ParseOptions {
  /** The file's path or URI; patch-like names mark documents partial. */
  path?: string;
  /** Set when a kustomization.yaml lists this file as a patch. */
  kustomizePatch?: boolean;
  /** What the kustomizations that build this file (its `resources`) add to each object in it. */
  kustomize?: KustomizeContext;
  /**
   * Set when the file sits in a Helm chart's `templates/` directory (a Chart.yaml above it): its documents are
   * templates even where the markers hide apiVersion and kind.
   */
  helmTemplate?: boolean;
  /** Most nodes a document may have and still be analysed (./complexity); NODE_LIMIT when omitted. */
  nodeLimit?: number;
}

export interface ManifestFile {
  documents: ManifestDocument[];
  /** One informational issue when Helm/Go-template markers were found. */
  templateNotice?: SyntaxIssue;
}

const PATCH_NAME = /(^|[\\/_.-])patch(es)?([\\/_.-]|$)/i;

/**
 * Why every Kubernetes document of a file is partial, from the file alone (its name, a kustomization naming it);
 * a `$patch` key marks single documents on top of this.
 */
export function filePartialReason(options: ParseOptions): PartialReason | undefined {
  if (options.kustomizePatch) return 'kustomize-patch-file';
  return options.path && PATCH_NAME.test(options.path) ? 'patch-file-name' : undefined;
}

function hasPatchDirective(doc: Document.Parsed, text: string): boolean {
  // A full AST visit per document is costly; only documents that mention the key can have it.
  if (!text.includes('$patch')) return false;
  let found = false;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '$patch') {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Finds template markers that change YAML structure: `{{` in a key, in a plain scalar or flow collection, or
 * anywhere when the document does not parse. Markers inside quoted or block strings (a ConfigMap holding a
 * Go template, a label value "{{x}}") leave the structure intact and only make that one value unknown.
 */
function structuralTemplate(parsed: ParsedYamlDocument): { range: Range } | undefined {
  const text = parsed.lines.text.slice(parsed.span[0], parsed.span[1]);
  const first = text.indexOf('{{');
  if (first === -1) return undefined;
  const at = (offset: number) => {
    const p = parsed.lines.positionAt(offset);
    return { range: { start: p, end: parsed.lines.positionAt(offset + 2) } };
  };
  if (parsed.issues.some((i) => i.severity === 'error')) return at(parsed.span[0] + first);
  let hit: number | undefined;
  visit(parsed.ast, {
    Scalar(key, node) {
      if (typeof node.value !== 'string' || !node.value.includes('{{')) return undefined;
      const quotedOrBlock = node.type && node.type !== 'PLAIN';
      if (key === 'key' || !quotedOrBlock) {
        hit = node.range?.[0] ?? parsed.span[0] + first;
        return visit.BREAK;
      }
      return undefined;
    },
    Map(_, node) {
      if (node.flow && node.items.length === 1 && isMap(node.items[0]?.key)) {
        hit = node.range?.[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return hit === undefined ? undefined : at(hit);
}

function toDocument(parsed: ParsedYamlDocument, index: number, options: ParseOptions): ManifestDocument {
  const ctx = new DocContext(parsed.ast, parsed.lines);
  const root = ctx.asMap(parsed.ast.contents);
  const range = {
    start: parsed.lines.positionAt(parsed.span[0]),
    end: parsed.lines.positionAt(parsed.span[1]),
  };
  const apiVersion = readers.string(ctx, root, 'apiVersion');
  const kind = readers.string(ctx, root, 'kind');
  const doc: ManifestDocument = {
    index,
    ctx,
    ast: parsed.ast,
    range,
    apiVersion,
    kind,
    isKubernetes: apiVersion.kind !== 'absent' && kind.kind !== 'absent',
    placeholders: [],
    issues: parsed.issues,
  };
  // Template markers matter only in our documents: `${{ matrix.node }}` in a CI workflow is not a Helm template.
  const templated = doc.isKubernetes || options.helmTemplate ? structuralTemplate(parsed) : undefined;
  if (templated) {
    doc.templated = templated;
    return doc;
  }
  // Counted for every object-shaped document: a manifest with a misspelled `kind` key is linted too (../lint/kinds).
  if (root) doc.tooComplex = overBudget(parsed.ast, options.nodeLimit);
  if (!root || !doc.isKubernetes || doc.tooComplex) return doc;
  doc.placeholders = findPlaceholders(ctx, parsed.lines.text.slice(parsed.span[0], parsed.span[1]));
  doc.partial = hasPatchDirective(parsed.ast, parsed.lines.text) ? '$patch' : filePartialReason(options);
  if (kind.kind === 'value' && (WORKLOAD_KINDS as readonly string[]).includes(kind.value)) {
    doc.workload = kind.value as WorkloadKind;
    doc.pod = buildPodView(ctx, root, doc.workload);
  }
  if (options.kustomize) applyKustomization(doc, options.kustomize);
  return doc;
}

/** Parses one segment (see ../yaml/split) into manifest documents numbered from `firstIndex`. */
export function parseSegmentDocuments(segment: Segment, firstIndex: number, options: ParseOptions = {}) {
  return parseSegment(segment).map((p, i) => toDocument(p, firstIndex + i, options));
}

/**
 * Parses a whole file.
 * @example
 *   const file = parseManifests('apiVersion: v1\nkind: Pod\n...');
 *   file.documents[0]?.pod?.containers[0]?.image
 */
export function parseManifests(text: string, options: ParseOptions = {}): ManifestFile {
  const documents: ManifestDocument[] = [];
  for (const segment of splitSegments(text)) {
    documents.push(...parseSegmentDocuments(segment, documents.length, options));
  }
  return { documents, templateNotice: templateNotice(documents) };
}

/** The single informational issue for a file whose documents use Helm/Go-template markers. */
export function templateNotice(documents: readonly ManifestDocument[]): SyntaxIssue | undefined {
  const templated = documents.filter((d) => d.templated);
  const first = templated[0]?.templated;
  return first ? templateNoticeAt(first.range, templated.length, documents.length) : undefined;
}

/** The template notice from counts, for callers that assemble a file from separately analysed segments. */
export function templateNoticeAt(range: Range, templated: number, total: number): SyntaxIssue {
  return {
    code: 'TEMPLATE',
    severity: 'info',
    range,
    message: `Helm/Go-template markers ({{ }}): ${templated} of ${total} document(s) are not analysed`,
  };
}

/** Documents that podlens analyses: Kubernetes objects that are not templates. */
export function isAnalysable(doc: ManifestDocument): boolean {
  return doc.isKubernetes && !doc.templated;
}
