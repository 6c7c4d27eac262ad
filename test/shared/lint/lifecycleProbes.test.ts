// Probe rules: missing probes, identical probes, timing after defaulting, undeclared ports, slow starts.
import { describe, expect, it } from 'vitest';
import { applyFix, brief, explained, findings, parseAll, pod } from '../../helpers/lint/lintHelpers';
import { marked } from '../../helpers/lint/marked';

const HTTP = '    ports:\n    - name: http\n      containerPort: 8080\n';
/** HTTP with its containerPort marked, for the finding that points at the declared port. */
const HTTP_MARKED = HTTP.replace('8080', '«8080»');

describe('missing-readiness-probe / missing-liveness-probe', () => {
  const { text, ranges } = marked(pod(`  - name: «web»\n    image: app:1.0\n${HTTP}`));

  it('flags a long-running container without probes at its name, with skeleton fixes', () => {
    const name = ranges[0];
    expect(findings(text, 'missing-readiness-probe').map(brief)).toEqual([
      { rule: 'missing-readiness-probe', severity: 'hint', range: name },
    ]);
    const [live] = findings(text, 'missing-liveness-probe');
    expect(brief(live!)).toEqual({ rule: 'missing-liveness-probe', severity: 'hint', range: name });
    const withReadiness = applyFix(text, findings(text, 'missing-readiness-probe')[0]?.fixes?.[0]);
    const fixed = applyFix(withReadiness, findings(withReadiness, 'missing-liveness-probe')[0]?.fixes?.[0]);
    expect(fixed).toContain('    readinessProbe:\n      httpGet:\n        path: /readyz\n        port: http\n');
    expect(fixed).toContain('    livenessProbe:\n      httpGet:\n        path: /livez\n        port: http\n');
    expect(parseAll(fixed)).toHaveLength(1);
    // The inserted skeletons satisfy the probe rules themselves.
    for (const rule of [
      'missing-readiness-probe',
      'missing-liveness-probe',
      'liveness-equals-readiness',
      'liveness-kills-slow-start',
    ]) {
      expect(findings(fixed, rule)).toEqual([]);
    }
  });

  it('is silent for Jobs, restartPolicy Never pods, init containers and containers that have the probes', () => {
    const job = `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: run\n        image: app:1\n`;
    expect(findings(job, 'missing-readiness-probe')).toEqual([]);
    expect(
      findings(pod('  - name: a\n    image: app:1\n', '  restartPolicy: Never\n'), 'missing-liveness-probe'),
    ).toEqual([]);
    const probed = pod(
      `  - name: a\n    image: app:1\n${HTTP}    readinessProbe:\n      httpGet: {path: /readyz, port: http}\n    livenessProbe:\n      httpGet: {path: /livez, port: http}\n      initialDelaySeconds: 30\n`,
    );
    expect(findings(probed, 'missing-readiness-probe')).toEqual([]);
    expect(findings(probed, 'missing-liveness-probe')).toEqual([]);
  });
});

describe('liveness-equals-readiness', () => {
  it('flags a liveness probe whose check equals readiness after defaulting, relating the readiness probe', () => {
    const { text, ranges } = marked(
      pod(
        `  - name: a\n    image: app:1\n${HTTP}    «readinessProbe»:\n      httpGet:\n        port: http\n    «livenessProbe»:\n      httpGet:\n        path: /\n        port: http\n        scheme: HTTP\n      initialDelaySeconds: 40\n`,
      ),
    );
    const [f, ...rest] = findings(text, 'liveness-equals-readiness');
    expect(rest).toEqual([]);
    expect(brief(f!)).toEqual({
      rule: 'liveness-equals-readiness',
      severity: 'info',
      range: ranges[1],
    });
    expect(f?.related).toEqual([{ range: ranges[0], message: 'the readinessProbe with the same check' }]);
    expect(explained(f)).not.toContain('same timing');
  });

  it('is silent when the checks differ', () => {
    const text = pod(
      `  - name: a\n    image: app:1\n${HTTP}    readinessProbe:\n      httpGet: {path: /readyz, port: http}\n    livenessProbe:\n      httpGet: {path: /livez, port: http}\n      initialDelaySeconds: 30\n`,
    );
    expect(findings(text, 'liveness-equals-readiness')).toEqual([]);
  });
});

describe('probe-timeout-exceeds-period', () => {
  it('flags timeoutSeconds > periodSeconds, at the timeout value', () => {
    const { text, ranges } = marked(
      pod(
        `  - name: a\n    image: app:1\n${HTTP}    readinessProbe:\n      tcpSocket:\n        port: 8080\n      timeoutSeconds: «11»\n`,
      ),
    );
    const [f] = findings(text, 'probe-timeout-exceeds-period');
    expect(brief(f!)).toEqual({
      rule: 'probe-timeout-exceeds-period',
      severity: 'info',
      range: ranges[0],
    });
    expect(explained(f)).toContain('timeoutSeconds 11 > periodSeconds 10 (after defaulting)');
  });

  it('is silent when the timeout equals the period (period 1, default timeout 1): the probe still runs every period', () => {
    const text = pod(
      `  - name: a\n    image: app:1\n    livenessProbe:\n      exec:\n        command: [cat, /tmp/ok]\n      periodSeconds: 1\n      initialDelaySeconds: 60\n`,
    );
    expect(findings(text, 'probe-timeout-exceeds-period')).toEqual([]);
  });

  it('is silent for the defaults and for 0 (defaulted)', () => {
    const text = pod(
      `  - name: a\n    image: app:1\n    readinessProbe:\n      tcpSocket: {port: 80}\n      timeoutSeconds: 0\n      periodSeconds: 0\n`,
    );
    expect(findings(text, 'probe-timeout-exceeds-period')).toEqual([]);
  });
});

describe('probe-port-not-declared', () => {
  it('warns for a port name the container does not declare, listing the declared ports', () => {
    const { text, ranges } = marked(
      pod(
        `  - name: a\n    image: app:1\n${HTTP_MARKED}    readinessProbe:\n      httpGet:\n        path: /\n        port: «metrics»\n`,
      ),
    );
    const [f] = findings(text, 'probe-port-not-declared');
    expect(brief(f!)).toEqual({ rule: 'probe-port-not-declared', severity: 'warning', range: ranges[1] });
    expect(f?.related).toEqual([{ range: ranges[0], message: 'declared port 8080 (http)' }]);
  });

  it('notes (info) a number that is not among the declared ports', () => {
    const { text, ranges } = marked(
      pod(
        `  - name: a\n    image: app:1\n${HTTP}    livenessProbe:\n      tcpSocket:\n        port: «8081»\n      initialDelaySeconds: 30\n`,
      ),
    );
    expect(findings(text, 'probe-port-not-declared').map(brief)).toEqual([
      { rule: 'probe-port-not-declared', severity: 'info', range: ranges[0] },
    ]);
  });

  it('is silent for declared names and numbers, and for numbers when no ports are declared', () => {
    const declared = pod(
      `  - name: a\n    image: app:1\n${HTTP}    readinessProbe:\n      httpGet: {path: /, port: http}\n    startupProbe:\n      tcpSocket: {port: 8080}\n`,
    );
    expect(findings(declared, 'probe-port-not-declared')).toEqual([]);
    const none = pod(`  - name: a\n    image: app:1\n    readinessProbe:\n      tcpSocket: {port: 9000}\n`);
    expect(findings(none, 'probe-port-not-declared')).toEqual([]);
  });
});

describe('liveness-kills-slow-start', () => {
  it('flags a liveness probe with no startupProbe whose earliest kill is under 30 s, with the window', () => {
    const { text, ranges } = marked(
      pod(
        `  - name: a\n    image: app:1\n    livenessProbe:\n      tcpSocket: {port: 80}\n      initialDelaySeconds: «5»\n`,
      ),
    );
    const [f] = findings(text, 'liveness-kills-slow-start');
    expect(brief(f!)).toEqual({
      rule: 'liveness-kills-slow-start',
      severity: 'info',
      range: ranges[0],
    });
    // D=5, P=10 (default), F=3 (default): first failure in [5, 15), kill 20 s later.
    expect(explained(f)).toContain('within 25–35 s of starting (3 failures 10 s apart from 5 s)');
  });

  it('points at the livenessProbe key when initialDelaySeconds is not written', () => {
    const { text, ranges } = marked(
      pod(`  - name: a\n    image: app:1\n    «livenessProbe»:\n      tcpSocket: {port: 80}\n`),
    );
    expect(findings(text, 'liveness-kills-slow-start').map((f) => f.range)).toEqual([ranges[0]]);
  });

  it('is silent with a startupProbe or a budget of 30 s or more', () => {
    const withStartup = pod(
      `  - name: a\n    image: app:1\n    startupProbe:\n      tcpSocket: {port: 80}\n      failureThreshold: 30\n    livenessProbe:\n      tcpSocket: {port: 80}\n`,
    );
    expect(findings(withStartup, 'liveness-kills-slow-start')).toEqual([]);
    const patient = pod(
      `  - name: a\n    image: app:1\n    livenessProbe:\n      tcpSocket: {port: 80}\n      initialDelaySeconds: 10\n`,
    );
    expect(findings(patient, 'liveness-kills-slow-start')).toEqual([]);
  });
});
