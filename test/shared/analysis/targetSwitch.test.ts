// Issue 17: switching the target version keeps every segment analysis whose recorded range of targets holds the
// new one. Sound means the findings after a switch are exactly a fresh analysis's under the new target, for every
// manifest of the corpus (test/fixtures, examples/ and, when present, the real manifests beside the repository),
// over a walk through minors and feature-gate overrides that also comes back to earlier targets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AnalysisHost, type AnalysisSpec } from '../../../shared/analysis';
import { type Finding, targetOf } from '../../../shared/lint';
import { SIZED_POD } from '../../helpers/manifests';

const ROOT = path.resolve(__dirname, '../../..');
const REAL = path.resolve(ROOT, '../shared/real-manifests');

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f))
    .sort();
}

const corpus = [...yamlFiles(path.join(ROOT, 'test/fixtures')), ...yamlFiles(path.join(ROOT, 'examples'))];
if (existsSync(REAL)) corpus.push(...yamlFiles(REAL));
else console.info(`target switch corpus: ${REAL} is absent, so only the repository's own manifests are switched`);

// Each walk analyses the whole corpus once per target: minutes on a loaded shared machine, not a hang.
const CORPUS_TIMEOUT_MS = 300_000;

const files = [
  ...corpus.map((f) => ({ uri: pathToFileURL(f).href, text: readFileSync(f, 'utf8') })),
  // The repository's own manifests may all read the same on every target: this one never does (since v1.32), so
  // the walk can catch a stale analysis also without the real manifests.
  { uri: pathToFileURL(path.join(ROOT, 'test/version-dependent/sized.yaml')).href, text: SIZED_POD },
];

function spec(kubernetesVersion?: number, featureGates?: Record<string, boolean>): AnalysisSpec {
  return {
    config: {
      rules: {},
      ...(kubernetesVersion !== undefined && { kubernetesVersion }),
      ...(featureGates && { featureGates }),
    },
  };
}

function open(host: AnalysisHost): void {
  for (const f of files) host.applyChange(f.uri, 1, [{ text: f.text }]);
}

function findingsOf(host: AnalysisHost): Map<string, readonly Finding[]> {
  const analysis = host.snapshot();
  return new Map(files.map((f) => [f.uri, analysis.findings(f.uri)]));
}

const freshes = new Map<string, Map<string, readonly Finding[]>>();

/** Every file's findings in a new host under the spec, once per spec. */
function fresh(s: AnalysisSpec): Map<string, readonly Finding[]> {
  const key = JSON.stringify(s);
  let found = freshes.get(key);
  if (!found) {
    const host = new AnalysisHost(s);
    open(host);
    freshes.set(key, (found = findingsOf(host)));
  }
  return found;
}

/** Minors across the gates' steps, overrides of unlocked and GA-locked gates, and returns to earlier targets. */
const WALK: { name: string; spec: AnalysisSpec }[] = [
  { name: 'v1.36 (default)', spec: spec() },
  { name: 'v1.31', spec: spec(31) },
  { name: 'v1.36 again', spec: spec() },
  { name: 'v1.29', spec: spec(29) },
  { name: 'v1.32 SidecarContainers=false', spec: spec(32, { SidecarContainers: false }) },
  {
    name: 'v1.33 ContainerStopSignals=true PodLevelResources=true',
    spec: spec(33, { ContainerStopSignals: true, PodLevelResources: true }),
  },
  { name: 'v1.33 SidecarContainers=false (locked at GA)', spec: spec(33, { SidecarContainers: false }) },
  { name: 'v1.35 ImageVolume=false', spec: spec(35, { ImageVolume: false }) },
  { name: 'v1.36 ImageVolume=false', spec: spec(36, { ImageVolume: false }) },
  { name: 'v1.31 again', spec: spec(31) },
];

describe(`a target switch over ${files.length} manifests`, () => {
  it(
    'gives exactly the findings of a fresh analysis under the new target, at every step',
    () => {
      const host = new AnalysisHost(WALK[0]?.spec ?? spec());
      open(host);
      findingsOf(host);
      for (const step of WALK.slice(1)) {
        host.setSpec(step.spec);
        const got = findingsOf(host);
        const want = fresh(step.spec);
        for (const f of files) expect(got.get(f.uri), `${step.name}: ${f.uri}`).toEqual(want.get(f.uri));
      }
    },
    CORPUS_TIMEOUT_MS,
  );

  it(
    'gives each workspace folder’s files the findings of a fresh analysis under that folder’s target',
    () => {
      // Two folders of the corpus on different targets; the real manifests, outside both, follow the config's.
      const fixtures = pathToFileURL(path.join(ROOT, 'test/fixtures')).href;
      const examples = pathToFileURL(path.join(ROOT, 'examples')).href;
      const steps: [AnalysisSpec, AnalysisSpec, AnalysisSpec][] = [
        [spec(31), spec(), spec(33)],
        [spec(), spec(31), spec(33)],
        [spec(29), spec(31), spec(33)],
        [spec(32, { SidecarContainers: false }), spec(), spec(31)],
      ];
      const host = new AnalysisHost(spec());
      open(host);
      findingsOf(host);
      for (const [forFixtures, forExamples, forOthers] of steps) {
        const folderTargets = [
          { folder: fixtures, target: targetOf(forFixtures.config) },
          { folder: examples, target: targetOf(forExamples.config) },
        ];
        host.setSpec({ config: forOthers.config, folderTargets });
        const got = findingsOf(host);
        for (const f of files) {
          const own = f.uri.startsWith(`${fixtures}/`)
            ? forFixtures
            : f.uri.startsWith(`${examples}/`)
              ? forExamples
              : forOthers;
          expect(got.get(f.uri), `${JSON.stringify(folderTargets)}: ${f.uri}`).toEqual(fresh(own).get(f.uri));
        }
      }
    },
    CORPUS_TIMEOUT_MS,
  );

  it('has manifests whose findings differ between targets, so the walk can catch a stale analysis', () => {
    const newest = fresh(spec());
    const older = fresh(spec(31));
    const differ = files.filter((f) => JSON.stringify(newest.get(f.uri)) !== JSON.stringify(older.get(f.uri)));
    expect(differ.length).toBeGreaterThan(0);
  });
});

describe('what a target switch keeps', () => {
  const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:latest
`;
  // Pod-level resources arrived in v1.32: the same document is version-dependent.
  const NEWER = `---\n${SIZED_POD}`;
  const URI = 'file:///work/pods.yaml';

  function opened(s: AnalysisSpec): AnalysisHost {
    const host = new AnalysisHost(s);
    host.applyChange(URI, 1, [{ text: POD + NEWER }]);
    return host;
  }

  it('keeps the findings of a version-independent document, and re-analyses the one that names the version', () => {
    const host = opened(spec());
    const before = host.snapshot().findings(URI);
    const latest = before.find((f) => f.rule === 'latest-tag');
    host.setSpec(spec(31));
    const after = host.snapshot().findings(URI);
    expect(after.find((f) => f.rule === 'latest-tag')).toBe(latest);
    const unknown = after.find((f) => f.rule === 'unknown-field');
    expect(unknown?.message).toContain('v1.31');
    expect(before.some((f) => f.rule === 'unknown-field')).toBe(false);
  });

  it('answers a switch back with the previous target’s analyses', () => {
    const host = opened(spec(31));
    const on31 = host.snapshot().findings(URI);
    host.setSpec(spec());
    host.snapshot().findings(URI);
    host.setSpec(spec(31));
    const back = host.snapshot().findings(URI);
    expect(back).toEqual(on31);
    for (const f of back) expect(on31).toContain(f);
  });

  it('drops every analysis when rule levels change, since they change every finding', () => {
    const host = opened(spec());
    const latest = host
      .snapshot()
      .findings(URI)
      .find((f) => f.rule === 'latest-tag');
    expect(latest).toBeDefined();
    host.setSpec({ config: { rules: { 'latest-tag': 'off' } } });
    expect(
      host
        .snapshot()
        .findings(URI)
        .some((f) => f.rule === 'latest-tag'),
    ).toBe(false);
    host.setSpec(spec());
    const again = host
      .snapshot()
      .findings(URI)
      .find((f) => f.rule === 'latest-tag');
    expect(again).toEqual(latest);
    expect(again).not.toBe(latest);
  });
});
