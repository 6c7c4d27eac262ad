// Quantities, pod totals and QoS; env vars and service links; labels and annotations; schema docs.
import { describe, expect, it } from 'vitest';
import { enumDocs, fieldDefault, fieldDoc, serviceEnvPrefix, trimDescription } from '../../../shared/explain';
import { explainText } from './helpers';

describe('resources', () => {
  const text = `apiVersion: v1\nkind: Pod\nspec:\n  initContainers:\n    - name: warm\n      image: a:1\n      resources:\n        requests:\n          cpu: "2"\n  containers:\n    - name: a\n      image: a:1\n      resources:\n        limits:\n          cpu: 500m\n          memory: 1Gi\n    - name: b\n      image: b:1\n      resources:\n        requests:\n          memory: 1G\n`;

  it('copies missing requests from limits and sums the pod, taking the init peak when larger', () => {
    const lines = explainText(text, ['spec', 'containers', 0, 'resources']);
    expect(lines).toContain('`requests.cpu` not set: the API server copies the limit `500m`');
    expect(lines).toContain(
      'Requests of Pod (what the scheduler reserves): cpu `2`, memory `2073741824` = 2,073,741,824 bytes (≈ 1.9 GiB)',
    );
    expect(lines).toContain(
      'Limits of Pod: cpu `500m`, memory `1Gi` (a container without a cpu and memory limit is not capped)',
    );
    expect(lines).toContain('QoS class **Burstable**');
  });

  it('explains decimal bytes and their binary size', () => {
    expect(explainText(text, ['spec', 'containers', 1, 'resources', 'requests', 'memory'])).toContain(
      '`1G` = 1 GB = 1,000,000,000 bytes (≈ 953.7 MiB)',
    );
  });

  it('says BestEffort when nothing is set', () => {
    const none = `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: a:1\n      resources: {}\n`;
    const lines = explainText(none, ['spec', 'containers', 0, 'resources']);
    expect(lines).toContain('No requests in Pod: the scheduler reserves nothing for it.');
    expect(lines).toContain('QoS class **BestEffort** (evicted first under node pressure)');
  });
});

describe('env', () => {
  const text = (extra = '') =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api-server\nspec:\n${extra}  containers:\n    - name: a\n      image: a:1\n      env:\n        - name: URL\n          value: http://$(HOST):$(PORT)/x\n        - name: LEVEL\n          valueFrom:\n            configMapKeyRef:\n              name: cfg\n              key: level\n              optional: true\n      envFrom:\n        - prefix: CFG_\n          configMapRef:\n            name: cfg\n`;

  it('explains $(VAR) expansion and an optional ConfigMap key', () => {
    expect(explainText(text(), ['spec', 'containers', 0, 'env', 0, 'value'])).toContain(
      '`HOST`, `PORT` expand to variables defined earlier in this list',
    );
    expect(explainText(text(), ['spec', 'containers', 0, 'env', 1, 'name'])).toContain(
      'From ConfigMap `cfg`, key `level`, read when the container starts; a missing one leaves the variable unset (optional).',
    );
  });

  it('names the service-link variables after a Service like this pod', () => {
    expect(explainText(text(), ['spec', 'containers', 0, 'env'])).toContain(
      '(a Service `api-server` gives `API_SERVER_SERVICE_HOST` and `API_SERVER_SERVICE_PORT`)',
    );
    expect(serviceEnvPrefix('redis-primary')).toBe('REDIS_PRIMARY');
  });

  it('says what is left when service links are off', () => {
    expect(explainText(text('  enableServiceLinks: false\n'), ['spec', 'enableServiceLinks'])).toBe(
      'enableServiceLinks is false: only `KUBERNETES_SERVICE_HOST` and `KUBERNETES_SERVICE_PORT` are injected.',
    );
  });

  it('explains envFrom with its prefix', () => {
    expect(explainText(text(), ['spec', 'containers', 0, 'envFrom', 0])).toContain(
      'Every key of ConfigMap `cfg` becomes a variable, each prefixed with `CFG_`',
    );
  });
});

describe('labels and annotations', () => {
  const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app.kubernetes.io/flavour: x\nspec:\n  template:\n    metadata:\n      labels:\n        pod-template-hash: abc\n      annotations:\n        prometheus.io/scrape: "true"\n    spec:\n      containers:\n        - name: a\n          image: a:1\n`;

  it('warns about labels a controller sets and unknown app.kubernetes.io keys', () => {
    expect(explainText(text, ['spec', 'template', 'metadata', 'labels', 'pod-template-hash'])).toContain(
      'Set by the Deployment controller: writing it by hand is usually a mistake.',
    );
    expect(explainText(text, ['metadata', 'labels', 'app.kubernetes.io/flavour'])).toContain(
      'is not one of the recommended `app.kubernetes.io/*` labels',
    );
  });

  it('marks conventions of other tools', () => {
    expect(explainText(text, ['spec', 'template', 'metadata', 'annotations', 'prometheus.io/scrape'])).toContain(
      'A convention of Prometheus scrape configs',
    );
  });
});

describe('schema docs', () => {
  it('trims descriptions: no More info links, a few sentences, an ellipsis', () => {
    expect(trimDescription('Name of it. More info: https://example.com/x Cannot be updated.')).toBe(
      'Name of it. Cannot be updated.',
    );
    expect(trimDescription('One. Two. Three. Four. Five.')).toBe('One. Two. Three. …');
    expect(trimDescription('Policy.\n\nPossible enum values:\n - `"A"` means a.')).toBe('Policy.');
  });

  it('reads per-value docs of an enum', () => {
    expect(enumDocs('x\n\nPossible enum values:\n - `"A"` means a.\n - `"B"` means b.')).toEqual(
      new Map([
        ['A', 'means a.'],
        ['B', 'means b.'],
      ]),
    );
  });

  it('documents fields, map entries and list items', () => {
    const image = fieldDoc('io.k8s.api.core.v1.Pod', ['spec', 'containers', 0, 'image']);
    expect(image).toMatchObject({ path: 'spec.containers[0].image', type: 'string', owner: 'Container' });
    const label = fieldDoc('io.k8s.api.core.v1.Pod', ['metadata', 'labels', 'app']);
    expect(label?.description).toContain('Map of string keys and values');
    expect(fieldDoc('io.k8s.api.core.v1.Pod', ['spec', 'nope'])).toBeUndefined();
    expect(fieldDefault('Probe', 'periodSeconds')).toBe('`10`');
  });
});
