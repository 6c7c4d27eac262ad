// Lint and the lifecycle simulation read one prediction (issue 13): whenever lint says a container will
// crash-loop, never finish its init, fail its postStart hook or fail a probe, the zero-config simulation shows
// exactly that, and the other way round. Walks examples/, every fixture manifest and ../shared/real-manifests.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintDocuments } from '../../../shared/lint';
import { type ManifestDocument, parseManifests } from '../../../shared/model';
import type { ContainerView, PodView } from '../../../shared/model/types';
import { fileObjects, predictContainer, type SimulationResult, simulate } from '../../../shared/sim';
import { formatPath } from '../../../shared/util/range';
import { FIXTURES } from './checkSim';

const ROOT = path.resolve(__dirname, '../../..');
const REAL = path.resolve(ROOT, '../shared/real-manifests');
/** Long enough for every run this model follows to end (loops give up at 3600 s) and to show its restarts. */
const UNTIL = 4000;

const yamlFiles = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
        .sort()
        .map((f) => ({
          name: path.relative(ROOT, path.join(dir, f)),
          text: fs.readFileSync(path.join(dir, f), 'utf8'),
        }))
    : [];

/** The manifests written inline in the simulation's case files. */
function caseManifests() {
  return yamlFiles(path.join(FIXTURES, 'sim')).flatMap((file) =>
    (parse(file.text) as { name: string; manifest?: string }[])
      .filter((c) => c.manifest)
      .map((c) => ({ name: `${file.name}: ${c.name}`, text: c.manifest as string })),
  );
}

type Claim = string;

const nameOf = (c: ContainerView) => (c.name.kind === 'value' ? c.name.value : `${c.list}[${c.index}]`);

/** What lint claims, as `rule container` strings (probe findings name the probe kind too). */
function lintClaims(doc: ManifestDocument, pod: PodView): Set<Claim> {
  const claims = new Set<Claim>();
  const rules = [
    'crashloop-predicted',
    'init-never-succeeds',
    'poststart-predicted-to-fail',
    'probe-predicted-to-fail',
  ];
  for (const f of lintDocuments([doc])) {
    if (!rules.includes(f.rule)) continue;
    const c = [...pod.initContainers, ...pod.containers].find(
      (x) => f.path === formatPath(x.path) || f.path.startsWith(`${formatPath(x.path)}.`),
    );
    if (!c) continue;
    const probe = f.rule === 'probe-predicted-to-fail' ? ` ${f.path.slice(f.path.lastIndexOf('.') + 1)}` : '';
    claims.add(`${f.rule} ${nameOf(c)}${probe}`);
  }
  return claims;
}

function containerSnapshots(r: SimulationResult, name: string) {
  return r.steps.flatMap((s) =>
    [...s.snapshot.initContainers, ...s.snapshot.containers].filter((c) => c.name === name),
  );
}

function events(r: SimulationResult, c: ContainerView, reason: string) {
  const object = `spec.${c.list}{${nameOf(c)}}`;
  return r.steps.flatMap((s) => s.events.filter((e) => e.object === object && e.reason === reason));
}

/** What the simulation shows, in the same words; `undefined` when the container never ran there. */
function simClaims(
  doc: ManifestDocument,
  pod: PodView,
  r: SimulationResult,
): { claims: Set<Claim>; skipped: string[] } {
  const claims = new Set<Claim>();
  const skipped: string[] = [];
  for (const c of [...pod.initContainers, ...pod.containers]) {
    const name = nameOf(c);
    const snaps = containerSnapshots(r, name);
    const ran = snaps.some((s) => s.state === 'running' || s.state === 'terminated');
    // Lint sees one document: a prediction that depends on a Service of the file is the preview's alone.
    const onService = predictContainer(pod, c, new Set()).main.execution.waitsFor.length > 0;
    // A command the runtime cannot start at all is RunContainerError, not a prediction of what it does.
    const cannotStart = snaps.some((s) => s.reason === 'RunContainerError');
    // restartPolicyRules are not modelled by the simulation, and lint leaves them alone.
    const rules = doc.ast.getIn([...c.path, 'restartPolicyRules']) !== undefined;
    if (!ran || onService || cannotStart || rules) {
      skipped.push(name);
      continue;
    }
    const kills = events(r, c, 'Killing').map((e) => e.message);
    const hookFailed = events(r, c, 'FailedPostStartHook').length > 0;
    if (hookFailed) claims.add(`poststart-predicted-to-fail ${name}`);
    for (const kind of ['liveness', 'startup'] as const)
      if (kills.some((m) => m.includes(`failed ${kind} probe`)))
        claims.add(`probe-predicted-to-fail ${name} ${kind}Probe`);
    const probeOrHookKill = hookFailed || kills.some((m) => m.includes('probe'));
    if (c.role === 'init') {
      const succeeded = snaps.some((s) => s.state === 'terminated' && s.exitCode === 0);
      if (!succeeded) claims.add(`init-never-succeeds ${name}`);
    } else if (!probeOrHookKill && snaps.some((s) => s.reason === 'CrashLoopBackOff')) {
      claims.add(`crashloop-predicted ${name}`);
    }
  }
  return { claims, skipped };
}

/** A readiness probe lint says always fails: the simulation never shows the container ready. */
function readinessHolds(pod: PodView, r: SimulationResult, lint: Set<Claim>): string[] {
  const wrong: string[] = [];
  for (const c of [...pod.initContainers, ...pod.containers]) {
    if (!lint.has(`probe-predicted-to-fail ${nameOf(c)} readinessProbe`)) continue;
    if (containerSnapshots(r, nameOf(c)).some((s) => s.ready)) wrong.push(`${nameOf(c)} became ready`);
  }
  return wrong;
}

function compare(file: { name: string; text: string }): { disagreements: string[]; compared: number; agreed: number } {
  const documents = parseManifests(file.text, { path: file.name }).documents;
  const objects = fileObjects(documents);
  const disagreements: string[] = [];
  let compared = 0;
  let agreed = 0;
  for (const doc of documents) {
    const pod = doc.pod;
    if (!pod || doc.templated) continue;
    const r = simulate(pod, undefined, { until: UNTIL, objects });
    if (r.steps.length === 0) continue;
    const lint = lintClaims(doc, pod);
    const sim = simClaims(doc, pod, r);
    for (const skip of sim.skipped) for (const claim of lint) if (claim.split(' ')[1] === skip) lint.delete(claim);
    const readiness = [...lint].filter((c) => c.endsWith('readinessProbe'));
    for (const c of readiness) lint.delete(c);
    const where = `${file.name} #${doc.index}`;
    for (const c of lint)
      if (!sim.claims.has(c)) disagreements.push(`${where}: lint says "${c}", the simulation does not`);
    for (const c of sim.claims)
      if (!lint.has(c)) disagreements.push(`${where}: the simulation shows "${c}", lint does not`);
    for (const w of readinessHolds(pod, r, new Set(readiness))) disagreements.push(`${where}: readiness ${w}`);
    agreed += [...lint].filter((c) => sim.claims.has(c)).length + readiness.length;
    compared++;
  }
  return { disagreements, compared, agreed };
}

describe('lint and the zero-config simulation agree', () => {
  const own = [
    ...yamlFiles(path.join(ROOT, 'examples')),
    ...yamlFiles(path.join(FIXTURES, 'seeds')),
    ...caseManifests(),
  ];

  it('on examples/ and every fixture manifest', () => {
    const results = own.map(compare);
    expect(results.flatMap((r) => r.disagreements)).toEqual([]);
    // Sanity: the walk really compared pods, and lint really predicted something in them.
    expect(results.reduce((n, r) => n + r.compared, 0)).toBeGreaterThan(100);
    expect(results.reduce((n, r) => n + r.agreed, 0)).toBeGreaterThan(20);
  });

  const real = yamlFiles(REAL);
  it.skipIf(real.length === 0)('on ../shared/real-manifests (skipped when that directory is absent)', () => {
    const results = real.map(compare);
    expect(results.flatMap((r) => r.disagreements)).toEqual([]);
    expect(results.reduce((n, r) => n + r.compared, 0)).toBeGreaterThan(20);
  });
});
