// What the containers' commands and hooks do: crash loops, init containers that never succeed, shutdown timing.
import { describe, expect, it } from 'vitest';
import { brief, explained, findings, pod } from '../../helpers/lint/lintHelpers';
import { marked } from '../../helpers/lint/marked';

describe('crashloop-predicted', () => {
  it('flags a command that exits at once under restartPolicy Always, with the back-off schedule', () => {
    const { text, ranges } = marked(
      pod('  - name: app\n    image: busybox:1.36\n    command: «["sh", "-c", "echo starting; exit 1"]»\n'),
    );
    const [f, ...rest] = findings(text, 'crashloop-predicted');
    expect(rest).toEqual([]);
    expect(brief(f!)).toEqual({
      rule: 'crashloop-predicted',
      severity: 'warning',
      range: ranges[0],
    });
    expect(explained(f)).toContain('10 s, 20 s, 40 s, 80 s, 160 s and from then on 300 s');
    expect(explained(f)).toContain('CrashLoopBackOff from the second exit');
  });

  it('flags `true` (exit 0) under Always and `exit 1` under OnFailure; a sidecar whatever the policy', () => {
    expect(
      findings(pod('  - name: a\n    image: busybox:1\n    command: ["true"]\n'), 'crashloop-predicted'),
    ).toHaveLength(1);
    const { text: onFailure, ranges: onFailureRanges } = marked(
      pod('  - name: a\n    image: busybox:1\n    args: «["sh", "-c", "exit 3"]»\n', '  restartPolicy: OnFailure\n'),
    );
    expect(findings(onFailure, 'crashloop-predicted').map(brief)).toEqual([
      { rule: 'crashloop-predicted', severity: 'warning', range: onFailureRanges[0] },
    ]);
    const { text: sidecar, ranges: sidecarRanges } = marked(
      pod(
        '  - name: main\n    image: app:1\n    command: ["sh", "-c", "sleep 5"]\n',
        '  restartPolicy: Never\n  initContainers:\n  - name: proxy\n    image: proxy:1\n    restartPolicy: Always\n    command: «["sh", "-c", "exit 0"]»\n',
      ),
    );
    expect(findings(sidecar, 'crashloop-predicted').map((f) => f.range)).toEqual([sidecarRanges[0]]);
  });

  it('is silent for servers, long runs (back-off resets after 600 s), Never, exit 0 under OnFailure and entrypoint flags', () => {
    const cases = [
      pod('  - name: a\n    image: nginx:1.27\n'),
      pod('  - name: a\n    image: busybox:1\n    command: ["sh", "-c", "echo hi && sleep 3600"]\n'),
      pod('  - name: a\n    image: busybox:1\n    command: ["sh", "-c", "exit 1"]\n', '  restartPolicy: Never\n'),
      pod(
        '  - name: a\n    image: busybox:1\n    command: ["sh", "-c", "echo done"]\n',
        '  restartPolicy: OnFailure\n',
      ),
      pod('  - name: a\n    image: app:1\n    args: ["--port", "80"]\n'),
      // A Job without restartPolicy is rejected by the API server (api-validation says so): no prediction.
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: busybox:1\n        command: ["sh", "-c", "echo done"]\n',
    ];
    for (const text of cases) expect(findings(text, 'crashloop-predicted')).toEqual([]);
  });
});

describe('init-never-succeeds', () => {
  const init = (policy: string) =>
    marked(
      pod(
        '  - name: main\n    image: nginx:1.27\n',
        `  restartPolicy: ${policy}\n  initContainers:\n  - name: init\n    image: busybox:1\n    command: «["sh", "-c", "exit 1"]»\n`,
      ),
    );

  it('flags `exit 1` under Always as Init:CrashLoopBackOff with the schedule', () => {
    const { text, ranges } = init('Always');
    const [f] = findings(text, 'init-never-succeeds');
    expect(brief(f!)).toEqual({
      rule: 'init-never-succeeds',
      severity: 'warning',
      range: ranges[0],
    });
    expect(explained(f)).toContain('Init:CrashLoopBackOff');
    expect(explained(f)).toContain('10 s, 20 s, 40 s');
    expect(findings(text, 'crashloop-predicted')).toEqual([]);
  });

  it('flags `exit 1` under Never as a failed pod, and a never-ending init command', () => {
    expect(explained(findings(init('Never').text, 'init-never-succeeds')[0])).toContain('phase Failed');
    const forever = pod(
      '  - name: main\n    image: nginx:1.27\n',
      '  initContainers:\n  - name: wait\n    image: busybox:1\n    command: ["sh", "-c", "while true; do sleep 1; done"]\n',
    );
    expect(explained(findings(forever, 'init-never-succeeds')[0])).toContain('never exits');
  });

  it('is silent for init containers that finish, wait loops, and unknown entrypoints', () => {
    const ok = pod(
      '  - name: main\n    image: nginx:1.27\n',
      '  initContainers:\n  - name: a\n    image: busybox:1\n    command: ["sh", "-c", "echo init && sleep 10"]\n  - name: b\n    image: busybox:1\n    command: ["sh", "-c", "until nslookup db; do sleep 2; done"]\n  - name: c\n    image: tool:1\n    args: ["-service=db"]\n',
    );
    expect(findings(ok, 'init-never-succeeds')).toEqual([]);
  });
});

describe('prestop-exceeds-grace', () => {
  it('flags an exec preStop sleeping past the default grace period, at the command', () => {
    const { text, ranges } = marked(
      pod(
        '  - name: a\n    image: nginx:1.27\n    lifecycle:\n      preStop:\n        exec:\n          command: «["/bin/sh", "-c", "sleep 45"]»\n',
      ),
    );
    const [f] = findings(text, 'prestop-exceeds-grace');
    expect(brief(f!)).toEqual({
      rule: 'prestop-exceeds-grace',
      severity: 'warning',
      range: ranges[0],
    });
    expect(explained(f)).toContain('gives up on the hook at 30 s');
  });

  it('flags a sleep action equal to an explicit grace period, relating the grace period', () => {
    const { text, ranges } = marked(
      pod(
        '  - name: a\n    image: nginx:1.27\n    lifecycle:\n      preStop:\n        sleep:\n          seconds: «20»\n',
        '  terminationGracePeriodSeconds: «20»\n',
      ),
    );
    const [f] = findings(text, 'prestop-exceeds-grace');
    expect(brief(f!)).toEqual({
      rule: 'prestop-exceeds-grace',
      severity: 'warning',
      range: ranges[1],
    });
    expect(f?.related).toEqual([{ range: ranges[0], message: 'terminationGracePeriodSeconds: 20' }]);
  });

  it('is silent for short hooks, for sleep actions over the grace period (an API error) and with grace 0', () => {
    const hook = (cmd: string, spec = '') =>
      pod(`  - name: a\n    image: nginx:1.27\n    lifecycle:\n      preStop:\n${cmd}`, spec);
    expect(findings(hook('        exec:\n          command: ["sleep", "10"]\n'), 'prestop-exceeds-grace')).toEqual([]);
    expect(findings(hook('        sleep:\n          seconds: 40\n'), 'prestop-exceeds-grace')).toEqual([]);
    expect(
      findings(
        hook('        exec:\n          command: ["sleep", "40"]\n', '  terminationGracePeriodSeconds: 0\n'),
        'prestop-exceeds-grace',
      ),
    ).toEqual([]);
  });
});

describe('grace-period-zero-or-negative', () => {
  it('flags 0 and negative values at the value', () => {
    for (const v of ['0', '-5']) {
      const { text, ranges } = marked(
        pod('  - name: a\n    image: nginx:1.27\n', `  terminationGracePeriodSeconds: «${v}»\n`),
      );
      expect(findings(text, 'grace-period-zero-or-negative').map(brief)).toEqual([
        {
          rule: 'grace-period-zero-or-negative',
          severity: 'warning',
          range: ranges[0],
        },
      ]);
    }
  });

  it('is silent when unset or positive', () => {
    expect(findings(pod('  - name: a\n    image: nginx:1.27\n'), 'grace-period-zero-or-negative')).toEqual([]);
    expect(
      findings(
        pod('  - name: a\n    image: nginx:1.27\n', '  terminationGracePeriodSeconds: 60\n'),
        'grace-period-zero-or-negative',
      ),
    ).toEqual([]);
  });
});

describe('poststart-httpget', () => {
  it('flags a postStart httpGet at its handler key and explains the status code is ignored', () => {
    const { text, ranges } = marked(
      pod(
        '  - name: a\n    image: nginx:1.27\n    lifecycle:\n      postStart:\n        «httpGet»:\n          path: /\n          port: 80\n',
      ),
    );
    const [f] = findings(text, 'poststart-httpget');
    expect(brief(f!)).toEqual({ rule: 'poststart-httpget', severity: 'warning', range: ranges[0] });
    expect(explained(f)).toContain('404 or 500 included');
  });

  it('is silent for exec postStart and httpGet preStop', () => {
    const text = pod(
      '  - name: a\n    image: nginx:1.27\n    lifecycle:\n      postStart:\n        exec:\n          command: ["sh", "-c", "echo hi"]\n      preStop:\n        httpGet:\n          path: /drain\n          port: 80\n',
    );
    expect(findings(text, 'poststart-httpget')).toEqual([]);
  });
});
