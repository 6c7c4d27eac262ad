/**
 * What the core fuzz runs: a damaged manifest file, cursor positions, and a scenario for the simulation (one written
 * for the generated container names, or arbitrary JSON that the scenario reader must reject cleanly).
 */
import fc from 'fast-check';
import type { CoreJob } from './coreChecks';
import { manifestFile } from './manifests';
import { applyMutations, mutations } from './mutations';

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const cursors = fc.array(fc.tuple(fraction, fraction), { minLength: 1, maxLength: 12 });

const run = fc.oneof(
  fc.record({ forever: fc.constant(true) }),
  fc.record({ exitCode: fc.integer({ min: 0, max: 255 }), afterSeconds: fc.integer({ min: 0, max: 120 }) }),
  fc.record({ oom: fc.constant(true), afterSeconds: fc.integer({ min: 0, max: 60 }) }),
);
const probeAnswer = fc.oneof(
  fc.record({ always: fc.constantFrom('success', 'failure') }),
  fc.record({ healthyWhileAgeBelow: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ successFromAge: fc.integer({ min: 0, max: 300 }), responseSeconds: fc.integer({ min: 0, max: 5 }) }),
);
/** Scenarios for the generated container names, plus arbitrary JSON (the scenario reader must reject it cleanly). */
const scenario = fc.oneof(
  fc.record(
    {
      images: fc.dictionary(
        fc.constantFrom('nginx', 'nginx:latest', 'Bad:Image'),
        fc.record({ present: fc.boolean(), pullable: fc.boolean(), pullSeconds: fc.integer({ min: 0, max: 30 }) }),
      ),
      containers: fc.dictionary(
        fc.constantFrom('app', 'web', 'sidecar', 'init-db', 'x'),
        fc.record(
          {
            runs: fc.array(run, { minLength: 1, maxLength: 3 }),
            probes: fc.record(
              { startup: probeAnswer, liveness: probeAnswer, readiness: probeAnswer },
              { requiredKeys: [] },
            ),
            onSigterm: fc.oneof(
              fc.constant('ignore'),
              fc.record({ exitCode: fc.integer({ min: 0, max: 143 }), afterSeconds: fc.integer({ min: 0, max: 60 }) }),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      actions: fc.array(fc.record({ atSeconds: fc.integer({ min: 0, max: 600 }), do: fc.constant('delete') }), {
        maxLength: 1,
      }),
      until: fc.integer({ min: 1, max: 3600 }),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

/** One run of the core fuzz: a generated manifest file after random damage, cursors, a scenario, a horizon. */
export const coreJob: fc.Arbitrary<CoreJob> = fc.record({
  text: fc.tuple(manifestFile, mutations).map(([text, ms]) => applyMutations(text, ms)),
  path: fc.constantFrom('pod.yaml', 'overlays/prod/patch.yaml', 'untitled:Untitled-1'),
  cursors,
  scenario: fc.option(scenario, { nil: undefined }),
  until: fc.integer({ min: 1, max: 3600 }),
});
