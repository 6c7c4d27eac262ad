// The namespace-policy rules (issue 18): LimitRange, RuntimeClass and ResourceQuota refusals read from the
// workspace. Each doc page's failing example is flagged and its passing one is not, with the page's objects.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexedObjects } from '../../../server/cli/loadWorkspace';
import { memoryWorkspace } from '../../../shared/analysis/workspace/memory';
import { lintText } from '../../../shared/lint';
import { policyRules } from '../../../shared/lint/rules/policy';
import { marked } from '../../helpers/lint/marked';

const DOCS = path.resolve(__dirname, '../../../docs/rules');

function block(page: string, heading: string): string {
  const m = new RegExp(`## ${heading}\\n\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(page);
  if (!m?.[1]) throw new Error(`no "${heading}" yaml block`);
  return m[1];
}

const workspaceOf = (yaml: string, complete = false) =>
  memoryWorkspace(indexedObjects(yaml, 'file:///ws/policy.yaml'), complete);

const lint = (text: string, ws: ReturnType<typeof workspaceOf> | undefined, rule: string) =>
  lintText(text, ws ? { workspace: ws } : {}).filter((f) => f.rule === rule);

describe('policy rule doc pages', () => {
  it.each(policyRules.map((r) => [r.meta.id, r.meta.severity]))(
    "%s: the page's examples behave as documented",
    (id, severity) => {
      const page = readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
      expect(page.startsWith(`# ${id}\n`)).toBe(true);
      expect(page).toContain('## Why it matters');
      expect(page).toContain('## Source');
      const ws = workspaceOf(block(page, "The namespace's objects"));
      const failing = lint(block(page, 'Failing example'), ws, id);
      expect(failing.map((f) => f.severity)).toEqual([severity]);
      expect(lint(block(page, 'Passing example'), ws, id)).toEqual([]);
      // Without the workspace there is nothing to check against.
      expect(lint(block(page, 'Failing example'), undefined, id)).toEqual([]);
    },
  );
});

const LIMITS = `apiVersion: v1
kind: LimitRange
metadata:
  name: bounds
  namespace: shop
spec:
  limits:
  - type: Container
    max: { cpu: "1" }
`;

/** A Pod with its containers key marked first and its container's resources key second. */
const pod = (namespace: string, cpu: string) =>
  marked(`apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: ${namespace}
spec:
  «containers»:
  - name: app
    image: registry.example/app:1.4.2
    «resources»:
      limits:
        cpu: "${cpu}"
`);

describe('limit-range-violation', () => {
  it("flags the container's resources key with the plug-in's message, and the API answer in the detail", () => {
    const shop = pod('shop', '2');
    const [f, ...rest] = lint(shop.text, workspaceOf(LIMITS), 'limit-range-violation');
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe('LimitRange bounds: maximum cpu usage per Container is 1, but limit is 2');
    expect(f?.range).toEqual(shop.ranges[1]);
    expect(f?.path).toBe('spec.containers[0].resources');
    expect(f?.detail).toContain('pods "web" is forbidden: maximum cpu usage per Container is 1, but limit is 2');
    expect(f?.detail).toContain('LimitRange bounds in namespace shop, defined in file:///ws/policy.yaml');
  });

  it("another namespace's LimitRange does not apply", () => {
    expect(lint(pod('default', '2').text, workspaceOf(LIMITS), 'limit-range-violation')).toEqual([]);
  });

  it('a Deployment is stored, so its template gets a warning saying every Pod is refused', () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: app
        image: registry.example/app:1.4.2
        resources: { limits: { cpu: "2" } }
`;
    const [f] = lint(deployment, workspaceOf(LIMITS), 'limit-range-violation');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe('LimitRange bounds: maximum cpu usage per Container is 1, but limit is 2');
    expect(f?.detail).toContain('pods "web-" is forbidden');
    expect(f?.detail).toContain('each Pod its controller creates is refused');
  });
});

describe('runtime-class-admission', () => {
  const { text: POD, range: KATA } = marked(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  runtimeClassName: «kata»
  containers:
  - name: app
    image: registry.example/app:1.4.2
`);

  it('an unknown class is an error only when the workspace is complete', () => {
    const [f] = lint(POD, workspaceOf('', true), 'runtime-class-admission');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe('RuntimeClass "kata" not found');
    expect(f?.range).toEqual(KATA);
    expect(f?.detail).toContain('pods "web" is forbidden: pod rejected: RuntimeClass "kata" not found');
    expect(lint(POD, workspaceOf('', false), 'runtime-class-admission')).toEqual([]);
  });
});

describe('resource-quota-exceeded', () => {
  const QUOTA = `apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
spec:
  hard:
    requests.memory: 1Gi
`;

  it('a container without the tracked request is "must specify", on the containers key', () => {
    const unset = pod('default', '1');
    const [f] = lint(unset.text, workspaceOf(QUOTA), 'resource-quota-exceeded');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe('ResourceQuota compute needs requests.memory set on every container');
    expect(f?.range).toEqual(unset.ranges[0]);
    expect(f?.detail).toContain('failed quota: compute: must specify requests.memory for: app');
    expect(f?.detail).toContain('not known here');
  });
});

describe('malformed policy objects', () => {
  it('neither the rules nor the simulation fail on bodies of the wrong shape or half-typed pods', () => {
    const odd = memoryWorkspace(
      indexedObjects(
        `apiVersion: v1
kind: LimitRange
metadata: { name: odd }
spec:
  limits: "none"
---
apiVersion: v1
kind: LimitRange
metadata: { name: odder }
spec:
  limits:
  - type: Container
    max: [1, 2]
    default: { cpu: lots, memory: 1e400Gi }
    maxLimitRequestRatio: { cpu: "0" }
  - 7
---
apiVersion: v1
kind: ResourceQuota
metadata: { name: q }
spec:
  hard: [1]
  scopeSelector: { matchExpressions: "x" }
---
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata: { name: rc }
handler: runc
overhead: 5
scheduling: { nodeSelector: [a], tolerations: { a: 1 } }
`,
        'file:///ws/odd.yaml',
      ),
      true,
    );
    const failures: unknown[] = [];
    const texts = [
      pod('default', '2').text,
      `${pod('default', '2').text}  runtimeClassName: rc\n`,
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    resources:\n      limits: {cpu: \n',
    ];
    for (const text of texts) {
      lintText(text, { workspace: odd, onRuleFailure: (f) => failures.push(f) });
    }
    expect(failures).toEqual([]);
  });
});
