/**
 * Where an exit-driven finding points (the command that exits) and how the kubelet's restart back-off spaces the
 * restarts, shared by crashloop-predicted and init-never-succeeds.
 */
import type { ContainerView } from '../../../../model';
import type { Range } from '../../../../util/range';
import type { Outcome } from './prediction';

/** The default crash-loop schedule (the Kubernetes v1.36 kubelet), in the words the messages use. */
export const BACKOFF_SCHEDULE =
  'the first restart is immediate, then the kubelet waits 10 s, 20 s, 40 s, 80 s, 160 s and from then on 300 s ' +
  'after each exit';

export interface CommandSite {
  range: Range;
  path: (string | number)[];
  /** `command` is written; else `args` run as the command, or the image's known default. */
  explicit: boolean;
}

/** Where what decides the outcome is written: `command`, `args` that read as a command, or the image. */
export function commandSite(c: ContainerView, outcome: Outcome): CommandSite | undefined {
  switch (outcome.source) {
    case 'command':
      return c.command.kind === 'value'
        ? { range: c.command.range, path: [...c.path, 'command'], explicit: true }
        : undefined;
    case 'args':
      return c.args.kind === 'value' ? { range: c.args.range, path: [...c.path, 'args'], explicit: false } : undefined;
    case 'image':
      return c.image.kind === 'value'
        ? { range: c.image.range, path: [...c.path, 'image'], explicit: false }
        : undefined;
  }
}

/** ` after 5 s`, or nothing for an exit at once. */
export const after = (seconds: number) => (seconds > 0 ? ` after ${seconds} s` : ' at once');
