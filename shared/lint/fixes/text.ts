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

/** Escapes literal text for a snippet (`$`, `}` and `\` are snippet syntax). */
export function snippetLiteral(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
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
