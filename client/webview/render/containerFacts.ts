/**
 * A container's facts in the what-if editor: its runs (exit code and run time per attempt, OOM, memory
 * peak), start error, probe answers, postStart/preStop outcomes and SIGTERM behaviour.
 */
import { formatPath } from '../../../shared/util/range';
import {
  formToProbe,
  formToRun,
  hookToForm,
  PROBE_MODES,
  type ProbeInput,
  probeToForm,
  RUN_MODES,
  type RunInput,
  runToForm,
  sigtermToForm,
} from '../model/facts';
import { deleteIn, setIn } from '../model/overrides';
import type { Lane } from '../model/timeline';
import { h, icon, on } from './dom';
import { type Ctx, fact, section, value } from './factKit';
import { numberField, selectField, textField, word } from './fields';

const PROBE_LABEL = { startup: 'Startup probe', liveness: 'Liveness probe', readiness: 'Readiness probe' } as const;

function runsFact(ctx: Ctx, name: string): HTMLElement {
  const path = ['containers', name, 'runs'];
  const runs = value<RunInput[]>(ctx, path) ?? [{ forever: true }];
  const field = formatPath(path);
  const setRuns = (next: RunInput[]) => ctx.actions.edit((o) => setIn(o, path, next));
  const rows = runs.map((run, i) => {
    const f = runToForm(run);
    const update = (p: Partial<typeof f>) => setRuns(runs.map((r, j) => (j === i ? formToRun({ ...f, ...p }) : r)));
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'icon-button small',
        'aria-label': `Remove attempt ${i + 1} of ${name}`,
        title: 'Remove this attempt',
      },
      icon('close'),
    );
    on(remove, 'click', () => setRuns(runs.filter((_, j) => j !== i)));
    return h(
      'div',
      { class: 'run', 'data-run': i },
      runs.length > 1 ? h('span', { class: 'run-index' }, `#${i + 1}`) : null,
      selectField({
        field: `${field}[${i}].mode`,
        label: `${name} attempt ${i + 1}`,
        value: f.mode,
        options: RUN_MODES,
        onValue: (mode) => update({ mode }),
      }),
      f.mode === 'exit'
        ? numberField({
            field: `${field}[${i}].exitCode`,
            label: `${name} attempt ${i + 1} exit code`,
            value: f.exitCode,
            integer: true,
            max: 255,
            onValue: (n) => n !== null && update({ exitCode: n }),
          })
        : null,
      f.mode === 'memory'
        ? textField({
            field: `${field}[${i}].memory`,
            label: `${name} attempt ${i + 1} memory peak`,
            value: f.memory,
            placeholder: '512Mi',
            onValue: (v) => v && update({ memory: v }),
          })
        : null,
      f.mode === 'forever' ? null : word('after'),
      f.mode === 'forever'
        ? null
        : numberField({
            field: `${field}[${i}].afterSeconds`,
            label: `${name} attempt ${i + 1} runs for (seconds)`,
            value: f.afterSeconds,
            onValue: (n) => n !== null && update({ afterSeconds: n }),
          }),
      f.mode === 'forever' ? null : word('s'),
      runs.length > 1 ? remove : null,
    );
  });
  const add = h('button', { type: 'button', class: 'link-button', 'data-testid': 'add-run' }, icon('add'), 'attempt');
  on(add, 'click', () => setRuns([...runs, runs[runs.length - 1] ?? { forever: true }]));
  return fact(ctx, path, 'Runs', [
    h(
      'div',
      { class: 'runs' },
      ...rows,
      h('div', { class: 'runs-foot' }, add, h('span', { class: 'word' }, 'the last attempt repeats')),
    ),
  ]);
}

function probeFact(ctx: Ctx, name: string, type: keyof typeof PROBE_LABEL): HTMLElement {
  const path = ['containers', name, 'probes', type];
  const probe = value<ProbeInput>(ctx, path) ?? { always: 'success' };
  const f = probeToForm(probe);
  const set = (mode: typeof f.mode, seconds: number) =>
    ctx.actions.edit((o) => setIn(o, path, formToProbe(mode, seconds, probe)));
  const timed = f.mode === 'successFromAge' || f.mode === 'healthyWhileAgeBelow';
  return fact(ctx, path, PROBE_LABEL[type], [
    selectField({
      field: `${formatPath(path)}.mode`,
      label: `${name} ${PROBE_LABEL[type]}`,
      value: f.mode,
      options: PROBE_MODES,
      onValue: (mode) => set(mode, f.seconds || 30),
    }),
    timed
      ? numberField({
          field: `${formatPath(path)}.seconds`,
          label: `${name} ${PROBE_LABEL[type]} age (seconds)`,
          value: f.seconds,
          onValue: (n) => n !== null && set(f.mode, n),
        })
      : null,
    timed ? word('s') : null,
  ]);
}

function hookFact(ctx: Ctx, name: string, kind: 'postStart' | 'preStop'): HTMLElement {
  const path = ['containers', name, kind];
  const f = hookToForm(value(ctx, path));
  const set = (p: Partial<typeof f>) => ctx.actions.edit((o) => setIn(o, path, { ...f, ...p }));
  return fact(ctx, path, `${kind} hook`, [
    selectField({
      field: `${formatPath(path)}.result`,
      label: `${name} ${kind} hook result`,
      value: f.result,
      options: [
        { value: 'success', label: 'succeeds' },
        { value: 'failure', label: 'fails' },
      ],
      onValue: (result) => set({ result }),
    }),
    word('after'),
    numberField({
      field: `${formatPath(path)}.durationSeconds`,
      label: `${name} ${kind} hook duration (seconds)`,
      value: f.durationSeconds,
      onValue: (n) => n !== null && set({ durationSeconds: n }),
    }),
    word('s'),
  ]);
}

function sigtermFact(ctx: Ctx, name: string): HTMLElement {
  const path = ['containers', name, 'onSigterm'];
  const f = sigtermToForm(value(ctx, path));
  const set = (ignore: boolean, exitCode: number, afterSeconds: number) =>
    ctx.actions.edit((o) => setIn(o, path, ignore ? 'ignore' : { exitCode, afterSeconds }));
  return fact(ctx, path, 'On SIGTERM', [
    selectField({
      field: `${formatPath(path)}.mode`,
      label: `${name} on SIGTERM`,
      value: f.ignore ? 'ignore' : 'exit',
      options: [
        { value: 'exit', label: 'exits with code' },
        { value: 'ignore', label: 'ignores it (SIGKILL)' },
      ],
      onValue: (mode) => set(mode === 'ignore', f.exitCode === 137 ? 143 : f.exitCode, f.afterSeconds),
    }),
    f.ignore
      ? null
      : numberField({
          field: `${formatPath(path)}.exitCode`,
          label: `${name} exit code on SIGTERM`,
          value: f.exitCode,
          integer: true,
          max: 255,
          onValue: (n) => n !== null && set(false, n, f.afterSeconds),
        }),
    f.ignore ? null : word('after'),
    f.ignore
      ? null
      : numberField({
          field: `${formatPath(path)}.afterSeconds`,
          label: `${name} seconds to exit after SIGTERM`,
          value: f.afterSeconds,
          onValue: (n) => n !== null && set(false, f.exitCode, n),
        }),
    f.ignore ? null : word('s'),
  ]);
}

function startErrorFact(ctx: Ctx, name: string): HTMLElement | null {
  const path = ['containers', name, 'startError'];
  const message = value<string>(ctx, path);
  if (message === undefined) return null;
  const runsPath = ['containers', name, 'runs'];
  return fact(ctx, path, 'Start error', [
    textField({
      field: formatPath(path),
      label: `${name} start error (empty: starts normally)`,
      value: message,
      placeholder: 'starts normally',
      // Clearing it must also pin the runs, or inference would bring the start error back.
      onValue: (v) =>
        ctx.actions.edit((o) =>
          v ? setIn(o, path, v) : deleteIn(setIn(o, runsPath, value(ctx, runsPath) ?? [{ forever: true }]), path),
        ),
    }),
  ]);
}

export function containerSection(ctx: Ctx, lane: Lane): HTMLElement {
  const { name, view } = lane;
  const probes = (['startup', 'liveness', 'readiness'] as const).filter((t) => view[`${t}Probe`]);
  return section(
    ctx,
    `container:${name}`,
    [
      lane.type === 'regular' ? '' : h('span', { class: 'lane-type' }, lane.type),
      h('span', { class: 'container-name' }, name),
    ],
    [
      runsFact(ctx, name),
      startErrorFact(ctx, name),
      ...probes.map((t) => probeFact(ctx, name, t)),
      view.lifecycle.postStart ? hookFact(ctx, name, 'postStart') : null,
      view.lifecycle.preStop ? hookFact(ctx, name, 'preStop') : null,
      sigtermFact(ctx, name),
    ],
  );
}
