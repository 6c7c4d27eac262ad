/**
 * The what-if editor: every fact of the effective scenario (inferred or edited), editable in place. A
 * change becomes an override in the scenario format and re-simulates at once; "Reset" drops all overrides,
 * a fact's own reset drops one. After a change the editor is updated in place when its shape is the same
 * (a value edit), else rebuilt with focus and caret restored (a different run mode adds or removes inputs).
 * Pod-level facts live here; a container's facts in ./containerFacts.ts.
 */
import type { Assumptions, SimError } from '../../../shared/sim';
import { formatPath } from '../../../shared/util/range';
import { getIn, setIn } from '../model/overrides';
import { containerSection } from './containerFacts';
import { h, icon, morphChildren } from './dom';
import { type AssumptionActions, type AssumptionsInput, type Ctx, fact, section, value } from './factKit';
import { checkField, numberField, textField, word } from './fields';

function podFacts(ctx: Ctx): HTMLElement {
  const del = value<Assumptions['actions']>(ctx, ['actions'])?.[0];
  const setDelete = (at: number | null, grace: number | null | undefined) =>
    ctx.actions.edit((o) =>
      setIn(
        o,
        ['actions'],
        at === null ? [] : [{ atSeconds: at, do: 'delete', ...(grace == null ? {} : { gracePeriodSeconds: grace }) }],
      ),
    );
  return section(
    ctx,
    'pod',
    ['Pod'],
    [
      fact(ctx, ['actions'], 'Deleted at', [
        numberField({
          field: 'actions[0].atSeconds',
          label: 'Delete the pod at (seconds); empty: never',
          value: del?.atSeconds ?? null,
          optional: true,
          placeholder: 'never',
          onValue: (n) => setDelete(n, del?.gracePeriodSeconds),
        }),
        word('s, grace'),
        numberField({
          field: 'actions[0].gracePeriodSeconds',
          label: 'Grace period of the delete (seconds)',
          value: del?.gracePeriodSeconds ?? null,
          optional: true,
          integer: true,
          placeholder: String(ctx.gracePeriod),
          disabled: !del,
          onValue: (n) => del && setDelete(del.atSeconds, n),
        }),
        word('s'),
      ]),
      fact(ctx, ['until'], 'Simulated for', [
        numberField({
          field: 'until',
          label: 'Simulated seconds',
          value: value<number>(ctx, ['until']) ?? null,
          min: 1,
          max: 86_400,
          onValue: (n) => n !== null && ctx.actions.edit((o) => setIn(o, ['until'], n)),
        }),
        word('s'),
      ]),
    ],
  );
}

function nodeFacts(ctx: Ctx): HTMLElement {
  const allocatable = value<Record<string, string>>(ctx, ['node', 'allocatable']) ?? {};
  return section(
    ctx,
    'node',
    ['Node allocatable'],
    [
      ...Object.keys(allocatable).map((resource) =>
        fact(ctx, ['node', 'allocatable', resource], resource, [
          textField({
            field: `node.allocatable.${resource}`,
            label: `Node allocatable ${resource}`,
            value: allocatable[resource] ?? '',
            onValue: (v) => v && ctx.actions.edit((o) => setIn(o, ['node', 'allocatable', resource], v)),
          }),
        ]),
      ),
    ],
  );
}

function imageFacts(ctx: Ctx): HTMLElement | null {
  const images = Object.keys(ctx.inferred.images);
  if (images.length === 0) return null;
  return section(
    ctx,
    'images',
    ['Images'],
    [
      ...images.map((image) => {
        const path = ['images', image];
        const facts = {
          ...ctx.inferred.images[image],
          ...ctx.assumptions.images[image],
          ...(getIn(ctx.overrides, path) as object),
        } as {
          present: boolean;
          pullable: boolean;
          pullSeconds: number;
        };
        const patch = (p: Partial<typeof facts>) =>
          ctx.actions.edit((o) => setIn(o, path, { ...(getIn(o, path) as object), ...p }));
        const field = formatPath(path);
        return fact(ctx, path, image, [
          checkField({
            field: `${field}.present`,
            label: `${image} is cached on the node`,
            text: 'cached on the node',
            checked: facts.present,
            onValue: (v) => patch({ present: v }),
          }),
          checkField({
            field: `${field}.pullable`,
            label: `${image} can be pulled`,
            text: 'pull succeeds',
            checked: facts.pullable,
            onValue: (v) => patch({ pullable: v }),
          }),
          word('pull takes'),
          numberField({
            field: `${field}.pullSeconds`,
            label: `Seconds a pull of ${image} takes`,
            value: facts.pullSeconds,
            onValue: (n) => n !== null && patch({ pullSeconds: n }),
          }),
          word('s'),
        ]);
      }),
    ],
  );
}

const REFERENCE_NOUN = { configMaps: 'ConfigMap', secrets: 'Secret', services: 'Service' } as const;

function referenceFacts(ctx: Ctx, kind: 'configMaps' | 'secrets' | 'services'): HTMLElement | null {
  const names = [...new Set([...ctx.inferred[kind], ...(value<string[]>(ctx, [kind]) ?? [])])];
  if (names.length === 0) return null;
  const existing = new Set(value<string[]>(ctx, [kind]) ?? []);
  const label = `${REFERENCE_NOUN[kind]}s`;
  return section(
    ctx,
    kind,
    [label],
    [
      fact(ctx, [kind], `${label} that exist`, [
        ...names.map((name) =>
          checkField({
            field: `${kind}.${name}`,
            label: `${REFERENCE_NOUN[kind]} ${name} exists`,
            text: name,
            checked: existing.has(name),
            onValue: (v) =>
              ctx.actions.edit((o) =>
                setIn(
                  o,
                  [kind],
                  names.filter((n) => (n === name ? v : existing.has(n))),
                ),
              ),
          }),
        ),
      ]),
    ],
  );
}

export class AssumptionsView {
  readonly el: HTMLElement;
  private readonly body = h('div', { class: 'facts-body' });
  private readonly errors = h('div', {
    class: 'fact-errors',
    role: 'alert',
    hidden: true,
    'data-testid': 'what-if-errors',
  });
  private readonly reset: HTMLButtonElement;
  private readonly count = h('span', { class: 'edited-count', 'data-testid': 'edited-count' });

  constructor(private readonly actions: AssumptionActions) {
    const tool = (id: string, label: string, glyph: string, onClick: () => void) => {
      const b = h(
        'button',
        { type: 'button', class: 'tool-button', 'data-testid': id, id, title: label },
        icon(glyph),
        label,
      );
      b.addEventListener('click', onClick);
      return b;
    };
    this.reset = tool('reset-assumptions', 'Reset', 'discard', actions.resetAll);
    this.el = h(
      'div',
      { class: 'assumptions', 'data-testid': 'assumptions' },
      h(
        'div',
        { class: 'toolbar' },
        this.count,
        tool('load-scenario', 'Load…', 'folder-opened', actions.loadScenario),
        tool('export-scenario', 'Export…', 'export', actions.exportScenario),
        this.reset,
      ),
      this.errors,
      this.body,
    );
  }

  /** How many facts the last render marked as edited: the what-if banner and the CodeLens count the same. */
  editedCount(): number {
    return this.body.querySelectorAll('.fact.edited').length;
  }

  render(input: AssumptionsInput): void {
    const ctx: Ctx = { ...input, actions: this.actions };
    const next = h(
      'div',
      {},
      ...[
        podFacts(ctx),
        ...input.lanes.map((lane) => containerSection(ctx, lane)),
        imageFacts(ctx),
        referenceFacts(ctx, 'configMaps'),
        referenceFacts(ctx, 'secrets'),
        referenceFacts(ctx, 'services'),
        nodeFacts(ctx),
      ],
    );
    // A value edit keeps the editor's shape: update it in place, so the control being typed in stays put.
    if (!morphChildren(this.body, next)) {
      const focus = captureFocus(this.body);
      this.body.replaceChildren(...next.childNodes);
      restoreFocus(this.body, focus);
    }
    const edited = this.editedCount();
    this.count.textContent = edited === 0 ? 'All inferred' : `${edited} edited`;
    this.reset.disabled = Object.keys(input.overrides).length === 0;
    this.showErrors(input.errors);
  }

  private showErrors(errors: readonly SimError[]): void {
    this.errors.hidden = errors.length === 0;
    this.errors.replaceChildren(
      ...errors.map((e) => h('div', {}, icon('error', 'fact-error-icon'), `${e.field}: ${e.message}`)),
    );
    for (const e of errors) {
      const field = e.field.replace(/^scenario\./, '');
      for (const input of this.body.querySelectorAll<HTMLElement>('[data-field]')) {
        if (field.startsWith(input.dataset.field ?? '\0')) {
          input.classList.add('invalid');
          input.setAttribute('aria-invalid', 'true');
        }
      }
    }
  }
}

interface FocusMemo {
  field: string;
  start: number | null;
  end: number | null;
}

function captureFocus(root: HTMLElement): FocusMemo | null {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement) || !root.contains(el) || !el.dataset.field) return null;
  const text = el instanceof HTMLInputElement && el.type === 'text';
  return {
    field: el.dataset.field,
    start: text ? (el as HTMLInputElement).selectionStart : null,
    end: text ? (el as HTMLInputElement).selectionEnd : null,
  };
}

function restoreFocus(root: HTMLElement, memo: FocusMemo | null): void {
  if (!memo) return;
  const el = [...root.querySelectorAll<HTMLElement>('[data-field]')].find((e) => e.dataset.field === memo.field);
  if (!el) return;
  el.focus({ preventScroll: true });
  if (el instanceof HTMLInputElement && el.type === 'text' && memo.start !== null)
    el.setSelectionRange(memo.start, memo.end);
}
