/**
 * Form widgets of the assumptions editor. Every control has an accessible label and a `data-field` naming
 * its scenario path (`containers.app.runs[0].exitCode`), which is also how validation errors find it.
 * Numbers are text inputs (inputmode decimal) so a rebuilt editor can restore the caret exactly. Listeners
 * go through `on` and read the event's `currentTarget`: after a morph the handler comes from a freshly built
 * (detached) tree but the element is the one on screen.
 */
import { readNumber } from '../model/facts';
import { h, icon, on } from './dom';

interface Base {
  field: string;
  label: string;
}

export function numberField(
  o: Base & {
    value: number | null;
    onValue: (n: number | null) => void;
    min?: number;
    max?: number;
    integer?: boolean;
    placeholder?: string;
    /** An empty field is a valid answer (null), e.g. "never". */
    optional?: boolean;
    disabled?: boolean;
  },
): HTMLInputElement {
  const input = h('input', {
    type: 'text',
    inputmode: o.integer ? 'numeric' : 'decimal',
    class: 'num',
    'data-field': o.field,
    'aria-label': o.label,
    value: o.value === null ? '' : String(o.value),
    placeholder: o.placeholder,
    disabled: o.disabled,
    spellcheck: 'false',
    autocomplete: 'off',
  });
  on(input, 'input', (e) => {
    const el = e.currentTarget as HTMLInputElement;
    const empty = el.value.trim() === '';
    const n = readNumber(el.value, o.min ?? 0, o.max ?? 1_000_000, o.integer);
    const ok = n !== null || (empty && o.optional === true);
    el.classList.toggle('invalid', !ok);
    el.setAttribute('aria-invalid', String(!ok));
    if (ok) o.onValue(n);
  });
  return input;
}

export function textField(
  o: Base & { value: string; onValue: (v: string) => void; placeholder?: string },
): HTMLInputElement {
  const input = h('input', {
    type: 'text',
    class: 'text',
    'data-field': o.field,
    'aria-label': o.label,
    value: o.value,
    placeholder: o.placeholder,
    spellcheck: 'false',
    autocomplete: 'off',
  });
  on(input, 'input', (e) => o.onValue((e.currentTarget as HTMLInputElement).value.trim()));
  return input;
}

export function selectField<T extends string>(
  o: Base & { value: T; options: readonly { value: T; label: string }[]; onValue: (v: T) => void },
): HTMLSelectElement {
  const select = h(
    'select',
    { 'data-field': o.field, 'aria-label': o.label },
    ...o.options.map((opt) => h('option', { value: opt.value, selected: opt.value === o.value }, opt.label)),
  );
  on(select, 'change', (e) => o.onValue((e.currentTarget as HTMLSelectElement).value as T));
  return select;
}

export function checkField(
  o: Base & { checked: boolean; text: string; onValue: (v: boolean) => void },
): HTMLLabelElement {
  const box = h('input', { type: 'checkbox', 'data-field': o.field, 'aria-label': o.label, checked: o.checked });
  on(box, 'change', (e) => o.onValue((e.currentTarget as HTMLInputElement).checked));
  return h('label', { class: 'check' }, box, h('span', {}, o.text));
}

/** A small text between controls ("after", "s"). */
export const word = (text: string) => h('span', { class: 'word' }, text);

/**
 * One fact: its label, controls, the simulation's note when inferred, and a reset button when edited.
 * `fact` is the fact's path as printed (`containers.app.runs`), for tests and error matching.
 */
export function factRow(o: {
  fact: string;
  label: string;
  controls: (Node | null)[];
  note: string | null;
  edited: boolean;
  onReset: () => void;
}): HTMLElement {
  const reset = h(
    'button',
    {
      type: 'button',
      class: 'icon-button small',
      'aria-label': `Reset ${o.label} to the inferred value`,
      title: 'Reset to the inferred value',
      'data-testid': 'reset-fact',
    },
    icon('discard'),
  );
  on(reset, 'click', o.onReset);
  return h(
    'div',
    { class: `fact${o.edited ? ' edited' : ''}`, 'data-fact': o.fact, 'data-edited': o.edited ? 'true' : 'false' },
    h('div', { class: 'fact-label' }, o.label),
    h(
      'div',
      { class: 'fact-controls' },
      ...o.controls,
      o.edited ? h('span', { class: 'badge' }, 'edited') : null,
      o.edited ? reset : null,
    ),
    o.note && !o.edited ? h('div', { class: 'fact-note' }, o.note) : null,
  );
}
