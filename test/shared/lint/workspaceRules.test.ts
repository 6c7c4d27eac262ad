// Cross-file rules: each with a manifest that fails and one that passes against a small workspace, asserting id,
// severity and exact range; without a workspace they report nothing.
import { describe, expect, it } from 'vitest';
import { WorkspaceIndex } from '../../../shared/analysis/workspace';
import { lintText } from '../../../shared/lint';

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  LOG_LEVEL: info
---
apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  password: x
`;

const pod = (key: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: app
      image: registry.example/web:1.0.0
      ports:
        - name: http
          containerPort: 8080
      env:
        - name: LEVEL
          valueFrom:
            configMapKeyRef:
              name: app-config
              key: ${key}
${extra}`;

const service = (selector: string, targetPort: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: ${selector}
  ports:
    - port: 80
      targetPort: ${targetPort}
`;

function workspace(files: Record<string, string>, complete = false) {
  const index = new WorkspaceIndex();
  for (const [name, text] of Object.entries(files)) index.update(`file:///w/${name}`, text);
  return index.objects(complete);
}

function findings(rule: string, text: string, files: Record<string, string>, complete = false) {
  const ws = workspace({ ...files, 'checked.yaml': text }, complete);
  return lintText(text, { path: 'file:///w/checked.yaml', workspace: ws })
    .filter((f) => f.rule === rule)
    .map((f) => ({ severity: f.severity, range: f.range, path: f.path, message: f.message }));
}

const at = (line: number, start: number, end: number) => ({
  start: { line, character: start },
  end: { line, character: end },
});

describe('missing-config-key', () => {
  it('warns on a key the ConfigMap does not have, at the key', () => {
    expect(findings('missing-config-key', pod('LOG_LEVL'), { 'config.yaml': CONFIG })).toEqual([
      {
        severity: 'warning',
        range: at(18, 19, 27),
        path: 'spec.containers[0].env[0].valueFrom.configMapKeyRef.key',
        message: 'ConfigMap "app-config" has no key "LOG_LEVL".',
      },
    ]);
  });

  it('passes on a key it has, on optional references, and without a workspace', () => {
    expect(findings('missing-config-key', pod('LOG_LEVEL'), { 'config.yaml': CONFIG })).toEqual([]);
    expect(
      findings(
        'missing-config-key',
        pod('LOG_LEVL').replace('key: LOG_LEVL', 'key: LOG_LEVL\n              optional: true'),
        {
          'config.yaml': CONFIG,
        },
      ),
    ).toEqual([]);
    expect(lintText(pod('LOG_LEVL')).filter((f) => f.rule === 'missing-config-key')).toEqual([]);
  });

  it('trusts a kustomize generator whose keys come from an env file', () => {
    const files = {
      'kustomization.yaml':
        'resources: [checked.yaml]\nconfigMapGenerator:\n  - name: app-config\n    envs: [app.env]\n',
    };
    expect(findings('missing-config-key', pod('ANYTHING'), files)).toEqual([]);
  });
});

describe('service-selects-nothing', () => {
  it('warns at the selector when no pod template matches', () => {
    expect(findings('service-selects-nothing', service('api', 'http'), { 'pod.yaml': pod('LOG_LEVEL') })).toEqual([
      {
        severity: 'warning',
        range: at(5, 2, 10),
        path: 'spec.selector',
        message: 'Service "web" selects no pod template in the workspace (app=api).',
      },
    ]);
  });

  it('passes when a pod template matches', () => {
    expect(findings('service-selects-nothing', service('web', 'http'), { 'pod.yaml': pod('LOG_LEVEL') })).toEqual([]);
  });
});

describe('service-target-port-unknown', () => {
  it('warns at a named targetPort no selected container declares', () => {
    expect(
      findings('service-target-port-unknown', service('web', 'metrics'), { 'pod.yaml': pod('LOG_LEVEL') }),
    ).toEqual([
      {
        severity: 'warning',
        range: at(9, 18, 25),
        path: 'spec.ports[0].targetPort',
        message: 'No container of the selected pods declares a TCP port named "metrics".',
      },
    ]);
  });

  it('matches the protocol too, as FindPort does', () => {
    const udp = service('web', 'http').replace('    - port: 80\n', '    - port: 80\n      protocol: UDP\n');
    expect(
      findings('service-target-port-unknown', udp, { 'pod.yaml': pod('LOG_LEVEL') }).map((f) => f.message),
    ).toEqual(['No container of the selected pods declares a UDP port named "http".']);
  });

  it('passes on a declared name and on a number', () => {
    expect(findings('service-target-port-unknown', service('web', 'http'), { 'pod.yaml': pod('LOG_LEVEL') })).toEqual(
      [],
    );
    expect(findings('service-target-port-unknown', service('web', '9999'), { 'pod.yaml': pod('LOG_LEVEL') })).toEqual(
      [],
    );
  });
});

describe('referenced-object-missing', () => {
  const withSecret = pod('LOG_LEVEL', '      envFrom:\n        - secretRef:\n            name: api-token\n');

  it('hints at a reference the workspace does not define, only when it is assumed complete', () => {
    expect(findings('referenced-object-missing', withSecret, { 'config.yaml': CONFIG }, true)).toEqual([
      {
        severity: 'hint',
        range: at(21, 18, 27),
        path: 'spec.containers[0].envFrom[0].secretRef.name',
        message: 'Secret "api-token" is not defined in the workspace.',
      },
    ]);
    expect(findings('referenced-object-missing', withSecret, { 'config.yaml': CONFIG }, false)).toEqual([]);
  });

  it('passes when every referenced object is defined', () => {
    const files = {
      'config.yaml': CONFIG,
      'token.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-token\n',
    };
    expect(findings('referenced-object-missing', withSecret, files, true)).toEqual([]);
  });
});
