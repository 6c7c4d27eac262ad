/**
 * Text-level helpers for fixes: line endings, a line's indentation, and snippet escaping. Fixes edit the
 * user's text, never a re-serialised AST, so comments, quoting and blank lines stay exactly as written.
 */
import type { LineIndex } from '../../yaml/lineIndex';

/** The line ending the text already uses (CRLF when any line ends with it). */
export function eolOf(lines: LineIndex): '\n' | '\r\n' {
  return lines.text.includes('\r\n') ? '\r\n' : '\n';
}

/** The leading spaces and tabs of a file line. */
export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** YAML 1.1 words kubectl reads as booleans or null (the Kubernetes v1.36 kubelet manifests are decoded with YAML 1.1 rules). */
const RESERVED =
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

/**
 * A string as a YAML scalar that reads back as that string: plain when it is safe, else double-quoted.
 * @example yamlPlain('web') === 'web'; yamlPlain('123') === '"123"'
 */
export function yamlPlain(value: string): string {
  const safe = /^[A-Za-z_/][\w./-]*$/.test(value) && !RESERVED.test(value);
  return safe ? value : JSON.stringify(value);
}

/** Escapes literal text for a snippet (`$`, `}` and `\` are snippet syntax). */
export function snippetLiteral(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * A snippet placeholder: tab stop `index` with default text (escaped).
 * @example tabStop(1, 'tag') === '${1:tag}'
 */
export function tabStop(index: number, text: string): string {
  return `\${${index}:${snippetLiteral(text)}}`;
}

/**
 * A snippet's plain-text equivalent, for clients without snippet edits: each placeholder becomes its default
 * text, tab stops vanish, escapes are undone.
 * @example snippetToPlain('nginx:${1:tag}') === 'nginx:tag'
 */
export function snippetToPlain(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i] as string;
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1] as string)) {
      out += snippet[++i];
    } else if (c === '$' && snippet[i + 1] === '{') {
      const m = /^\$\{\d+:?/.exec(snippet.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else if (c === '}') {
      // the end of a placeholder; a literal `}` is always escaped in our snippets
    } else {
      out += c;
    }
  }
  return out;
}
