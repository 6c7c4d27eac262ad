// Termination: preStop, then SIGTERM, then SIGKILL at the deadline, with the 2 s minimum stop window (§10, §14).
import { describe, expect, it } from 'vitest';
import { explainPath } from '../../../shared/explain';
import { parseManifests } from '../../../shared/model';

function grace(preStop: string, podGrace?: number): string {
  const g = podGrace === undefined ? '' : `  terminationGracePeriodSeconds: ${podGrace}\n`;
  const hook = preStop ? `      lifecycle:\n        preStop:\n${preStop}` : '';
  const text = `apiVersion: v1\nkind: Pod\nspec:\n${g}  containers:\n    - name: app\n      image: app:1\n${hook}`;
  return explainPath(parseManifests(text).documents[0]!, ['spec', 'terminationGracePeriodSeconds']).join('\n');
}

describe('termination sequence', () => {
  it('without preStop: SIGTERM at once, SIGKILL at the default 30 s', () => {
    const text = grace('');
    expect(text).toContain('On deletion each container gets 30 s (the default)');
    expect(text).toContain('`app`: SIGTERM at 0 s; SIGKILL at 30 s if the process is still running (exit 137).');
  });

  it('a short preStop: SIGTERM after it, SIGKILL at the deadline', () => {
    expect(grace('          sleep:\n            seconds: 5\n', 30)).toContain(
      '`app`: preStop for 5 s, SIGTERM at 5 s, SIGKILL at 30 s if still running.',
    );
  });

  it('a preStop ending less than 2 s before the deadline still leaves the minimum stop window', () => {
    expect(grace('          exec:\n            command: ["sleep", "29"]\n', 30)).toContain(
      'SIGTERM at 29 s, SIGKILL at 31 s',
    );
  });

  it('a preStop that outlives the grace period: SIGTERM at the deadline, SIGKILL 2 s later', () => {
    expect(grace('          exec:\n            command: ["/bin/sh", "-c", "sleep 60"]\n', 30)).toContain(
      '**preStop (60 s) outlives the 30 s grace period**: the kubelet stops waiting at 30 s, sends SIGTERM then, and SIGKILL at 32 s',
    );
  });

  it('a preStop of unknown length is bounded by the grace period', () => {
    expect(grace('          httpGet:\n            path: /drain\n            port: 8080\n', 10)).toContain(
      'SIGKILL at 10 s, up to 12 s when preStop takes the whole grace period. A preStop that runs longer is cut off at 10 s.',
    );
  });

  it('grace 0 skips preStop', () => {
    expect(grace('          sleep:\n            seconds: 5\n', 0)).toContain(
      'Grace 0: no preStop; SIGTERM, then SIGKILL after the 2 s minimum stop window.',
    );
  });

  it('stops sidecars after the regular containers', () => {
    const text = `apiVersion: v1\nkind: Pod\nspec:\n  initContainers:\n    - name: proxy\n      image: envoy:1\n      restartPolicy: Always\n  containers:\n    - name: app\n      image: app:1\n`;
    const lines = explainPath(parseManifests(text).documents[0]!, ['spec', 'terminationGracePeriodSeconds']);
    expect(lines).toContain(
      'Sidecars `proxy` stop after the regular containers, in reverse order, out of the same grace.',
    );
  });
});
