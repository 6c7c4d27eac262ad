// The fix builders edit the user's text: exact resulting YAML, indentation and comments kept, still parseable.
import { describe, expect, it } from 'vitest';
import {
  insertMemoryLimitFix,
  insertProbeFix,
  insertResourcesFix,
  pinTagFix,
  pullPolicyFix,
  snippetToPlain,
  tabStop,
  yamlPlain,
} from '../../../shared/lint/fixes';
import { type ContainerView, parseManifests } from '../../../shared/model';
import { applyFix, parseAll } from '../../helpers/lint/lintHelpers';
import { marked } from '../../helpers/lint/marked';

function container(
  text: string,
  index = 0,
): { doc: ReturnType<typeof parseManifests>['documents'][number]; c: ContainerView } {
  const doc = parseManifests(text).documents[0];
  const c = doc?.pod?.containers[index];
  if (!doc || !c) throw new Error('no container');
  return { doc, c };
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app   # the app
    image: nginx:latest
    ports:
    - containerPort: 8080
      name: http
    # trailing comment about app
  - name: side
    image: busybox
`;

describe('insertProbeFix', () => {
  it('appends a readinessProbe after the last line of the container, keeping comments in place', () => {
    const { doc, c } = container(POD);
    const out = applyFix(POD, insertProbeFix(doc, c, 'readinessProbe'));
    expect(out).toBe(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app   # the app
    image: nginx:latest
    ports:
    - containerPort: 8080
      name: http
    readinessProbe:
      httpGet:
        path: /readyz
        port: http
      periodSeconds: 10
      failureThreshold: 3
    # trailing comment about app
  - name: side
    image: busybox
`);
    const parsed = parseAll(out)[0] as { spec: { containers: Record<string, unknown>[] } };
    expect(parsed.spec.containers[0]?.readinessProbe).toEqual({
      httpGet: { path: '/readyz', port: 'http' },
      periodSeconds: 10,
      failureThreshold: 3,
    });
    expect(parsed.spec.containers[1]).toEqual({ name: 'side', image: 'busybox' });
  });

  it('follows a 4-space document and uses a port placeholder when none is declared', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
    name: web
spec:
    template:
        spec:
            containers:
                -   name: app
                    image: app:1.0
`;
    const { doc, c } = container(text);
    const fix = insertProbeFix(doc, c, 'livenessProbe');
    expect(fix?.snippet).toBe(true);
    expect(fix?.edits[0]?.newText).toContain(`port: ${tabStop(2, '8080')}`);
    expect(applyFix(text, fix)).toBe(`${text}                    livenessProbe:
                        httpGet:
                            path: /livez
                            port: 8080
                        initialDelaySeconds: 10
                        periodSeconds: 10
                        failureThreshold: 3
`);
  });

  it('offers nothing for a flow-style container', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - {name: app, image: app:1.0}\n';
    const { doc, c } = container(text);
    expect(insertProbeFix(doc, c, 'readinessProbe')).toBeUndefined();
    expect(insertResourcesFix(doc, c)).toBeUndefined();
    expect(pullPolicyFix(doc, c, 'IfNotPresent')).toBeUndefined();
  });

  it('offers nothing for a container reached through an alias', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  initContainers:\n  - &base\n    name: a\n    image: app:1\n  containers:\n  - *base\n';
    const { doc, c } = container(text);
    expect(insertProbeFix(doc, c, 'readinessProbe')).toBeUndefined();
  });

  it('inserts after a block scalar without touching it', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
  containers:
  - name: app
    image: app:1
    args:
    - |
      line one
      line two

  - name: b
    image: b:1
`;
    const { doc, c } = container(text);
    const out = applyFix(text, insertProbeFix(doc, c, 'readinessProbe'));
    const parsed = parseAll(out)[0] as { spec: { containers: { args?: string[]; readinessProbe?: unknown }[] } };
    expect(parsed.spec.containers[0]?.args).toEqual(['line one\nline two\n']);
    expect(parsed.spec.containers[0]?.readinessProbe).toBeDefined();
    expect(out).toContain('      line two\n    readinessProbe:\n');
  });

  it('keeps CRLF line endings', () => {
    const text = POD.replace(/\n/g, '\r\n');
    const { doc, c } = container(text, 1);
    const out = applyFix(text, insertProbeFix(doc, c, 'readinessProbe'));
    expect(out).toContain('    image: busybox\r\n    readinessProbe:\r\n      httpGet:\r\n');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('pinTagFix', () => {
  it('replaces :latest with a snippet that selects the tag, typed only (never plain text)', () => {
    const tag = marked(POD.replace('nginx:latest', 'nginx«:latest»'));
    const { doc, c } = container(tag.text);
    const fix = pinTagFix(doc, c);
    expect(fix).toMatchObject({
      snippet: true,
      typed: true,
      isPreferred: true,
      title: 'Replace :latest with a pinned tag',
    });
    expect(fix?.edits).toEqual([
      {
        range: tag.range,
        newText: `:${tabStop(1, 'latest')}`,
      },
    ]);
    // Escape leaves the placeholder: the same image as before, never a made-up tag.
    expect(applyFix(POD, fix)).toContain('    image: nginx:latest\n');
  });

  it('appends a tag inside quotes and after a registry port', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: "registry:5000/team/app"\n';
    const { doc, c } = container(text);
    expect(applyFix(text, pinTagFix(doc, c))).toContain('    image: "registry:5000/team/app:latest"\n');
  });

  it('offers nothing when escapes make offsets unsafe', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: "ngin\\x78"\n';
    const { doc, c } = container(text);
    expect(pinTagFix(doc, c)).toBeUndefined();
  });
});

describe('pullPolicyFix', () => {
  it('adds imagePullPolicy right after image, at the keys of a `- image:` item', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - image: nginx   # web\n      name: web\n';
    const { doc, c } = container(text);
    expect(applyFix(text, pullPolicyFix(doc, c, 'Always'))).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - image: nginx   # web\n      imagePullPolicy: Always\n      name: web\n',
    );
  });

  it('replaces an existing value', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: a:1\n    imagePullPolicy: Never # local\n';
    const { doc, c } = container(text);
    expect(applyFix(text, pullPolicyFix(doc, c, 'IfNotPresent'))).toContain(
      '    imagePullPolicy: IfNotPresent # local\n',
    );
  });
});

describe('resources fixes', () => {
  it('fills an empty `resources: {}` with a skeleton', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: a:1\n    resources: {}\n    env: []\n';
    const { doc, c } = container(text);
    expect(applyFix(text, insertResourcesFix(doc, c))).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: a:1\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n      limits:\n        memory: 128Mi\n    env: []\n',
    );
  });

  it('adds a memory limit equal to the request into an existing limits map', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: a:1\n    resources:\n      limits:\n        cpu: "1"\n      requests:\n        memory: 256Mi\n';
    const { doc, c } = container(text);
    const out = applyFix(text, insertMemoryLimitFix(doc, c));
    expect(out).toContain('      limits:\n        cpu: "1"\n        memory: 256Mi\n      requests:\n');
    expect(
      (parseAll(out)[0] as { spec: { containers: { resources: unknown }[] } }).spec.containers[0]?.resources,
    ).toEqual({
      limits: { cpu: '1', memory: '256Mi' },
      requests: { memory: '256Mi' },
    });
  });
});

describe('text helpers', () => {
  it('turns snippets into their plain default text', () => {
    expect(snippetToPlain(`image:${tabStop(1, 'tag')} $0 \\$HOME \\} x`)).toBe('image:tag  $HOME } x');
  });

  it('quotes strings YAML 1.1 would not read back as strings', () => {
    expect([yamlPlain('web'), yamlPlain('on'), yamlPlain('123'), yamlPlain('a b')]).toEqual([
      'web',
      '"on"',
      '"123"',
      '"a b"',
    ]);
  });
});
