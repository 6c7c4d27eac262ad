// latest-tag, pull-policy-never, private-registry-no-pull-secret: rule id, severity and exact range.
import { describe, expect, it } from 'vitest';
import { applyFix, brief, explained, findings, pod } from '../../helpers/lint/lintHelpers';
import { marked } from '../../helpers/lint/marked';

describe('latest-tag', () => {
  it('flags an untagged image and :latest, with pin and pull-policy fixes', () => {
    const { text, ranges } = marked(
      pod('  - name: a\n    image: «nginx»\n  - name: b\n    image: «"docker.io/library/redis:latest"»\n'),
    );
    const found = findings(text, 'latest-tag');
    expect(found.map(brief)).toEqual([
      // A bare Pod: best practice is a hint under the default preset (presets.test.ts).
      { rule: 'latest-tag', severity: 'hint', range: ranges[0] },
      { rule: 'latest-tag', severity: 'hint', range: ranges[1] },
    ]);
    expect(explained(found[0])).toContain('imagePullPolicy is not set, so the API server makes it Always');
    expect(found[0]?.fixes?.map((f) => f.title)).toEqual([
      'Pin the image to a tag',
      'Set imagePullPolicy: Always explicitly',
    ]);
    expect(applyFix(text, found[1]?.fixes?.[0])).toContain('image: "docker.io/library/redis:latest"');
    expect(applyFix(text, found[0]?.fixes?.[1])).toContain('    image: nginx\n    imagePullPolicy: Always\n');
  });

  it('does not offer the pull-policy fix when the policy is explicit', () => {
    const text = pod('  - name: a\n    image: nginx:latest\n    imagePullPolicy: IfNotPresent\n');
    const [f] = findings(text, 'latest-tag');
    expect(f?.fixes?.map((x) => x.title)).toEqual(['Replace :latest with a pinned tag']);
    expect(explained(f)).not.toContain('makes it Always');
  });

  it('leaves pinned tags, digests and registry ports alone', () => {
    const text = pod(
      '  - name: a\n    image: nginx:1.27\n  - name: b\n    image: nginx:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000\n  - name: c\n    image: registry:5000/app:2.1\n',
    );
    expect(findings(text, 'latest-tag')).toEqual([]);
  });
});

describe('pull-policy-never', () => {
  it('flags imagePullPolicy: Never on its value, with a fix to IfNotPresent', () => {
    const { text, ranges } = marked(pod('  - name: a\n    image: app:1.0\n    imagePullPolicy: «Never»\n'));
    const [f, ...rest] = findings(text, 'pull-policy-never');
    expect(rest).toEqual([]);
    expect(brief(f!)).toEqual({ rule: 'pull-policy-never', severity: 'warning', range: ranges[0] });
    expect(explained(f)).toContain('ErrImageNeverPull');
    expect(applyFix(text, f?.fixes?.[0])).toContain('imagePullPolicy: IfNotPresent\n');
  });

  it('does not flag IfNotPresent or Always', () => {
    const text = pod(
      '  - name: a\n    image: app:1.0\n    imagePullPolicy: IfNotPresent\n  - name: b\n    image: b:1\n    imagePullPolicy: Always\n',
    );
    expect(findings(text, 'pull-policy-never')).toEqual([]);
  });
});

describe('private-registry-no-pull-secret', () => {
  it('flags a private registry host when the pod has no imagePullSecrets', () => {
    const { text, ranges } = marked(pod('  - name: app\n    image: «images.my-company.example/app:v4»\n'));
    expect(findings(text, 'private-registry-no-pull-secret').map(brief)).toEqual([
      {
        rule: 'private-registry-no-pull-secret',
        severity: 'info',
        range: ranges[0],
      },
    ]);
  });

  it('is silent with imagePullSecrets, a named service account, public or node-authenticated registries', () => {
    const privateImage = '  - name: app\n    image: registry.corp.example:5000/app:1\n';
    expect(
      findings(pod(privateImage, '  imagePullSecrets:\n  - name: regcred\n'), 'private-registry-no-pull-secret'),
    ).toEqual([]);
    expect(findings(pod(privateImage, '  serviceAccountName: builder\n'), 'private-registry-no-pull-secret')).toEqual(
      [],
    );
    const publicImages = pod(
      '  - name: a\n    image: ghcr.io/org/app:1\n  - name: b\n    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1\n  - name: c\n    image: busybox:1.36\n  - name: d\n    image: localhost:5000/dev:1\n',
    );
    expect(findings(publicImages, 'private-registry-no-pull-secret')).toEqual([]);
  });

  it('is silent for public project registries seen in real repositories (istio, linkerd, SUSE, Red Hat)', () => {
    const images = [
      'registry.istio.io/release/pilot:1.24',
      'cr.l5d.io/linkerd/proxy:2.14',
      'registry.suse.com/bci/bci-base:15.6',
      'registry.access.redhat.com/ubi9/ubi:9.4',
      'Quay.io/org/app:1',
    ];
    const text = pod(images.map((image, i) => `  - name: c${i}\n    image: ${image}\n`).join(''));
    expect(findings(text, 'private-registry-no-pull-secret')).toEqual([]);
  });
});
