/**
 * DOM and SVG construction for the panel. Content only ever becomes text nodes or attribute values (never
 * HTML), so manifest text such as a container named `<img src=x onerror=alert(1)>` renders as text.
 * No `style` attributes either: the CSP forbids inline styles, so dynamic geometry goes through CSSOM.
 * `morph` updates a rendered tree from a freshly built one of the same shape, keeping focus and caret.
 */

export type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttrs(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** An HTML element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element with attributes and children. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Attrs,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** A codicon glyph; decorative, so hidden from assistive technology. */
export function icon(name: string, extraClass = ''): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name}${extraClass ? ` ${extraClass}` : ''}`, 'aria-hidden': 'true' });
}

/** Sets text only when it changed: stepping rewrites many cells and most do not change. */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Percent string for SVG geometry in track fractions. */
export const pct = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

const handlers = new WeakMap<EventTarget, Map<string, (e: Event) => void>>();

/** Adds a listener whose handler `morph` can later replace: the node stays, its closure is refreshed. */
export function on(el: Element, type: string, handler: (e: Event) => void): void {
  let map = handlers.get(el);
  if (!map) {
    map = new Map();
    handlers.set(el, map);
  }
  if (!map.has(type)) el.addEventListener(type, (e) => handlers.get(el)?.get(type)?.(e));
  map.set(type, handler);
}

function sameShape(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
  if (a instanceof HTMLInputElement && a.type !== (b as HTMLInputElement).type) return false;
  const ac = a.childNodes;
  const bc = b.childNodes;
  if (ac.length !== bc.length) return false;
  for (let i = 0; i < ac.length; i++) if (!sameShape(ac[i] as Node, bc[i] as Node)) return false;
  return true;
}

/** While the user edits a control, its validity marking is theirs, not the re-render's. */
const KEEP_WHILE_FOCUSED = new Set(['class', 'aria-invalid', 'value', 'checked']);

function patch(a: Node, b: Node): void {
  if (!(a instanceof Element) || !(b instanceof Element)) {
    if (a.nodeValue !== b.nodeValue) a.nodeValue = b.nodeValue;
    return;
  }
  const focused = a === document.activeElement;
  for (const attr of [...a.attributes]) {
    if (!b.hasAttribute(attr.name) && !(focused && KEEP_WHILE_FOCUSED.has(attr.name))) a.removeAttribute(attr.name);
  }
  for (const attr of b.attributes) {
    if (a.getAttribute(attr.name) !== attr.value && !(focused && KEEP_WHILE_FOCUSED.has(attr.name))) {
      a.setAttribute(attr.name, attr.value);
    }
  }
  for (const [type, fn] of handlers.get(b) ?? []) on(a, type, fn);
  for (let i = 0; i < a.childNodes.length; i++) patch(a.childNodes[i] as Node, b.childNodes[i] as Node);
  if (focused) return;
  if (a instanceof HTMLInputElement) {
    a.value = (b as HTMLInputElement).value;
    a.checked = (b as HTMLInputElement).checked;
  } else if (a instanceof HTMLSelectElement) a.value = (b as HTMLSelectElement).value;
}

/**
 * Makes `target`'s children look like `source`'s when both trees have the same shape, keeping target's
 * nodes (focus, caret, scroll, open sections). Returns false, changing nothing, when the shapes differ.
 */
export function morphChildren(target: Element, source: Element): boolean {
  if (target.childNodes.length !== source.childNodes.length) return false;
  for (let i = 0; i < target.childNodes.length; i++) {
    if (!sameShape(target.childNodes[i] as Node, source.childNodes[i] as Node)) return false;
  }
  for (let i = 0; i < target.childNodes.length; i++) patch(target.childNodes[i] as Node, source.childNodes[i] as Node);
  return true;
}
