// The index's facts of an open file come from the host's own parse, segment by segment: after edits that move,
// change, add and renumber documents they equal what indexing the whole text gives, also for a file the host
// reads in a kustomize context (which the index ignores) and for a Helm template (which defines nothing).
import { describe, expect, it } from 'vitest';
import { OpenFileFacts } from '../../server/openFileFacts';
import { AnalysisHost } from '../../shared/analysis';
import { indexFile } from '../../shared/analysis/workspace';
import { DEFAULT_LINT_CONFIG } from '../../shared/lint';
import type { ParseOptions } from '../../shared/model';

const URI = 'file:///ws/app.yaml';

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: app
          image: registry.example/app:1.0.0
          ports: [{name: http, containerPort: 8080}]
          envFrom: [{configMapRef: {name: ${name}-config}}]
`;
const configMap = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  A: "1"\n  B: "2"\n`;

function open(options: ParseOptions = { path: URI }) {
  const host = new AnalysisHost({ config: DEFAULT_LINT_CONFIG }, { optionsFor: (uri) => ({ ...options, path: uri }) });
  const facts = new OpenFileFacts();
  let version = 0;
  return {
    edit: (text: string, uri = URI) => host.applyChange(uri, ++version, [{ text }]),
    read: (helmTemplate = false, uri = URI) => facts.factsOf(uri, host.snapshot(), { helmTemplate }),
    length: () => facts.text(URI, host.snapshot()).length,
  };
}

describe('open file facts', () => {
  it('equal the whole text indexed after each edit', () => {
    const f = open();
    const versions = [
      `${deployment('web')}---\n${configMap('web-config')}`,
      `# a comment\n\n${deployment('web')}---\n${configMap('web-config')}`,
      `# a comment\n\n${deployment('web')}---\n${configMap('web-config')}---\n${deployment('api')}`,
      `${configMap('first')}---\nnot: kubernetes\n---\n${deployment('web')}---\n${deployment('api')}`,
      `${configMap('first')}---\n${deployment('web').replace('8080', '9090')}---\n${deployment('api')}`,
    ];
    for (const text of versions) {
      f.edit(text);
      expect(f.read()).toEqual(indexFile(URI, text));
      expect(f.length()).toBe(text.length);
    }
  });

  it('read a file the host parses with a kustomize context as the index reads it', () => {
    const f = open({
      path: URI,
      kustomize: {
        source: 'kustomization.yaml',
        namespace: 'prod',
        selectorLabels: { team: 'a' },
        templateLabels: {},
        metadataLabels: {},
        annotations: {},
        namePrefix: 'x-',
        nameSuffix: '',
        images: [],
        replicas: [],
        labelFields: { team: 'commonLabels' },
      },
    });
    const text = `${deployment('web')}---\n${configMap('web-config')}`;
    f.edit(text);
    expect(f.read()).toEqual(indexFile(URI, text));
    f.edit(`# moved\n${text}`);
    expect(f.read()).toEqual(indexFile(URI, `# moved\n${text}`));
  });

  it('define nothing in a Helm chart template', () => {
    const f = open();
    f.edit(deployment('web'));
    expect(f.read(true)).toEqual({ uri: URI, objects: [] });
  });

  it('of a copy of an open file, under a plain and under a patch-like name, are its own', () => {
    const f = open();
    const text = `${deployment('web')}---\n${configMap('web-config')}`;
    f.edit(text);
    f.read();
    for (const uri of ['file:///ws/copy.yaml', 'file:///ws/web-patch.yaml']) {
      const copy = `# a copy\n${text}`;
      f.edit(copy, uri);
      expect(f.read(false, uri)).toEqual(indexFile(uri, copy));
    }
  });
});
