// Lint findings read off the simulator's own prediction (issue 13): image defaults, OOM kills, postStart hooks
// and probes that fail. Each failing manifest has a passing twin.
import { describe, expect, it } from 'vitest';
import { brief, explained, findings, pod } from '../../helpers/lint/lintHelpers';
import { marked } from '../../helpers/lint/marked';

describe('crashloop-predicted from the prediction', () => {
  it('flags busybox with no command under Always at the image (its shell exits at once)', () => {
    const { text, ranges } = marked(pod('  - name: app\n    image: «busybox:1.36»\n'));
    expect(findings(text, 'crashloop-predicted').map(brief)).toEqual([
      { rule: 'crashloop-predicted', severity: 'warning', range: ranges[0] },
    ]);
    expect(findings(pod('  - name: app\n    image: nginx:1.27\n'), 'crashloop-predicted')).toEqual([]);
  });

  it('flags echo after $(VAR) expansion: Kubernetes expands it, no shell runs', () => {
    const { text, ranges } = marked(
      pod(
        '  - name: app\n    image: busybox:1.36\n    env:\n    - {name: NAME, value: k8s}\n    command: «["echo"]»\n    args: ["$(GREETING) $(NAME)"]\n',
      ),
    );
    const [f] = findings(text, 'crashloop-predicted');
    expect(f && brief(f)).toEqual({
      rule: 'crashloop-predicted',
      severity: 'warning',
      range: ranges[0],
    });
    expect(f?.message).toContain('exits 0 at once');
  });

  it('flags stress above the memory limit (OOMKilled) but not below it', () => {
    const stress = (limit: string) =>
      marked(
        pod(
          `  - name: app\n    image: polinux/stress\n    resources:\n      limits: {memory: ${limit}}\n    command: «["stress"]»\n    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]\n`,
        ),
      );
    const over = stress('100Mi');
    const [f] = findings(over.text, 'crashloop-predicted');
    expect(f && brief(f)).toEqual({
      rule: 'crashloop-predicted',
      severity: 'warning',
      range: over.ranges[0],
    });
    expect(f?.message).toContain('OOMKilled');
    expect(findings(stress('300Mi').text, 'crashloop-predicted')).toEqual([]);
  });

  it('flags postgres without its password variable and is silent with it', () => {
    const { text, ranges } = marked(pod('  - name: db\n    image: «postgres:16»\n'));
    expect(findings(text, 'crashloop-predicted').map(brief)).toEqual([
      { rule: 'crashloop-predicted', severity: 'warning', range: ranges[0] },
    ]);
    const fine = pod('  - name: db\n    image: postgres:16\n    env:\n    - {name: POSTGRES_PASSWORD, value: x}\n');
    expect(findings(fine, 'crashloop-predicted')).toEqual([]);
  });
});

describe('init-never-succeeds and Services', () => {
  it('leaves a wait on a Service to the preview: the Service may be defined in the same file', () => {
    const text = pod(
      '  - name: app\n    image: nginx:1.27\n',
      '  initContainers:\n  - name: wait\n    image: busybox:1.36\n    command: ["sh", "-c", "until nslookup db; do sleep 2; done"]\n',
    );
    expect(findings(text, 'init-never-succeeds')).toEqual([]);
  });
});

describe('poststart-predicted-to-fail', () => {
  it('flags an exec postStart that exits 1, at the handler key', () => {
    const { text, ranges } = marked(
      pod(
        '  - name: app\n    image: nginx:1.27\n    lifecycle:\n      postStart:\n        «exec»:\n          command: ["sh", "-c", "exit 1"]\n',
      ),
    );
    const [f, ...rest] = findings(text, 'poststart-predicted-to-fail');
    expect(rest).toEqual([]);
    expect(f && brief(f)).toEqual({
      rule: 'poststart-predicted-to-fail',
      severity: 'warning',
      range: ranges[0],
    });
    expect(f?.message).toContain('FailedPostStartHook');
  });

  it('flags an httpGet postStart on a container that only sleeps, as a likely failure', () => {
    const { text, ranges } = marked(
      pod(
        '  - name: app\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n    lifecycle:\n      postStart:\n        «httpGet»: {path: /, port: 8080}\n',
      ),
    );
    const [f] = findings(text, 'poststart-predicted-to-fail');
    expect(f && brief(f)).toEqual({
      rule: 'poststart-predicted-to-fail',
      severity: 'warning',
      range: ranges[0],
    });
    expect(f?.message).toContain('is likely to fail');
  });

  it('is silent for hooks that succeed or cannot be predicted', () => {
    const cases = [
      pod(
        '  - name: app\n    image: nginx:1.27\n    lifecycle:\n      postStart:\n        exec:\n          command: ["sh", "-c", "echo hi > /tmp/x"]\n',
      ),
      pod(
        '  - name: app\n    image: nginx:1.27\n    lifecycle:\n      postStart:\n        httpGet: {path: /, port: 80}\n',
      ),
      pod(
        '  - name: app\n    image: app:1\n    lifecycle:\n      postStart:\n        exec:\n          command: ["/hooks/warm-up"]\n',
      ),
    ];
    for (const text of cases) expect(findings(text, 'poststart-predicted-to-fail')).toEqual([]);
  });
});

describe('probe-predicted-to-fail', () => {
  const livenessExec = (script: string) =>
    marked(
      pod(
        `  - name: liveness\n    image: busybox:1.36\n    command: ["sh", "-c", "${script}"]\n    «livenessProbe»:\n      exec:\n        command: ["cat", "/tmp/healthy"]\n      initialDelaySeconds: 5\n      periodSeconds: 5\n`,
      ),
    );

  it('flags the documented exec liveness pod: the file is gone after 30 s', () => {
    const { text, ranges } = livenessExec('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600');
    const [f] = findings(text, 'probe-predicted-to-fail');
    expect(f && brief(f)).toEqual({
      rule: 'probe-predicted-to-fail',
      severity: 'warning',
      range: ranges[0],
    });
    expect(f?.message).toContain('fails from 30 s into each run');
    expect(findings(livenessExec('touch /tmp/healthy; sleep 3600').text, 'probe-predicted-to-fail')).toEqual([]);
  });

  it('flags `sh -c "exit 1"` and nginx answering 404 on a missing page; silent on unknown images', () => {
    const { text: exit1, ranges: exit1Ranges } = marked(
      pod(
        '  - name: app\n    image: nginx:1.27\n    «readinessProbe»:\n      exec:\n        command: ["sh", "-c", "exit 1"]\n',
      ),
    );
    expect(findings(exit1, 'probe-predicted-to-fail').map(brief)).toEqual([
      { rule: 'probe-predicted-to-fail', severity: 'warning', range: exit1Ranges[0] },
    ]);
    const missingPage = pod(
      '  - name: web\n    image: nginx\n    livenessProbe:\n      httpGet: {path: /ho/ho, port: 80}\n',
    );
    expect(explained(findings(missingPage, 'probe-predicted-to-fail')[0])).toContain('answers 404');
    const unknown = pod(
      '  - name: app\n    image: app:1\n    livenessProbe:\n      httpGet: {path: /healthz, port: 8080}\n',
    );
    expect(findings(unknown, 'probe-predicted-to-fail')).toEqual([]);
  });
});
