// Shared namespaces, repeated env and ports, resources and privileges.
import { describe, expect, it } from 'vitest';
import { applyFix, brief, findings, parseAll, pod } from '../../helpers/lint/lintHelpers';
import { marked } from '../../helpers/lint/marked';

describe('port-conflict', () => {
  it('flags the second concurrent container binding the same port and protocol, relating the first', () => {
    const { text, ranges } = marked(
      pod(
        '  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: «80»\n  - name: proxy\n    image: envoy:1\n    ports:\n    - containerPort: «80»\n      protocol: TCP\n',
      ),
    );
    const [f, ...rest] = findings(text, 'port-conflict');
    expect(rest).toEqual([]);
    expect(brief(f!)).toEqual({
      rule: 'port-conflict',
      severity: 'warning',
      range: ranges[1],
    });
    expect(f?.related).toEqual([{ range: ranges[0], message: '80/TCP declared by container "web"' }]);
  });

  it('counts native sidecars, but not regular init containers or other protocols', () => {
    const withSidecarPort = (sidecarProtocol: string) =>
      marked(
        pod(
          '  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: «53»\n',
          `  initContainers:\n  - name: setup\n    image: busybox:1\n    command: ["true"]\n    ports:\n    - containerPort: 53\n  - name: dns\n    image: dns:1\n    restartPolicy: Always\n    ports:\n    - containerPort: 53\n${sidecarProtocol}`,
        ),
      );
    expect(findings(withSidecarPort('      protocol: UDP\n').text, 'port-conflict')).toEqual([]);
    const sidecar = withSidecarPort('');
    expect(findings(sidecar.text, 'port-conflict').map((f) => f.range)).toEqual(sidecar.ranges);
  });
});

describe('duplicate-container-port', () => {
  it('flags the same containerPort/protocol twice in one container', () => {
    const { text, ranges } = marked(
      pod(
        '  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 8080\n      name: http\n    - containerPort: «8080»\n      name: alt\n',
      ),
    );
    expect(findings(text, 'duplicate-container-port').map(brief)).toEqual([
      { rule: 'duplicate-container-port', severity: 'warning', range: ranges[0] },
    ]);
    expect(findings(text, 'port-conflict')).toEqual([]);
  });

  it('is silent for different protocols or distinct host ports', () => {
    const text = pod(
      '  - name: dns\n    image: dns:1\n    ports:\n    - containerPort: 53\n    - containerPort: 53\n      protocol: UDP\n    - containerPort: 8080\n      hostPort: 80\n    - containerPort: 8080\n      hostPort: 81\n',
    );
    expect(findings(text, 'duplicate-container-port')).toEqual([]);
  });
});

describe('duplicate-env', () => {
  it('flags a later definition of the same name, relating the first', () => {
    const { text, ranges } = marked(
      pod(
        '  - name: a\n    image: app:1\n    env:\n    - name: «MODE»\n      value: a\n    - name: OTHER\n      value: b\n    - name: «MODE»\n      value: c\n',
      ),
    );
    const [f] = findings(text, 'duplicate-env');
    expect(brief(f!)).toEqual({
      rule: 'duplicate-env',
      severity: 'warning',
      range: ranges[1],
    });
    expect(f?.related).toEqual([{ range: ranges[0], message: 'first definition of "MODE"' }]);
  });

  it('is silent when the later value builds on the earlier one, as warnings.go is', () => {
    const text = pod(
      '  - name: a\n    image: app:1\n    env:\n    - name: PATH\n      value: /bin\n    - name: PATH\n      value: "$(PATH):/opt/bin"\n',
    );
    expect(findings(text, 'duplicate-env')).toEqual([]);
  });
});

describe('missing-resources / missing-memory-limit', () => {
  it('flags a container with no cpu or memory settings at its name, with a skeleton fix', () => {
    const { text, ranges } = marked(pod('  - name: «app»\n    image: app:1\n'));
    const [f] = findings(text, 'missing-resources');
    expect(brief(f!)).toEqual({ rule: 'missing-resources', severity: 'hint', range: ranges[0] });
    expect(findings(text, 'missing-memory-limit')).toEqual([]);
    const fixed = applyFix(text, f?.fixes?.[0]);
    expect(fixed).toBe(
      `${text}    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n      limits:\n        memory: 128Mi\n`,
    );
    expect(parseAll(fixed)).toHaveLength(1);
    expect(findings(fixed, 'missing-resources')).toEqual([]);
    expect(findings(fixed, 'missing-memory-limit')).toEqual([]);
  });

  it('flags requests without a memory limit at the resources key, with a fix that copies the request', () => {
    const { text, ranges } = marked(
      pod('  - name: app\n    image: app:1\n    «resources»:\n      requests:\n        memory: 64Mi\n'),
    );
    const [f] = findings(text, 'missing-memory-limit');
    expect(brief(f!)).toEqual({ rule: 'missing-memory-limit', severity: 'hint', range: ranges[0] });
    expect(applyFix(text, f?.fixes?.[0])).toBe(`${text}      limits:\n        memory: 64Mi\n`);
  });

  it('is silent with a memory limit, with pod-level resources, and for regular init containers', () => {
    expect(
      findings(
        pod('  - name: a\n    image: a:1\n    resources:\n      limits:\n        memory: 1Gi\n'),
        'missing-memory-limit',
      ),
    ).toEqual([]);
    const podLevel = pod('  - name: a\n    image: a:1\n', '  resources:\n    limits:\n      memory: 1Gi\n');
    expect(findings(podLevel, 'missing-resources')).toEqual([]);
    const init = pod(
      '  - name: a\n    image: a:1\n    resources:\n      limits:\n        memory: 1Gi\n',
      '  initContainers:\n  - name: i\n    image: busybox:1\n    command: ["true"]\n',
    );
    expect(findings(init, 'missing-resources')).toEqual([]);
  });
});

describe('privileged-container / allow-privilege-escalation', () => {
  it('flags privileged: true and an explicit allowPrivilegeEscalation: true at their values', () => {
    const { text, ranges } = marked(
      pod(
        '  - name: a\n    image: a:1\n    securityContext:\n      privileged: «true»\n  - name: b\n    image: b:1\n    securityContext:\n      allowPrivilegeEscalation: «true»\n',
      ),
    );
    expect(findings(text, 'privileged-container').map(brief)).toEqual([
      { rule: 'privileged-container', severity: 'warning', range: ranges[0] },
    ]);
    expect(findings(text, 'allow-privilege-escalation').map(brief)).toEqual([
      {
        rule: 'allow-privilege-escalation',
        severity: 'info',
        range: ranges[1],
      },
    ]);
  });

  it('is silent for false and unset values', () => {
    const text = pod(
      '  - name: a\n    image: a:1\n    securityContext:\n      privileged: false\n      allowPrivilegeEscalation: false\n  - name: b\n    image: b:1\n',
    );
    expect(findings(text, 'privileged-container')).toEqual([]);
    expect(findings(text, 'allow-privilege-escalation')).toEqual([]);
  });
});

describe('host-namespace', () => {
  it('flags hostNetwork and hostPID at their values', () => {
    const { text, ranges } = marked(
      pod('  - name: a\n    image: a:1\n', '  hostNetwork: «true»\n  hostPID: «true»\n  hostIPC: false\n'),
    );
    expect(findings(text, 'host-namespace').map(brief)).toEqual([
      { rule: 'host-namespace', severity: 'warning', range: ranges[0] },
      { rule: 'host-namespace', severity: 'warning', range: ranges[1] },
    ]);
  });

  it('is silent when they are unset or false', () => {
    expect(findings(pod('  - name: a\n    image: a:1\n', '  hostNetwork: false\n'), 'host-namespace')).toEqual([]);
  });
});
