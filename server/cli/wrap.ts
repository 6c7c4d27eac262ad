/**
 * Word wrapping for the CLI's text output: breaks at spaces only, and not inside a `command` or a "quoted"
 * part of a message when it fits on a line, so commands read (and copy) as written.
 */

/** Words, with a backtick- or double-quoted span kept as one word. */
function words(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (ch === quote) quote = null;
    else if (quote === null && (ch === '`' || ch === '"')) quote = ch;
    if (ch === ' ' && quote === null) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

/** A quoted span longer than the line breaks at its spaces after all, a single word only at the width. */
function chunks(word: string, width: number): string[] {
  const out: string[] = [];
  for (const part of word.split(' ')) {
    for (let i = 0; i < part.length; i += width) out.push(part.slice(i, i + width));
  }
  return out;
}

/**
 * The lines of `text` within `width` characters (at least 10).
 * @example wrap('run `sh -c "exit 1"` now', 20) // ['run', '`sh -c "exit 1"`', 'now']
 */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(10, width);
  const lines: string[] = [];
  let line = '';
  for (const word of words(text)) {
    const parts = word.length > w ? chunks(word, w) : [word];
    for (const part of parts) {
      if (!line) line = part;
      else if (line.length + 1 + part.length <= w) line += ` ${part}`;
      else {
        lines.push(line);
        line = part;
      }
    }
  }
  lines.push(line);
  return lines;
}
