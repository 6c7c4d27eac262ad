/**
 * Diagnostics people read: the Problems panel shows one line, so a finding's message is one line of at most
 * MAX_MESSAGE_LENGTH characters naming the problem; the explanation (why, what follows, what to do) goes to
 * `detail`, which the hover and the rule page show.
 */

/** Longest message a finding may have; the rule families and the message test share it. */
export const MAX_MESSAGE_LENGTH = 100;

/** `spec.template.spec.containers[0].ports[0].containerPort: Invalid value…`: the field path an API error starts with. */
const API_ERROR =
  /^([\w$-]+(?:\[[^\]]*\]|\.[\w$-]+)*): (Invalid value|Required value|Forbidden|Duplicate value|Unsupported value|Not found|Too long)\b/;

/** The last field of a path as API errors print it (`ports[0].containerPort` → `containerPort`, `args[2]` kept). */
function lastField(path: string): string {
  let depth = 0;
  for (let i = path.length - 1; i >= 0; i--) {
    const ch = path[i];
    if (ch === ']') depth++;
    else if (ch === '[') depth--;
    else if (ch === '.' && depth === 0) return path.slice(i + 1);
  }
  return path;
}

/** Where a Go-printed value (`"a \"b\""`, `0`, `{}`) that starts at `from` ends. */
function valueEnd(text: string, from: number): number {
  if (text[from] !== '"') {
    const colon = text.indexOf(': ', from);
    return colon === -1 ? text.length : colon;
  }
  for (let i = from + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/**
 * An API error on one line: `field: Type: value: detail` from its last field on, then without the upstream
 * detail (a regex explanation can be 300 characters), then without the value (a 64-character name).
 */
function shortApiError(field: string, kind: string, rest: string): string {
  const full = `${field}: ${kind}${rest}`;
  if (full.length <= MAX_MESSAGE_LENGTH) return full;
  const cut = full.lastIndexOf(': ', MAX_MESSAGE_LENGTH);
  const head = `${field}: ${kind}`;
  if (cut > head.length) return full.slice(0, cut);
  // The value alone is too long: the range shows it, the message keeps the reason.
  const afterValue = rest.startsWith(': ') ? rest.slice(valueEnd(rest, 2)) : rest;
  const reason = `${head}${afterValue}`;
  return reason.length <= MAX_MESSAGE_LENGTH ? reason : head;
}

/**
 * The message a finding shows, and the detail behind it. An API-server error too long for one line is shown
 * from its last field on (the diagnostic's range already points at the field) and, if need be, without its
 * upstream explanation; its exact wording, full path included, stays in the detail so it can be searched for.
 * @example
 *   fitMessage('spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 0: must be between …')
 *   // { message: 'containerPort: Invalid value: 0: must be between …', detail: 'spec.template.spec.…' }
 */
export function fitMessage(message: string, detail?: string): { message: string; detail?: string } {
  if (message.length <= MAX_MESSAGE_LENGTH && !message.includes('\n')) return { message, ...(detail && { detail }) };
  const api = API_ERROR.exec(message);
  if (!api) return { message, ...(detail && { detail }) };
  const [head, path, kind] = api as unknown as [string, string, string];
  const short = shortApiError(lastField(path), kind, message.slice(head.length));
  return { message: short, detail: detail ? `${message}\n\n${detail}` : message };
}

/**
 * A user's name or value quoted for a headline, shortened in the middle when long (the range shows it whole).
 * @example quoted('a'.repeat(63)) // '"aaaaaaaaaaaaaaaaaa…aaaaaaaaaaaaaaaaaa"'
 */
export function quoted(text: string, max = 40): string {
  if (text.length <= max) return JSON.stringify(text);
  const half = Math.floor((max - 1) / 2);
  return JSON.stringify(`${text.slice(0, half)}…${text.slice(text.length - half)}`);
}
