// One root cause, one error: a removed apiVersion or a YAML syntax error is reported, not its follow-ups.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { marked } from '../../helpers/lint/marked';

const errors = (text: string) =>
  lintText(text, { path: 'app.yaml' })
    .filter((f) => f.severity === 'error')
    .map((f) => ({ rule: f.rule, severity: f.severity, range: f.range }));

const CONTAINER = '      containers:\n      - name: agent\n        image: newrelic/infrastructure:1.0\n';

describe('removed apiVersion', () => {
  it('gives an extensions/v1beta1 DaemonSet without a selector only the api-version error', () => {
    const m = marked(
      `apiVersion: «extensions/v1beta1»\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n${CONTAINER}`,
    );
    expect(errors(m.text)).toEqual([{ rule: 'api-version', severity: 'error', range: m.range }]);
  });

  it('drops errors that an unserved version makes moot, and keeps warnings', () => {
    const text = `apiVersion: apps/v1beta2\nkind: Deployment\nmetadata:\n  name: Web_1\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx:latest\n`;
    const found = lintText(text, { path: 'app.yaml' });
    expect(found.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['api-version']);
    expect(found.map((f) => f.rule)).toContain('latest-tag');
  });

  it('does not mention a selector for a removed CronJob version', () => {
    const text = `apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: hello\n            image: busybox:1.28\n`;
    const [f] = lintText(text).filter((x) => x.rule === 'api-version');
    expect(f?.message).toContain('batch/v1beta1 CronJob was removed in Kubernetes 1.25');
    expect(f?.message).not.toContain('selector');
  });

  it('still reports every error of an apps/v1 object', () => {
    const text = `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n${CONTAINER}`;
    expect(errors(text).map((f) => f.rule)).toEqual(['missing-required-field']);
  });
});

describe('YAML syntax errors', () => {
  it('reports a broken line without unknown-field errors below it, and keeps those above', () => {
    const m = marked(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  «lables»: {}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    args: [a, b\n    comand: [sh]\n',
    );
    const found = errors(m.text);
    expect(found.filter((f) => f.rule !== 'yaml-syntax')).toEqual([
      { rule: 'unknown-field', severity: 'error', range: m.range },
    ]);
    expect(found.filter((f) => f.rule === 'yaml-syntax')).toHaveLength(1);
  });
});
