// missing-name (an API error) and recommended-labels (a hint).
import { describe, expect, it } from 'vitest';
import { applyFix, brief, explained, findings, parseAll } from '../../helpers/lint/lintHelpers';
import { marked } from '../../helpers/lint/marked';

const { text: DEPLOYMENT, range: DEPLOYMENT_METADATA } = marked(`apiVersion: apps/v1
kind: Deployment
«metadata»:
  labels:
    app: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`);

describe('missing-name', () => {
  it('is an error on the metadata key of a workload without name or generateName, with a fix', () => {
    const [f, ...rest] = findings(DEPLOYMENT, 'missing-name');
    expect(rest).toEqual([]);
    expect(brief(f!)).toEqual({ rule: 'missing-name', severity: 'error', range: DEPLOYMENT_METADATA });
    const fixed = applyFix(DEPLOYMENT, f?.fixes?.[0]);
    expect(fixed).toContain('metadata:\n  labels:\n    app: web\n  name: name\nspec:\n');
    expect(findings(fixed, 'missing-name')).toEqual([]);
  });

  it('anchors at `kind` and inserts metadata after it when there is no metadata at all', () => {
    const { text, ranges } = marked('apiVersion: v1\nkind: «Pod»\nspec:\n  containers:\n  - name: a\n    image: a:1\n');
    const [f] = findings(text, 'missing-name');
    expect(f?.range).toEqual(ranges[0]);
    const fixed = applyFix(text, f?.fixes?.[0]);
    expect(fixed).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: name\nspec:\n  containers:\n  - name: a\n    image: a:1\n',
    );
    expect(parseAll(fixed)).toHaveLength(1);
  });

  it('flags an empty name and replaces it', () => {
    const { text, ranges } = marked(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: «""»\nspec:\n  containers:\n  - name: a\n    image: a:1\n',
    );
    const [f] = findings(text, 'missing-name');
    expect(f?.range).toEqual(ranges[0]);
    expect(applyFix(text, f?.fixes?.[0])).toContain('  name: name\n');
  });

  it('is silent with generateName, on pod templates, on kustomize patches and on non-pod kinds', () => {
    expect(
      findings(DEPLOYMENT.replace('  labels:\n    app: web\nspec', '  generateName: web-\nspec'), 'missing-name'),
    ).toEqual([]);
    const named = DEPLOYMENT.replace('metadata:\n  labels:', 'metadata:\n  name: web\n  labels:');
    expect(findings(named, 'missing-name')).toEqual([]);
    expect(findings(DEPLOYMENT, 'missing-name', 'overlays/prod/replicas-patch.yaml')).toEqual([]);
    expect(findings('apiVersion: v1\nkind: ConfigMap\ndata: {}\n', 'missing-name')).toEqual([]);
  });
});

describe('recommended-labels', () => {
  it('hints on the labels key when app.kubernetes.io/name is missing, with a fix that uses the name', () => {
    const { text, ranges } = marked(DEPLOYMENT.replace('metadata:\n  labels:', 'metadata:\n  name: web\n  «labels»:'));
    const [f] = findings(text, 'recommended-labels');
    expect(brief(f!)).toEqual({ rule: 'recommended-labels', severity: 'hint', range: ranges[0] });
    expect(explained(f)).toContain('app.kubernetes.io/name, app.kubernetes.io/instance');
    const fixed = applyFix(text, f?.fixes?.[0]);
    expect(fixed).toContain('  labels:\n    app: web\n    app.kubernetes.io/name: web\nspec:');
    expect(findings(fixed, 'recommended-labels')).toEqual([]);
  });

  it('creates the labels map when there is none', () => {
    const { text, ranges } = marked(
      'apiVersion: v1\nkind: Pod\n«metadata»:\n  name: "123"\nspec:\n  containers:\n  - name: a\n    image: a:1\n',
    );
    const [f] = findings(text, 'recommended-labels');
    expect(f?.range).toEqual(ranges[0]);
    expect(applyFix(text, f?.fixes?.[0])).toContain(
      '  name: "123"\n  labels:\n    app.kubernetes.io/name: "123"\nspec:',
    );
  });

  it('is silent when the label is present', () => {
    const text = DEPLOYMENT.replace(
      '  labels:\n    app: web\nspec',
      '  name: web\n  labels:\n    app.kubernetes.io/name: web\nspec',
    );
    expect(findings(text, 'recommended-labels')).toEqual([]);
  });
});
