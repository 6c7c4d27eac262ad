// Images, pull policies, restart policies and container roles.
import { describe, expect, it } from 'vitest';
import { explainText } from './helpers';

const pod = (container: string, spec = '', kind = 'Pod', apiVersion = 'v1', prefix = 'spec') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\n${prefix}:\n${spec}  containers:\n    - name: app\n${container}`;

describe('image', () => {
  it('keeps an explicit registry and spells out latest', () => {
    const text = explainText(pod('      image: registry:5000/app\n'), ['spec', 'containers', 0, 'image']);
    expect(text).toContain(
      'Image: registry `registry:5000` · repository `app` · tag `latest` (implicit: no tag given)',
    );
    expect(text).toContain(
      'Pull policy: **Always** (not set, so the API server defaults it: no tag => :latest => Always)',
    );
  });

  it('keeps Always for latest even with a digest', () => {
    const image = `nginx:latest@sha256:${'b'.repeat(64)}`;
    expect(explainText(pod(`      image: ${image}\n`), ['spec', 'containers', 0, 'image'])).toContain(
      'Pull policy: **Always**',
    );
  });

  it('reports an invalid reference as InvalidImageName', () => {
    const text = explainText(pod('      image: Nginx:1.27\n'), ['spec', 'containers', 0, 'image']);
    expect(text).toContain('Invalid reference: invalid reference format: repository name must be lowercase');
    expect(text).toContain('InvalidImageName');
  });

  it('says a missing image is rejected', () => {
    expect(explainText(pod('      command: [sh]\n'), ['spec', 'containers', 0, 'image'])).toContain('No image');
  });

  it('gives digest advice for a pinned image', () => {
    const text = explainText(
      pod(`      image: nginx@sha256:${'c'.repeat(64)}\n      imagePullPolicy: IfNotPresent\n`),
      ['spec', 'containers', 0, 'imagePullPolicy'],
    );
    expect(text).toContain('Pull policy: **IfNotPresent** (explicit)');
    expect(text).toContain(
      'Pinned by digest `sha256:cccccccccccc…`: every node runs the same bytes, so IfNotPresent is safe.',
    );
  });
});

describe('restartPolicy', () => {
  it('shows the default and a Never pod', () => {
    expect(explainText(pod('      image: a:1\n'), ['spec', 'restartPolicy'])).toContain(
      '**Always** (default): every exit restarts the container, exit code 0 included.',
    );
    const never = explainText(pod('      image: a:1\n', '  restartPolicy: Never\n'), ['spec', 'restartPolicy']);
    expect(never).toContain('**Never**: no container is restarted; the pod ends Succeeded (all exit 0) or Failed.');
    expect(never).not.toContain('Restarts:');
  });

  it('rejects anything but Always in a Deployment template', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n        - name: a\n          image: a:1\n`;
    expect(explainText(text, ['spec', 'template', 'spec', 'restartPolicy'])).toContain(
      'A Deployment accepts only `Always`: the API server rejects this template.',
    );
  });

  it('tells a Job that the default Always is rejected', () => {
    const text = `apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: a:1\n`;
    expect(explainText(text, ['spec', 'template', 'spec', 'restartPolicy'])).toContain(
      'the API server rejects the default Always',
    );
  });

  it('says when a value is not a policy', () => {
    expect(explainText(pod('      image: a:1\n', '  restartPolicy: Sometimes\n'), ['spec', 'restartPolicy'])).toBe(
      '`Sometimes`: unsupported value "Sometimes" (the API rejects it; use Always, OnFailure or Never); assuming Always.',
    );
  });
});

describe('container roles', () => {
  const text = `apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: OnFailure\n  initContainers:\n    - name: init\n      image: a:1\n      restartPolicy: OnFailure\n  containers:\n    - name: app\n      image: a:1\n      restartPolicy: Never\n`;

  it('explains an init container and that only Always fits its restartPolicy', () => {
    expect(explainText(text, ['spec', 'initContainers', 0, 'name'])).toContain(
      'Init container 1 of 1: runs to completion before the next one; under OnFailure, a failure is retried with back-off.',
    );
    expect(explainText(text, ['spec', 'initContainers', 0, 'restartPolicy'])).toBe(
      'Only `Always` is allowed here: it makes this init container a native sidecar.',
    );
  });

  it('explains a per-container restartPolicy override', () => {
    expect(explainText(text, ['spec', 'containers', 0, 'restartPolicy'])).toContain(
      "Container restartPolicy `Never` overrides the pod's OnFailure",
    );
  });
});

describe('fields the API server fills in', () => {
  const text = `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      image: app\n      ports:\n        - containerPort: 80\n`;

  it('lists them on a container name, direct fields first', () => {
    expect(explainText(text, ['spec', 'containers', 0, 'name'])).toContain(
      'Filled in by the API server: `imagePullPolicy: Always`, `terminationMessagePath: /dev/termination-log`, `terminationMessagePolicy: File`, `ports[0].protocol: TCP`',
    );
  });

  it('lists them on the pod spec', () => {
    expect(explainText(text, ['spec'])).toContain(
      '`dnsPolicy: ClusterFirst`, `restartPolicy: Always`, `terminationGracePeriodSeconds: 30`',
    );
  });
});
