// Probe explanations: the §9 timing window, handlers, named-port resolution and what a failure leads to.
import { describe, expect, it } from 'vitest';
import { explainPath } from '../../../shared/explain';
import { parseManifests } from '../../../shared/model';

function explain(containerYaml: string, podExtra = '', path: (string | number)[] = ['livenessProbe']): string[] {
  const text = `apiVersion: v1\nkind: Pod\nspec:\n${podExtra}  containers:\n    - name: app\n      image: app:1\n${containerYaml}`;
  const doc = parseManifests(text).documents[0];
  if (!doc) throw new Error('no document');
  return explainPath(doc, ['spec', 'containers', 0, ...path]);
}

describe('probe timeline', () => {
  it('uses the defaults and puts the kill between (F-1)P and FP after start when there is no delay', () => {
    const lines = explain('      livenessProbe:\n        tcpSocket:\n          port: 80\n');
    expect(lines).toContain(
      'Every 10 s with a 1 s timeout; 3 consecutive failures fail it, 1 success passes it (defaulted: timeoutSeconds, periodSeconds, successThreshold, failureThreshold)',
    );
    expect(lines).toContain(
      'First check within 10 s of start; if it never passes, killed and restarted between 20 s and 30 s after start: 3 failures 10 s apart; the exact tick phase is up to the kubelet.',
    );
  });

  it('follows the semantics example: D=15, P=10, F=3 kills between 35 s and 45 s', () => {
    const lines = explain(
      '      livenessProbe:\n        exec:\n          command: [true]\n        initialDelaySeconds: 15\n        periodSeconds: 10\n',
    );
    expect(lines.join('\n')).toContain(
      'First check at 15 s; if it never passes, killed and restarted between 35 s and 45 s after start',
    );
  });

  it('treats a zero period as the default, like the API server', () => {
    expect(
      explain('      livenessProbe:\n        exec:\n          command: [true]\n        periodSeconds: 0\n').join('\n'),
    ).toContain('between 20 s and 30 s');
  });

  it('runs readiness at start when there is no delay, and never restarts for it', () => {
    const text = explain('      readinessProbe:\n        httpGet:\n          port: 8080\n', '', [
      'readinessProbe',
    ]).join('\n');
    expect(text).toContain('First check as soon as the container has started');
    expect(text).toContain('HTTP GET `http://<pod IP>:8080/` (status 200–399 passes)');
    expect(text).toContain('Readiness never restarts it.');
  });

  it('gives the startup budget and makes the others wait', () => {
    const yaml =
      '      startupProbe:\n        httpGet:\n          port: 80\n        failureThreshold: 30\n        periodSeconds: 10\n      livenessProbe:\n        httpGet:\n          port: 80\n';
    expect(explain(yaml, '', ['startupProbe'])).toContain(
      'Liveness and readiness wait for it: the container gets at most 300 s to start.',
    );
    expect(explain(yaml).join('\n')).toContain(
      'killed and restarted between 20 s and 30 s after the startup probe passes',
    );
  });
});

describe('probe ports and handlers', () => {
  it('flags a named port the container does not have', () => {
    expect(explain('      livenessProbe:\n        httpGet:\n          port: web\n')).toContain(
      'Port `web`: **no port with that name** in this container, so every check fails',
    );
  });

  it('resolves a named port in the URL', () => {
    const lines = explain(
      '      ports:\n        - name: web\n          containerPort: 3000\n      livenessProbe:\n        httpGet:\n          path: /live\n          port: web\n          scheme: HTTPS\n',
    );
    expect(lines).toContain('HTTP GET `https://<pod IP>:3000/live` (status 200–399 passes)');
    expect(lines).toContain('Port `web` resolves to `3000`');
  });

  it('says when a probe has no handler or several', () => {
    expect(explain('      livenessProbe:\n        periodSeconds: 5\n')[0]).toContain('No handler');
    expect(
      explain('      livenessProbe:\n        exec:\n          command: [a]\n        tcpSocket:\n          port: 1\n'),
    ).toContain('2 handlers: the API server rejects more than one.');
  });
});

describe('what a failed liveness probe leads to', () => {
  it('uses the probe grace when set, else the pod grace', () => {
    const own = explain(
      '      livenessProbe:\n        exec:\n          command: [a]\n        terminationGracePeriodSeconds: 5\n',
    );
    expect(own.join('\n')).toContain('The kill uses a 5 s grace period');
    const pod = explain(
      '      livenessProbe:\n        exec:\n          command: [a]\n',
      '  terminationGracePeriodSeconds: 45\n',
    );
    expect(pod.join('\n')).toContain('The kill uses a 45 s grace period');
  });

  it('does not restart under restartPolicy Never', () => {
    const lines = explain('      livenessProbe:\n        exec:\n          command: [a]\n', '  restartPolicy: Never\n');
    expect(lines.join('\n')).toContain('not restarted (restartPolicy Never)');
  });
});
