// Kubernetes variable expansion of command and args, before any shell: the kubelet's
// third_party/forked/golang/expansion/expand.go (v1.36) and makeEnvironmentVariables in kubelet_pods.go.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../shared/model';
import { containerEnv } from '../../../shared/sim/infer/env';
import { expand } from '../../../shared/util/expand';

const VARS = new Map([
  ['GREETING', 'Warm greetings to'],
  ['NAME', 'Kubernetes'],
  ['EMPTY', ''],
]);

describe('expand (expand.go semantics)', () => {
  it.each([
    ['$(GREETING) $(NAME)', 'Warm greetings to Kubernetes'],
    ['$$(NAME) is escaped', '$(NAME) is escaped'],
    ['$$ alone is one dollar', '$ alone is one dollar'],
    ['$(UNKNOWN) stays literal', '$(UNKNOWN) stays literal'],
    ['$(NAME unterminated', '$(NAME unterminated'],
    ['$NAME is no reference', '$NAME is no reference'],
    ['trailing $', 'trailing $'],
    ['$(EMPTY)x', 'x'],
    [
      '$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace)',
      '$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace)',
    ],
  ])('%s', (input, output) => {
    expect(expand(input, VARS)).toBe(output);
  });
});

describe('containerEnv', () => {
  const text = `apiVersion: v1
kind: Pod
metadata: {name: dapi, namespace: team}
spec:
  containers:
  - name: c
    image: busybox:1.36
    resources:
      limits: {cpu: 500m, memory: 64Mi}
    env:
    - {name: GREETING, value: Hello}
    - {name: MESSAGE, value: "$(GREETING) from $(POD)"}
    - name: POD
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
    - name: NS
      valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
    - name: CPU
      valueFrom: {resourceFieldRef: {resource: limits.cpu}}
    - name: MEM
      valueFrom: {resourceFieldRef: {resource: limits.memory}}
    - name: SECRET
      valueFrom: {secretKeyRef: {name: s, key: k}}
`;
  const pod = parseManifests(text).documents[0]?.pod;
  const env = pod && containerEnv(pod, pod.containers[0]!);

  it('expands a value against the variables defined before it only', () => {
    expect(env?.get('MESSAGE')).toBe('Hello from $(POD)');
  });

  it('gives the downward API and resource limits their values, and leaves Secret values unknown', () => {
    expect(env?.get('POD')).toBe('dapi');
    expect(env?.get('NS')).toBe('team');
    expect(env?.get('CPU')).toBe('1');
    expect(env?.get('MEM')).toBe(String(64 * 2 ** 20));
    expect(env?.has('SECRET')).toBe(false);
  });
});
