/**
 * What every part of the what-if editor shares: the input it renders from, the actions it calls, and the
 * helpers that read a fact's effective value (the override, else the simulation's assumption) and draw a
 * fact row or a collapsible section.
 */
import type { Assumptions, SimError } from '../../../shared/sim';
import { formatPath } from '../../../shared/util/range';
import { noteFor } from '../model/facts';
import { deleteIn, type FactPath, getIn, isEdited, type Overrides } from '../model/overrides';
import type { Simulation } from '../model/simulation';
import type { Lane } from '../model/timeline';
import { h, on } from './dom';
import { factRow } from './fields';

export interface AssumptionActions {
  edit(update: (o: Overrides) => Overrides): void;
  resetAll(): void;
  exportScenario(): void;
  loadScenario(): void;
  toggleSection(key: string, open: boolean): void;
}

export interface AssumptionsInput {
  assumptions: Assumptions;
  inferred: Simulation['inferred'];
  overrides: Overrides;
  lanes: readonly Lane[];
  /** The pod's effective terminationGracePeriodSeconds, the default grace of a delete. */
  gracePeriod: number;
  errors: readonly SimError[];
  collapsed: ReadonlySet<string>;
}

export type Ctx = AssumptionsInput & { actions: AssumptionActions };

export function value<T>(ctx: Ctx, path: FactPath): T | undefined {
  return (getIn(ctx.overrides, path) ?? getIn(ctx.assumptions, path)) as T | undefined;
}

export function fact(ctx: Ctx, path: FactPath, label: string, controls: (Node | null)[]): HTMLElement {
  return factRow({
    fact: formatPath(path),
    label,
    controls,
    note: noteFor(ctx.assumptions.notes, path),
    edited: isEdited(ctx.overrides, path),
    onReset: () => ctx.actions.edit((o) => deleteIn(o, path)),
  });
}

export function section(ctx: Ctx, key: string, title: (Node | string)[], children: (Node | null)[]): HTMLElement {
  const details = h(
    'details',
    { class: 'facts', open: !ctx.collapsed.has(key), 'data-section': key },
    h('summary', {}, ...title),
    ...children,
  );
  on(details, 'toggle', (e) => ctx.actions.toggleSection(key, (e.currentTarget as HTMLDetailsElement).open));
  return details;
}
