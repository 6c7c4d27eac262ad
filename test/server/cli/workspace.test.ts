// `podlens lint` with the workspace: cross-file findings from the current directory tree or --workspace DIR, and
// absences as findings only with --workspace-complete.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT as ROOT, runCli } from '../../helpers/cli';

const FOLDER = path.join(ROOT, 'test/fixtures/workspace');

function lint(args: string[], cwd: string) {
  const r = runCli(['lint', ...args, '--format', 'json'], cwd);
  const report = r.stdout ? JSON.parse(r.stdout) : { files: [] };
  const findings = (report.files as { path: string; diagnostics: { rule: string; severity: string; path: string }[] }[])
    .flatMap((f) => f.diagnostics.map((d) => ({ file: f.path, rule: d.rule, severity: d.severity, path: d.path })))
    .filter((d) =>
      [
        'missing-config-key',
        'service-selects-nothing',
        'service-target-port-unknown',
        'referenced-object-missing',
      ].includes(d.rule),
    );
  return { code: r.code, stderr: r.stderr, findings };
}

describe('podlens lint and the workspace', () => {
  it('reads the current directory tree as the workspace', () => {
    const { code, findings } = lint(['app'], FOLDER);
    expect(code).toBe(0);
    expect(findings).toEqual([
      {
        file: 'app/deployment.yaml',
        rule: 'missing-config-key',
        severity: 'warning',
        path: 'spec.template.spec.containers[0].env[1].valueFrom.configMapKeyRef.key',
      },
      {
        file: 'app/service.yaml',
        rule: 'service-target-port-unknown',
        severity: 'warning',
        path: 'spec.ports[0].targetPort',
      },
      { file: 'app/service.yaml', rule: 'service-selects-nothing', severity: 'warning', path: 'spec.selector' },
    ]);
  });

  it('reads --workspace DIR from elsewhere, and reports absent objects only with --workspace-complete', () => {
    const file = path.join(FOLDER, 'app/deployment.yaml');
    expect(lint([file, '--workspace', FOLDER], ROOT).findings.map((f) => f.rule)).toEqual(['missing-config-key']);
    const complete = lint([file, '--workspace', FOLDER, '--workspace-complete'], ROOT).findings;
    expect(complete.filter((f) => f.rule === 'referenced-object-missing').map((f) => [f.severity, f.path])).toEqual([
      ['hint', 'spec.template.spec.serviceAccountName'],
      ['hint', 'spec.template.spec.imagePullSecrets[0].name'],
      ['hint', 'spec.template.spec.volumes[1].persistentVolumeClaim.claimName'],
    ]);
  });

  it('sees no cross-file findings in a workspace without the other files', () => {
    const file = path.join(FOLDER, 'app/deployment.yaml');
    expect(lint([file, '--workspace', path.join(FOLDER, 'other')], ROOT).findings).toEqual([]);
  });

  it('finds the same cross-file findings for a file linted with the others as for one linted alone', () => {
    // Linted files are indexed from their lint's parse, the others from disk: both must say the same.
    const all = lint(['.', '--workspace-complete'], FOLDER).findings;
    for (const file of ['app/deployment.yaml', 'app/service.yaml', 'chart/templates/service.yaml']) {
      const alone = lint([file, '--workspace-complete'], FOLDER).findings;
      expect(alone.length).toBeGreaterThan(0);
      expect(alone).toEqual(all.filter((f) => f.file === file));
    }
  });

  it('gives a file analysed in worker threads the findings that its own objects, other linted files and the walked ones decide', () => {
    // 160 documents: the worker pool reads each segment against the walked files; objects of the linted files
    // themselves (a ConfigMap beside its Deployment, Secrets in another linted file) are known only afterwards.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-ws-'));
    const secret = (i: number) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: other-${i}\nstringData:\n  k: v\n`;
    const pair = (i: number) => {
      const configRef = `        - name: A\n          valueFrom:\n            configMapKeyRef: {name: cfg-${i}, key: ${i % 3 === 0 ? 'absent' : 'present'}}\n`;
      return (
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg-${i}\ndata:\n  present: "1"\n---\n` +
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\nspec:\n  selector:\n    matchLabels: {app: web-${i}}\n` +
        `  template:\n    metadata:\n      labels: {app: web-${i}}\n    spec:\n      containers:\n      - name: c\n        image: nginx:1.27\n` +
        `        env:\n${i < 60 ? configRef : ''}        - name: B\n          valueFrom:\n            secretKeyRef: {name: other-${i}, key: k}\n`
      );
    };
    const ids = Array.from({ length: 80 }, (_, i) => i);
    try {
      fs.writeFileSync(path.join(dir, 'big.yaml'), ids.map(pair).join('---\n'));
      const secrets = (keep: (i: number) => boolean) => ids.filter(keep).map(secret).join('---\n');
      fs.writeFileSync(
        path.join(dir, 'secrets.yaml'),
        secrets((i) => i % 2 === 0),
      );
      fs.writeFileSync(
        path.join(dir, 'walked.yaml'),
        secrets((i) => i % 4 === 1),
      );
      const r = runCli(['lint', 'big.yaml', 'secrets.yaml', '--workspace-complete', '--format', 'json'], dir);
      const big: { rule: string; document: number }[] = JSON.parse(r.stdout).files[0].diagnostics;
      // Deployment i is document 2i+1.
      const deployments = (rule: string) => big.filter((d) => d.rule === rule).map((d) => (d.document - 1) / 2);
      expect(deployments('missing-config-key')).toEqual(ids.filter((i) => i < 60 && i % 3 === 0));
      expect(deployments('referenced-object-missing')).toEqual(ids.filter((i) => i % 4 === 3));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never reads objects from node_modules, .git, .cache or dist', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-ws-'));
    try {
      fs.copyFileSync(path.join(FOLDER, 'app/deployment.yaml'), path.join(dir, 'deployment.yaml'));
      const config = fs.readFileSync(path.join(FOLDER, 'app/config.yaml'), 'utf8');
      const missing = () => lint(['deployment.yaml', '--workspace-complete'], dir).findings.map((f) => f.rule);
      for (const skipped of ['node_modules', '.git', '.cache', 'dist']) {
        fs.mkdirSync(path.join(dir, skipped, 'k8s'), { recursive: true });
        fs.writeFileSync(path.join(dir, skipped, 'k8s', 'config.yaml'), config);
      }
      expect(missing()).not.toContain('missing-config-key');
      fs.mkdirSync(path.join(dir, 'deploy'));
      fs.writeFileSync(path.join(dir, 'deploy', 'config.yaml'), config);
      expect(missing()).toContain('missing-config-key');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a --workspace that is not a directory with a usage error', () => {
    const r = lint(['app', '--workspace', 'no-such-dir'], FOLDER);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workspace "no-such-dir" is not a directory');
  });
});
