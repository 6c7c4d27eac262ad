// The resolved pod view: containers in the kubelet's order, effective grace period and restart policy.
import { describe, expect, it } from 'vitest';
import { containerName, type PodView, parseManifests, resolvePod } from '../../../shared/model';

function podOf(yaml: string): PodView {
  const pod = parseManifests(yaml).documents[0]?.pod;
  if (!pod) throw new Error('manifest has no pod view');
  return pod;
}

const pod = (spec: string) => podOf(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`);

const template = (kind: string, apiVersion: string, spec: string) =>
  podOf(
    `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: w}\nspec:\n  template:\n    spec:\n${spec}      containers: [{name: a, image: busybox}]\n`,
  );

describe('resolvePod containers', () => {
  const view = pod(
    [
      '  containers:',
      '  - {name: app, image: nginx}',
      '  - {image: nginx}',
      '  initContainers:',
      '  - {name: migrate, image: busybox}',
      '  - {name: proxy, image: envoy, restartPolicy: Always}',
      '  - {name: warm, image: busybox}',
      '',
    ].join('\n'),
  );

  it('lists init containers and sidecars in spec order, then the regular containers, whatever the key order', () => {
    expect(resolvePod(view).containers.map((c) => [c.name, c.role, c.order, c.index])).toEqual([
      ['migrate', 'init', 0, 0],
      ['proxy', 'sidecar', 1, 1],
      ['warm', 'init', 2, 2],
      ['app', 'regular', 3, 0],
      ['containers[1]', 'regular', 4, 1],
    ]);
  });

  it('names the containers that keep running: sidecars, then the regular ones', () => {
    expect(resolvePod(view).longRunning.map(containerName)).toEqual(['proxy', 'app', 'containers[1]']);
  });

  it('is computed once per view', () => {
    expect(resolvePod(view)).toBe(resolvePod(view));
    expect(resolvePod(pod('  containers: [{name: a, image: nginx}]\n'))).not.toBe(resolvePod(view));
  });

  it('survives a spec without containers', () => {
    expect(resolvePod(pod('  restartPolicy: [\n')).containers).toEqual([]);
  });
});

describe('resolvePod gracePeriod', () => {
  const withGrace = (value: string) =>
    pod(`  terminationGracePeriodSeconds: ${value}\n  containers: [{name: a, image: nginx}]\n`);

  it.each([
    ['missing', pod('  containers: [{name: a, image: nginx}]\n'), 30, 'default'],
    ['written', withGrace('45'), 45, 'spec'],
    ['negative, treated as 1', withGrace('-5'), 1, 'spec'],
    ['templated', withGrace('"{{ .Values.grace }}"'), 30, 'assumed'],
  ])('%s', (_, view, seconds, source) => {
    expect(resolvePod(view).gracePeriod).toMatchObject({ seconds, source });
  });
});

describe('resolvePod restartPolicy', () => {
  it.each([
    ['a Pod without one', pod('  containers: [{name: a, image: nginx}]\n'), 'Always', 'default'],
    ['a Pod with Never', pod('  restartPolicy: Never\n  containers: [{name: a, image: nginx}]\n'), 'Never', 'spec'],
    [
      'a misspelt policy',
      pod('  restartPolicy: never\n  containers: [{name: a, image: nginx}]\n'),
      'Always',
      'assumed',
    ],
    ['a Job with OnFailure', template('Job', 'batch/v1', '      restartPolicy: OnFailure\n'), 'OnFailure', 'spec'],
  ])('%s', (_, view, policy, source) => {
    expect(resolvePod(view).restartPolicy).toMatchObject({ policy, source, default: 'Always' });
  });

  it.each([
    ['Pod', ['Always', 'OnFailure', 'Never'], pod('  containers: [{name: a, image: nginx}]\n')],
    ['Deployment', ['Always'], template('Deployment', 'apps/v1', '')],
    ['ReplicationController', ['Always'], template('ReplicationController', 'v1', '')],
    ['Job', ['OnFailure', 'Never'], template('Job', 'batch/v1', '')],
  ])('a %s allows %j', (_, allowed, view) => {
    expect(resolvePod(view).restartPolicy.allowed).toEqual(allowed);
  });

  it('notes that a Job defaults to a policy it rejects', () => {
    expect(resolvePod(template('Job', 'batch/v1', '')).restartPolicy).toMatchObject({
      policy: 'Always',
      defaulted: true,
      note: 'defaulted to Always, but Job templates must use OnFailure or Never',
    });
  });
});

describe('resolvePod namespace', () => {
  it('defaults to the default namespace', () => {
    expect(resolvePod(pod('  containers: [{name: a, image: nginx}]\n')).namespace).toBe('default');
    const inKubeSystem = podOf('apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: kube-system}\nspec: {}\n');
    expect(resolvePod(inKubeSystem).namespace).toBe('kube-system');
  });
});
