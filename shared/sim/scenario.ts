/**
 * The scenario format: runtime facts a manifest cannot state (node size, image cache, what each container
 * does, probe answers, hooks, existing ConfigMaps/Secrets, client actions). Every field is optional;
 * `parseScenario` never throws and names the offending field in each error.
 */
import { z } from 'zod';
import { parseQuantity } from '../k8s/quantity';
import { formatPath } from '../util/range';

const seconds = z.number().finite().nonnegative();
const exitCode = z.number().int().min(0).max(255);

const quantity = z.string().superRefine((text, ctx) => {
  const q = parseQuantity(text);
  if (!q.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, message: q.error });
});

/** Exactly one of the listed keys must be present. */
function oneOf<T extends z.ZodRawShape>(shape: T, keys: (keyof T & string)[]) {
  return z
    .object(shape)
    .strict()
    .superRefine((value, ctx) => {
      const present = keys.filter((k) => (value as Record<string, unknown>)[k] !== undefined);
      if (present.length !== 1) {
        const message =
          present.length === 0
            ? `needs one of: ${keys.join(', ')}`
            : `takes only one of ${keys.join(', ')} (got ${present.join(' and ')})`;
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      }
    });
}

const probe = oneOf(
  {
    always: z.enum(['success', 'failure']).optional(),
    healthyWhileAgeBelow: seconds.optional(),
    successFromAge: seconds.optional(),
    responseSeconds: seconds.optional(),
  },
  ['always', 'healthyWhileAgeBelow', 'successFromAge'],
);

const run = z
  .object({
    forever: z.literal(true).optional(),
    exitCode: exitCode.optional(),
    oom: z.literal(true).optional(),
    memory: quantity.optional(),
    afterSeconds: seconds.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    if (r.forever === undefined && r.exitCode === undefined && r.oom === undefined && r.memory === undefined) {
      issue('needs one of: forever, exitCode, oom, memory');
    } else if (r.forever && (r.exitCode !== undefined || r.oom || r.memory || r.afterSeconds !== undefined)) {
      issue('`forever` takes no other field');
    } else if (r.oom && (r.exitCode !== undefined || r.memory)) issue('`oom` takes only `afterSeconds`');
  });

const hook = z
  .object({ result: z.enum(['success', 'failure']).optional(), durationSeconds: seconds.optional() })
  .strict();

const container = z
  .object({
    runs: z.array(run).min(1).optional(),
    startError: z.string().min(1).optional(),
    probes: z
      .object({ startup: probe.optional(), liveness: probe.optional(), readiness: probe.optional() })
      .strict()
      .optional(),
    postStart: hook.optional(),
    preStop: hook.optional(),
    onSigterm: z
      .union([z.literal('ignore'), z.object({ exitCode, afterSeconds: seconds.optional() }).strict()])
      .optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    node: z
      .object({
        name: z.string().min(1).optional(),
        allocatable: z.record(quantity).optional(),
        labels: z.record(z.string()).optional(),
        taints: z
          .array(
            z
              .object({
                key: z.string().min(1),
                value: z.string().optional(),
                effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
              })
              .strict(),
          )
          .optional(),
      })
      .strict()
      .optional(),
    images: z
      .record(
        z
          .object({
            present: z.boolean().optional(),
            pullable: z.boolean().optional(),
            pullSeconds: seconds.optional(),
          })
          .strict(),
      )
      .optional(),
    containers: z.record(container).optional(),
    configMaps: z.array(z.string()).optional(),
    secrets: z.array(z.string()).optional(),
    actions: z
      .array(
        z
          .object({
            atSeconds: seconds,
            do: z.literal('delete'),
            gracePeriodSeconds: z.number().int().nonnegative().optional(),
          })
          .strict(),
      )
      .optional(),
    until: z.number().finite().positive().max(1_000_000).optional(),
    /** The notes of an `assumptions` object fed back as a scenario: ignored. */
    notes: z.record(z.string()).optional(),
  })
  .strict();

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type ContainerScenario = z.output<typeof container>;

export interface SimError {
  /** Where: `scenario.containers.app.runs[0].exitCode`, `spec.containers`, ... */
  field: string;
  message: string;
}

/**
 * Validates a scenario (already decoded from JSON).
 * @example
 *   parseScenario({ until: -1 }) // { ok: false, errors: [{ field: 'scenario.until', message: 'Number must be greater than 0' }] }
 */
export function parseScenario(input: unknown): { ok: true; scenario: Scenario } | { ok: false; errors: SimError[] } {
  const parsed = scenarioSchema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, scenario: parsed.data };
  const errors = parsed.error.issues.map((issue) => {
    const keys = issue.code === z.ZodIssueCode.unrecognized_keys ? issue.keys : [];
    const path = formatPath(['scenario', ...issue.path]);
    return keys.length > 0
      ? { field: `${path}.${keys[0]}`, message: `unknown field${keys.length > 1 ? `s ${keys.join(', ')}` : ''}` }
      : { field: path, message: issue.message };
  });
  return { ok: false, errors };
}
