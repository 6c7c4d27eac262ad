// `podlens lint --kustomize DIR` and `podlens simulate --kustomize DIR`: the rendered kustomization, with lint
// findings reported in the files that wrote the values at fault.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT as ROOT, runCli } from '../../helpers/cli';

const OVERLAY = 'test/fixtures/kustomize-render/overlay';

const run = (...args: string[]) => runCli(args);

interface Report {
  files: { path: string; diagnostics: { rule: string; severity: string; path: string; range: unknown }[] }[];
}

describe('podlens lint --kustomize', () => {
  it('reports the overlay patch’s invalid pull policy in the patch file, and exits 1', () => {
    const { code, stdout, stderr } = run('lint', '--kustomize', OVERLAY, '--format', 'json');
    const report = JSON.parse(stdout) as Report;
    const patch = report.files.find((f) => f.path === path.join(OVERLAY, 'pull-policy.yaml'));
    const line = fs
      .readFileSync(path.join(ROOT, OVERLAY, 'pull-policy.yaml'), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('imagePullPolicy'));
    expect(patch?.diagnostics.find((d) => d.rule === 'invalid-enum')).toEqual({
      rule: 'invalid-enum',
      severity: 'error',
      message: expect.stringContaining('Sometimes'),
      document: 0,
      path: 'spec.template.spec.containers[0].imagePullPolicy',
      range: { start: { line, character: 27 }, end: { line, character: 36 } },
    });
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('prints text findings at the patch file’s line and column', () => {
    const { stdout } = run('lint', '--kustomize', OVERLAY);
    expect(stdout).toMatch(new RegExp(`^${OVERLAY}/pull-policy\\.yaml:10:28 error invalid-enum `, 'm'));
  });

  it('says what it cannot render, and rejects files next to --kustomize and a path that is no directory', () => {
    const helm = run('lint', '--kustomize', 'test/fixtures/kustomize-render/helm', '--format', 'json');
    expect(helm.stderr).toContain(
      'podlens: test/fixtures/kustomize-render/helm/kustomization.yaml: helmCharts is not rendered in the preview',
    );
    expect(run('lint', '--kustomize', OVERLAY, 'pod.yaml').code).toBe(2);
    const missing = run('lint', '--kustomize', 'nowhere');
    expect([missing.code, missing.stderr.trim()]).toEqual([2, 'podlens: --kustomize "nowhere" is not a directory']);
  });
});

describe('podlens simulate --kustomize', () => {
  it('simulates the rendered pod: the overlay’s image tag and grace period', () => {
    const { code, stdout } = run('simulate', '--kustomize', OVERLAY, '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.stringify(JSON.parse(stdout));
    expect(json).toContain('nginx:1.27');
    expect(json).toContain('busybox:1.37');
    expect(json).not.toContain('nginx:1.25');
  });

  it('simulates with the generated ConfigMap the pod reads, under the hashed name kustomize gives both', () => {
    const prod = 'test/fixtures/workspace/kustomize/overlays/prod';
    const { code, stdout } = run('simulate', '--kustomize', prod);
    expect(code).toBe(0);
    expect(stdout).toContain('configMaps: inferred: every referenced ConfigMap is defined in this file');
    // With absent objects absent, the pod still starts: its configMapKeyRef names api-config-7kcm455446, as
    // `kubectl kustomize` (kustomize v5.5.0) writes it, and the rendered output defines that ConfigMap.
    const complete = run(
      'simulate',
      '--kustomize',
      prod,
      '--workspace-complete',
      '--workspace',
      'test/fixtures/kustomize-render',
    );
    expect(complete.stdout).toContain('Prediction: Ready');
    expect(complete.stdout).not.toContain('CreateContainerConfigError');
  });

  it('names the rendered output in the text report', () => {
    const { code, stdout } = run('simulate', '--kustomize', OVERLAY);
    expect(code).toBe(0);
    expect(stdout).toContain(`${OVERLAY} (rendered)`);
  });
});
