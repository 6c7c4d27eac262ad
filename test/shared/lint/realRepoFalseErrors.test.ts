// False errors found by linting public repositories: each case is a minimal manifest of what the v1.36 API server
// (or the intended build step) accepts, so podlens must not report an error on it.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { app, pod, workload } from '../../helpers/lint/cases';
import { marked } from '../../helpers/lint/marked';

const errors = (text: string) => lintText(text).filter((f) => f.severity === 'error');

describe('api-version on custom resource groups', () => {
  it('leaves a DaemonSet of a CRD group (apps.kruise.io) alone', () => {
    expect(errors(workload('DaemonSet', 'apps.kruise.io/v1alpha1', app()))).toEqual([]);
  });

  it('does not check a CRD group DaemonSet against the apps/v1 schema (its own fields are not unknown)', () => {
    const strategy = '  updateStrategy:\n    rollingUpdate:\n      partition: 2\n      paused: true\n';
    expect(errors(workload('DaemonSet', 'apps.kruise.io/v1alpha1', app(), strategy))).toEqual([]);
    const unknown = errors(workload('DaemonSet', 'apps/v1', app(), strategy)).map((f) => f.rule);
    expect(unknown).toEqual(['unknown-field', 'unknown-field']);
  });

  it('still flags a workload kind under a Kubernetes group that does not serve it', () => {
    const found = errors(workload('DaemonSet', 'batch/v1', app())).map((f) => [f.rule, f.range.start.line]);
    expect(found).toEqual([['api-version', 0]]);
  });
});

describe('invalid-env-source on a null valueFrom', () => {
  const env = (valueFrom: string) =>
    marked(pod(app(`    env:\n    - name: WATCH\n      value: ''\n      «valueFrom»:${valueFrom}\n`)));

  it('reads `valueFrom: null` as absent, as the API server decodes it (a patch uses it to delete the field)', () => {
    expect(errors(env(' null').text)).toEqual([]);
    expect(errors(env('').text)).toEqual([]);
  });

  it('still flags an empty valueFrom map, which names no source', () => {
    const { text, range } = env(' {}');
    expect(errors(text).map((f) => [f.rule, f.range])).toEqual([['invalid-env-source', range]]);
  });
});

describe('@VAR@ placeholders where YAML reserves @', () => {
  const template = (name: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: ${name}\n${app()}`;

  it('reads `name: @POD_NAME@` as the placeholder a substitution step replaces, not as a syntax error', () => {
    const findings = lintText(template('@POD_NAME@'));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const placeholder = findings.filter((f) => f.rule === 'substitution-placeholder');
    expect(placeholder.map((f) => [f.severity, f.message.includes('@VAR@')])).toEqual([['info', true]]);
  });

  it('still reports a plain value starting with @ that is no placeholder', () => {
    const { text, range } = marked(template('«@»pod name'));
    expect(errors(text).map((f) => [f.rule, f.range])).toContainEqual(['yaml-syntax', range]);
  });
});

describe('probe-predicted-to-fail on a port the container does not declare', () => {
  const probed = (port: number) =>
    pod(
      app(
        `    ports:\n    - containerPort: 80\n    livenessProbe:\n      httpGet:\n        path: /healthz\n        port: ${port}\n`,
      ),
    );
  const rules = (text: string) => lintText(text).map((f) => [f.rule, f.severity]);

  it('leaves an undeclared port number to the probe-port-not-declared info: apps listen on ports they do not list', () => {
    expect(rules(probed(10254))).toContainEqual(['probe-port-not-declared', 'info']);
    expect(rules(probed(10254)).map(([r]) => r)).not.toContain('probe-predicted-to-fail');
  });

  it('still predicts the failure of a probe on a port nothing serves when the container runs `sleep`', () => {
    const sleeper = probed(80).replace('    ports:', '    command: [sleep, "3600"]\n    ports:');
    expect(rules(sleeper)).toContainEqual(['probe-predicted-to-fail', 'warning']);
  });
});
