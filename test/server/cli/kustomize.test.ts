// `podlens lint` on kustomize layouts: files a kustomization builds are read with what it adds.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';

const FIXTURES = 'test/fixtures/kustomize';

interface Report {
  files: {
    path: string;
    diagnostics: {
      rule: string;
      severity: string;
      path: string;
      range: { start: { line: number; character: number } };
    }[];
  }[];
}

function lint(...args: string[]): { code: number | null; report: Report } {
  const r = runCli(['lint', ...args, '--format', 'json']);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

const findings = (report: Report, file: string) =>
  report.files.find((f) => f.path === path.join(FIXTURES, file))?.diagnostics ?? [];

describe('podlens lint with kustomizations', () => {
  const { code, report } = lint(FIXTURES);

  it('reads a base with the selector labels, image and namespace its kustomization adds', () => {
    const base = findings(report, 'base/deployment.yaml');
    expect(base.filter((d) => d.severity === 'error')).toEqual([]);
    // The image is registry.example/metrics-server:v0.7.2 once built, so it is not :latest.
    expect(base.map((d) => d.rule)).not.toContain('latest-tag');
  });

  it('follows a directory resource up to the kustomization that adds commonLabels, and applies its components', () => {
    const web = findings(report, 'apps/web/deployment.yaml');
    expect(web.filter((d) => d.severity === 'error')).toEqual([]);
    // The untagged image gets its tag from the component's images override.
    expect(web.map((d) => d.rule)).not.toContain('latest-tag');
  });

  it('still reports the missing selector of a file no kustomization builds, and exits 1', () => {
    const errors = findings(report, 'unlisted/deployment.yaml').filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.rule, d.path, d.range.start])).toEqual([
      ['missing-required-field', 'spec.selector', { line: 4, character: 0 }],
    ]);
    expect(code).toBe(1);
  });

  it('reads a base that nothing above builds with the labels of the sibling kustomization that lists it', () => {
    const manager = findings(report, 'sibling/manager/manager.yaml');
    expect(manager.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('treats a file that a kustomization in a parent directory names under patches as a partial object', () => {
    const patch = findings(report, 'ha/overlays/web-replicas.yaml');
    expect(patch.filter((d) => d.severity === 'error')).toEqual([]);
    // Alone (outside the layout) the same object misses its selector and image.
    expect(patch.map((d) => d.rule)).not.toContain('missing-required-field');
    // The untagged image in the patch gets its tag from that kustomization's images override.
    expect(patch.map((d) => d.rule)).not.toContain('latest-tag');
  });

  it('reads the same base when linted on its own path', () => {
    const single = lint(path.join(FIXTURES, 'base/deployment.yaml'));
    expect(single.code).toBe(0);
  });
});

describe('podlens simulate with kustomizations', () => {
  it('simulates the image kustomize writes and says where it comes from', () => {
    const r = runCli(['simulate', path.join(FIXTURES, 'base/deployment.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('images[registry.example/metrics-server:v0.7.2]');
    expect(r.stdout).toContain(
      `container metrics-server runs registry.example/metrics-server:v0.7.2 (written registry.example/metrics-server; from ${path.join(FIXTURES, 'base/kustomization.yaml')} images)`,
    );
  });
});
