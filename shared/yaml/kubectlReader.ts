/**
 * Where kubectl's reader rejects or drops what the `yaml` package accepts. kubectl cuts a file into documents with
 * apimachinery's line-based YAMLReader (`pkg/util/yaml/decoder.go`: a line starting with `---` ends a document and
 * may carry only a comment) and converts each with sigs.k8s.io/yaml over go-yaml v2, which reads only the first
 * document of a piece (content after `...` is dropped), fails on an alias of an unknown anchor, on a list or map
 * as a key and on the YAML 1.2 escape `\/`. A directive (`%YAML 1.1`) is cut off from its `---` by the line reader
 * and fails alone. These checks report each as kubectl would meet it.
 */
import { type Document, isAlias, isCollection, isScalar, type Node, Scalar, visit } from 'yaml';
import type { LineIndex } from './lineIndex';
import type { SyntaxIssue } from './syntaxIssue';

function issue(
  lines: LineIndex,
  start: number,
  end: number,
  message: string,
  severity: 'error' | 'warning',
  code = 'KUBECTL_READER',
) {
  return {
    code,
    severity,
    message,
    range: { start: lines.positionAt(start), end: lines.positionAt(Math.max(end, start + 1)) },
  } satisfies SyntaxIssue;
}

/** Content after `---` on its own line, which kubectl's line reader refuses (`--- |`, `--- {a: 1}`). */
export function separatorIssues(text: string, lines: LineIndex): SyntaxIssue[] {
  if (!text.startsWith('---')) return [];
  const lineEnd = text.search(/\r?\n|$/);
  const rest = text.slice(3, lineEnd);
  const trimmed = rest.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return [];
  const start = 3 + rest.indexOf(trimmed);
  return [
    issue(
      lines,
      start,
      3 + rest.trimEnd().length,
      `kubectl reads documents line by line and allows only a comment after ---: it fails with "invalid Yaml ` +
        `document separator: ${trimmed}". Move this content to the next line.`,
      'error',
    ),
  ];
}

/** A `%YAML` or `%TAG` directive: kubectl's line reader hands it to go-yaml without the document it introduces. */
export function directiveIssue(offset: number, source: string, lines: LineIndex): SyntaxIssue {
  return issue(
    lines,
    offset,
    offset + source.trimEnd().length,
    'kubectl cuts the file at "---" lines, so this directive reaches its YAML parser alone and fails with ' +
      '"did not find expected <document start>". Remove the directive.',
    'error',
  );
}

/** A document after `...` in the same `---` piece: go-yaml reads only the first, so kubectl never sends it. */
export function droppedDocumentIssue(doc: Document.Parsed, lines: LineIndex): SyntaxIssue | undefined {
  if (doc.contents === null) return undefined;
  const [start, end] = doc.contents.range ?? doc.range;
  return issue(
    lines,
    start,
    Math.min(end, lines.text.indexOf('\n', start) === -1 ? end : lines.text.indexOf('\n', start)),
    'This document follows a "..." document end without a "---" line: kubectl reads only the first document ' +
      'between two "---" lines and silently ignores this one. Start it with "---".',
    'warning',
    'DROPPED_BY_KUBECTL',
  );
}

/** Escapes of a double-quoted scalar's source that go-yaml v2 does not know (`\/`, YAML 1.2 only). */
function unknownEscape(source: string): number | undefined {
  for (let i = 1; i < source.length - 1; i++) {
    if (source[i] !== '\\') continue;
    if (source[i + 1] === '/') return i;
    i++;
  }
  return undefined;
}

/** Aliases of unknown anchors, collections as keys and `\/` escapes, each an error kubectl reports. */
export function decodeIssues(doc: Document.Parsed, lines: LineIndex): SyntaxIssue[] {
  const text = lines.text;
  const [from, , to] = doc.range;
  const slice = text.slice(from, to);
  const aliases = slice.includes('*');
  // Only an explicit `? ` key can be a collection in a block map; a flow map keyed by a collection is not checked.
  const keys = slice.includes('? ');
  const escapes = slice.includes('\\/');
  if (!aliases && !keys && !escapes) return [];
  const out: SyntaxIssue[] = [];
  const anchors = new Set<string>();
  visit(doc, {
    Node(_, node: Node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source) && node.range) {
          out.push(
            issue(
              lines,
              node.range[0],
              node.range[1],
              `kubectl fails: unknown anchor '${node.source}' referenced`,
              'error',
            ),
          );
        }
        return;
      }
      if (node.anchor) anchors.add(node.anchor);
      if (escapes && isScalar(node) && node.type === Scalar.QUOTE_DOUBLE && node.range) {
        const at = unknownEscape(text.slice(node.range[0], node.range[1]));
        if (at !== undefined) {
          const start = node.range[0] + at;
          out.push(
            issue(
              lines,
              start,
              start + 2,
              'kubectl (go-yaml v2, YAML 1.1) fails with "found unknown escape character": \\/ is YAML 1.2 only. Write / alone.',
              'error',
            ),
          );
        }
      }
    },
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (keys && isCollection(key) && key.range) {
        out.push(
          issue(
            lines,
            key.range[0],
            key.range[1],
            'kubectl fails with "invalid map key": a list or map cannot be a key in JSON.',
            'error',
          ),
        );
      }
    },
  });
  return out;
}
