/** Small Markdown helpers shared by the explanations: inline code, seconds, lists. */

/** Inline code that survives backticks in the text. */
export function code(text: string | number): string {
  const s = String(text);
  const fence = s.includes('`') ? '``' : '`';
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** `10 s`, the unit spelled the way the Kubernetes docs print durations in prose. */
export function secs(n: number): string {
  return `${n} s`;
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
