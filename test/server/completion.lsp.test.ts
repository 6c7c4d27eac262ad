// biome-ignore-all lint/suspicious/noTemplateCurlyInString: expected insert texts are LSP snippets (`${1:x}`).
// Completion over LSP against dist/server.js: keys from the schema path (minus those present) with insert text
// shaped by the value kind, values, snippets, across a Pod, a Deployment and a CronJob, and the half-typed lines
// an editor actually sends.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { TestLspClient, withCursor } from '../helpers/lspClient';

let client: TestLspClient;
let n = 0;

beforeAll(async () => {
  client = await TestLspClient.start();
});
afterAll(async () => {
  await client.stop();
});

/** Opens `src` (cursor at `‸`) as a new document and completes at the cursor, as if `trigger` was typed. */
async function complete(src: string, trigger?: string): Promise<CompletionItem[]> {
  const { text, position } = withCursor(src);
  const uri = client.uri(`completion-${++n}.yaml`);
  await client.open(uri, text);
  return client.completion(uri, position, trigger);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const byLabel = (items: CompletionItem[], label: string) => items.find((i) => i.label === label);
const newText = (item: CompletionItem | undefined) =>
  item?.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined;

const POD_HEAD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  volumes:
    - name: config
      configMap:
        name: web-config
    - name: cache
      emptyDir: {}
  containers:
    - name: web
      image: nginx
      ports:
        - name: http
          containerPort: 8080
`;

const DEPLOYMENT_HEAD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
spec:
  replicas: 2
  selector:
    matchLabels:
`;

const DEPLOYMENT_TEMPLATE = `  template:
    metadata:
      labels:
        app.kubernetes.io/name: checkout
        tier: web
    spec:
      containers:
        - name: app
          image: registry.example.com/checkout:1.2.3
`;

const CRONJOB_HEAD = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
`;

describe('keys in a Pod', () => {
  it('offers the container keys not yet present, with insert text per value kind', async () => {
    const items = await complete(`${POD_HEAD}      ‸\n`);
    expect(labels(items)).toEqual(
      expect.arrayContaining(['imagePullPolicy', 'livenessProbe', 'env', 'resources', 'command']),
    );
    expect(labels(items)).not.toContain('name');
    expect(labels(items)).not.toContain('image');
    expect(labels(items)).not.toContain('ports');
    expect(newText(byLabel(items, 'imagePullPolicy'))).toBe('imagePullPolicy: ${1|Always,IfNotPresent,Never|}');
    expect(newText(byLabel(items, 'livenessProbe'))).toBe('livenessProbe:\n        $0');
    expect(newText(byLabel(items, 'env'))).toBe('env:\n        - $0');
    expect(newText(byLabel(items, 'workingDir'))).toBe('workingDir: $0');
    expect(newText(byLabel(items, 'stdin'))).toBe('stdin: ${1|true,false|}');
    const doc = byLabel(items, 'imagePullPolicy')?.documentation;
    expect(typeof doc === 'object' && doc.value).toContain(
      'Default when absent: `Always` when the tag is `latest` or missing',
    );
  });

  it('does not offer imagePullPolicy again once it is present', async () => {
    const items = await complete(`${POD_HEAD}      imagePullPolicy: Always\n      ‸\n`);
    expect(labels(items)).not.toContain('imagePullPolicy');
    expect(labels(items)).toContain('readinessProbe');
  });

  it('offers pod spec keys at the spec indentation', async () => {
    const items = await complete(`${POD_HEAD}  ‸\n`);
    expect(labels(items)).toEqual(
      expect.arrayContaining(['initContainers', 'restartPolicy', 'terminationGracePeriodSeconds', 'runtimeClassName']),
    );
    expect(labels(items)).not.toContain('containers');
    expect(labels(items)).not.toContain('volumes');
    expect(newText(byLabel(items, 'restartPolicy'))).toBe('restartPolicy: ${1|Always,Never,OnFailure|}');
  });

  it('offers recommended label keys', async () => {
    const items = await complete(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app.kubernetes.io/name: web\n    ‸\n',
    );
    expect(labels(items)).toEqual(
      expect.arrayContaining(['app.kubernetes.io/instance', 'app.kubernetes.io/version', 'app.kubernetes.io/part-of']),
    );
    expect(labels(items)).not.toContain('app.kubernetes.io/name');
    expect(labels(items)).not.toContain('pod-template-hash');
  });

  it('offers resource names under requests', async () => {
    expect(labels(await complete(`${POD_HEAD}      resources:\n        requests:\n          ‸\n`))).toEqual([
      'cpu',
      'memory',
      'ephemeral-storage',
    ]);
  });

  it('offers the whole manifest in an empty document, and root keys', async () => {
    const items = await complete('‸');
    const pod = byLabel(items, 'Pod');
    expect(newText(pod)).toContain('apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${1:my-pod}');
    expect(labels(items)).toEqual(
      expect.arrayContaining(['apiVersion', 'kind', 'metadata', 'spec', 'Deployment', 'CronJob']),
    );
    const after = await complete('apiVersion: v1\nkind: Pod\n---\n‸');
    expect(labels(after)).toContain('Pod');
  });
});

describe('values', () => {
  it('offers the pull policies and marks the default for this image', async () => {
    const items = await complete(`${POD_HEAD}      imagePullPolicy: ‸\n`);
    expect(labels(items)).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(byLabel(items, 'Always')?.detail).toBe('default here: no tag => :latest => Always');
  });

  it('narrows restartPolicy by where it is', async () => {
    expect(labels(await complete(`${POD_HEAD}  restartPolicy: ‸\n`))).toEqual(['Always', 'OnFailure', 'Never']);
    const init = await complete(`${POD_HEAD}  initContainers:\n    - name: sidecar\n      restartPolicy: ‸\n`);
    expect(labels(init)).toEqual(['Always']);
    expect(labels(await complete(`${DEPLOYMENT_HEAD}${DEPLOYMENT_TEMPLATE}      restartPolicy: ‸\n`))).toEqual([
      'Always',
    ]);
    expect(labels(await complete(`${CRONJOB_HEAD}          restartPolicy: ‸\n`))).toEqual(['OnFailure', 'Never']);
  });

  it('offers enums from the schema: protocol and dnsPolicy', async () => {
    expect(labels(await complete(`${POD_HEAD}          protocol: ‸\n`))).toEqual(['SCTP', 'TCP', 'UDP']);
    const dns = await complete(`${POD_HEAD}  dnsPolicy: ‸\n`);
    expect(labels(dns)).toEqual(['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']);
    const doc = byLabel(dns, 'None')?.documentation;
    expect(typeof doc === 'object' && doc.value).toContain('empty DNS settings');
  });

  it('offers booleans', async () => {
    expect(labels(await complete(`${POD_HEAD}  hostNetwork: ‸\n`))).toEqual(['true', 'false']);
  });

  it('offers the container port names for a probe port', async () => {
    const items = await complete(`${POD_HEAD}      livenessProbe:\n        httpGet:\n          port: ‸\n`);
    expect(labels(items)).toEqual(['http', '8080']);
    expect(byLabel(items, 'http')?.detail).toBe('port 8080');
  });

  it('offers volume names for a mount', async () => {
    expect(labels(await complete(`${POD_HEAD}      volumeMounts:\n        - name: ‸\n`))).toEqual(['config', 'cache']);
  });

  it('offers container names where a field refers to a container', async () => {
    const src = `${POD_HEAD}      env:\n        - name: LIMIT\n          valueFrom:\n            resourceFieldRef:\n              containerName: ‸\n`;
    expect(labels(await complete(src))).toEqual(['web']);
  });

  it('offers common quantities with their meaning', async () => {
    const cpu = await complete(`${POD_HEAD}      resources:\n        requests:\n          cpu: ‸\n`);
    expect(labels(cpu)).toEqual(['100m', '250m', '500m', '1']);
    const doc = byLabel(cpu, '250m')?.documentation;
    expect(typeof doc === 'object' && doc.value).toBe('`250m` = 0.25 CPU (250 millicores)');
    expect(labels(await complete(`${POD_HEAD}      resources:\n        limits:\n          memory: ‸\n`))).toEqual([
      '64Mi',
      '128Mi',
      '256Mi',
      '512Mi',
      '1Gi',
    ]);
  });

  it('offers kinds and the apiVersion of the kind', async () => {
    expect(labels(await complete('apiVersion: v1\nkind: ‸\n'))).toEqual(
      expect.arrayContaining(['Pod', 'Deployment', 'CronJob']),
    );
    expect(labels(await complete('apiVersion: ‸\nkind: CronJob\n'))).toEqual(['batch/v1']);
  });
});

describe('workload templates', () => {
  it('offers container keys at any depth in a Deployment template', async () => {
    const items = await complete(
      `${DEPLOYMENT_HEAD}      app.kubernetes.io/name: checkout\n${DEPLOYMENT_TEMPLATE}          ‸\n`,
    );
    expect(labels(items)).toEqual(expect.arrayContaining(['imagePullPolicy', 'readinessProbe']));
    expect(newText(byLabel(items, 'readinessProbe'))).toBe('readinessProbe:\n            $0');
  });

  it('offers the template labels in the selector', async () => {
    const items = await complete(`${DEPLOYMENT_HEAD}      ‸\n${DEPLOYMENT_TEMPLATE}`);
    expect(labels(items)).toEqual(['app.kubernetes.io/name: checkout', 'tier: web']);
    expect(newText(byLabel(items, 'tier: web'))).toBe('tier: "web"');
  });

  it('offers DeploymentSpec keys without those present', async () => {
    const items = await complete(`${DEPLOYMENT_HEAD}      app: x\n  ‸\n${DEPLOYMENT_TEMPLATE}`);
    expect(labels(items)).toEqual(expect.arrayContaining(['strategy', 'minReadySeconds', 'revisionHistoryLimit']));
    expect(labels(items)).not.toContain('replicas');
    expect(labels(items)).not.toContain('status');
  });

  it('offers container keys and snippets in a CronJob job template', async () => {
    const items = await complete(`${CRONJOB_HEAD}          containers:\n            - name: report\n              ‸\n`);
    expect(labels(items)).toEqual(
      expect.arrayContaining(['image', 'command', 'livenessProbe (exec)', 'resources (requests + limits)']),
    );
  });

  it('offers init container and native sidecar snippets in a fresh init container item', async () => {
    const items = await complete(`${CRONJOB_HEAD}          initContainers:\n            - ‸\n`);
    expect(labels(items)).toEqual(expect.arrayContaining(['name', 'init container', 'native sidecar']));
    expect(newText(byLabel(items, 'native sidecar'))).toBe(
      'name: ${1:log-shipper}\n              image: ${2:busybox:1.36}\n              restartPolicy: Always\n              command: ["sh", "-c", "${3:tail -F /var/log/app.log}"]',
    );
  });
});

describe('snippets', () => {
  it('offers probes with each handler, using the named port', async () => {
    const items = await complete(`${POD_HEAD}      ‸\n`);
    for (const kind of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
      for (const handler of ['httpGet', 'tcpSocket', 'exec', 'grpc'])
        expect(labels(items)).toContain(`${kind} (${handler})`);
    }
    expect(newText(byLabel(items, 'readinessProbe (httpGet)'))).toBe(
      'readinessProbe:\n        httpGet:\n          path: ${1:/healthz}\n          port: ${2:http}\n        periodSeconds: ${8:5}\n        failureThreshold: ${9:3}',
    );
  });

  it('offers hooks, resources and env from a ConfigMap or Secret', async () => {
    const items = await complete(`${POD_HEAD}      ‸\n`);
    expect(newText(byLabel(items, 'preStop hook'))).toBe(
      'lifecycle:\n        preStop:\n          exec:\n            command: ["sh", "-c", "${1:sleep 5}"]',
    );
    expect(newText(byLabel(items, 'resources (requests + limits)'))).toContain(
      'resources:\n        requests:\n          cpu: ${1:250m}',
    );
    expect(newText(byLabel(items, 'env from Secret key'))).toBe(
      'env:\n        - name: ${1:VAR_NAME}\n          valueFrom:\n            secretKeyRef:\n              name: ${2:name}\n              key: ${3:key}',
    );
    expect(labels(items)).toEqual(
      expect.arrayContaining(['postStart hook', 'env from ConfigMap key', 'envFrom ConfigMap', 'envFrom Secret']),
    );
  });

  it('adds a volume + mount pair: the mount at the cursor, the volume after the existing volumes', async () => {
    const items = await complete(`${POD_HEAD}      ‸\n`);
    const pair = byLabel(items, 'volume + mount (emptyDir)');
    expect(newText(pair)).toBe('volumeMounts:\n        - name: data\n          mountPath: ${1:/data}');
    expect(pair?.additionalTextEdits).toEqual([
      {
        range: { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } },
        newText: '    - name: data\n      emptyDir: {}\n',
      },
    ]);
  });

  it('creates `volumes` above the containers when there are none', async () => {
    const items = await complete('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      ‸\n');
    expect(byLabel(items, 'volume + mount (emptyDir)')?.additionalTextEdits).toEqual([
      {
        range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
        newText: '  volumes:\n    - name: data\n      emptyDir: {}\n',
      },
    ]);
  });

  it('offers handler snippets inside a probe and hook snippets inside lifecycle', async () => {
    const probe = await complete(`${POD_HEAD}      startupProbe:\n        failureThreshold: 30\n        ‸\n`);
    expect(labels(probe)).toEqual(
      expect.arrayContaining(['startupProbe (httpGet)', 'startupProbe (grpc)', 'periodSeconds']),
    );
    expect(newText(byLabel(probe, 'startupProbe (tcpSocket)'))).toBe('tcpSocket:\n          port: ${1:http}');
    const hooks = await complete(
      `${POD_HEAD}      lifecycle:\n        postStart:\n          exec:\n            command: [a]\n        ‸\n`,
    );
    expect(labels(hooks)).toEqual(expect.arrayContaining(['preStop', 'preStop hook']));
    expect(labels(hooks)).not.toContain('postStart');
    expect(labels(hooks)).not.toContain('postStart hook');
  });
});

/**
 * The half-typed inputs of the issue, which are the normal state of a line being edited:
 *  1. `imagePu` with no colon, followed by another key of the container
 *  2. `imagePu` with no colon on the last line of the file
 *  3. a pod spec key with no colon (`restartPo`) followed by another spec key
 *  4. a word with no colon as the first key under `livenessProbe:`
 *  5. an empty list item `- ` under `containers`
 *  6. an empty list item `- ` under `ports`
 *  7. a half-typed first key after the dash (`- na`)
 *  8. a blank indented line between two keys of a container
 *  9. a half-typed enum value (`imagePullPolicy: If`)
 * 10. a value right after the colon, no space yet (`restartPolicy:`)
 */
describe('half-typed input', () => {
  it('1. imagePu followed by a sibling key', async () => {
    const items = await complete(`${POD_HEAD}      imagePu‸\n      resources: {}\n`);
    const ipp = byLabel(items, 'imagePullPolicy');
    expect(ipp?.textEdit).toMatchObject({
      range: { start: { line: 17, character: 6 }, end: { line: 17, character: 13 } },
    });
    expect(newText(ipp)).toBe('imagePullPolicy: ${1|Always,IfNotPresent,Never|}');
    expect(labels(items)).not.toContain('resources');
    expect(labels(items)).not.toContain('image');
  });

  it('2. imagePu on the last line', async () => {
    const items = await complete(`${POD_HEAD}      imagePu‸`);
    expect(labels(items)).toContain('imagePullPolicy');
    expect(labels(items)).not.toContain('ports');
  });

  it('3. a pod spec key with no colon', async () => {
    const items = await complete(`${POD_HEAD}  restartPo‸\n  dnsPolicy: ClusterFirst\n`);
    expect(newText(byLabel(items, 'restartPolicy'))).toBe('restartPolicy: ${1|Always,Never,OnFailure|}');
    expect(labels(items)).not.toContain('dnsPolicy');
  });

  it('4. the first key under livenessProbe, no colon yet', async () => {
    const items = await complete(`${POD_HEAD}      livenessProbe:\n        htt‸\n      resources: {}\n`);
    expect(newText(byLabel(items, 'httpGet'))).toBe('httpGet:\n          $0');
    expect(labels(items)).toEqual(expect.arrayContaining(['periodSeconds', 'livenessProbe (httpGet)']));
  });

  it('5. an empty list item under containers', async () => {
    const items = await complete(`${POD_HEAD}    - ‸\n  restartPolicy: Always\n`);
    expect(newText(byLabel(items, 'name'))).toBe('name: $0');
    expect(newText(byLabel(items, 'container'))).toBe(
      'name: ${1:app}\n      image: ${2:nginx:1.27}\n      ports:\n        - name: http\n          containerPort: ${3:80}',
    );
  });

  it('6. an empty list item under ports', async () => {
    const items = await complete(`${POD_HEAD}        - ‸\n`);
    expect(labels(items)).toEqual(expect.arrayContaining(['containerPort', 'name', 'protocol', 'hostPort']));
  });

  it('7. a half-typed first key after the dash', async () => {
    const items = await complete('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - na‸\n');
    const name = byLabel(items, 'name');
    expect(name?.textEdit).toMatchObject({
      range: { start: { line: 4, character: 6 }, end: { line: 4, character: 8 } },
    });
    expect(newText(name)).toBe('name: $0');
  });

  it('8. a blank indented line between two keys', async () => {
    const items = await complete(`${POD_HEAD.replace('      ports:', '      ‸\n      ports:')}`);
    expect(labels(items)).toContain('imagePullPolicy');
    expect(labels(items)).not.toContain('ports');
  });

  it('9. a half-typed enum value', async () => {
    const items = await complete(`${POD_HEAD}      imagePullPolicy: If‸\n`);
    const item = byLabel(items, 'IfNotPresent');
    expect(item?.textEdit).toMatchObject({
      range: { start: { line: 17, character: 23 }, end: { line: 17, character: 25 } },
      newText: 'IfNotPresent',
    });
  });

  it('10. a value right after the colon gets a space', async () => {
    const items = await complete(`${POD_HEAD}  restartPolicy:‸\n`);
    expect(newText(byLabel(items, 'Never'))).toBe(' Never');
  });

  it('answers a typed space only where it opens a value or a list item', async () => {
    expect(labels(await complete(`${POD_HEAD}      imagePullPolicy: ‸\n`, ' '))).toEqual([
      'Always',
      'IfNotPresent',
      'Never',
    ]);
    expect(labels(await complete(`${POD_HEAD}        - ‸\n`, ' '))).toContain('containerPort');
    expect(await complete(`${POD_HEAD}      ‸\n`, ' ')).toEqual([]);
  });

  it('also: a line at the list column that still needs its dash, and a label key being typed', async () => {
    const items = await complete(`${POD_HEAD}    ‸\n`);
    expect(newText(byLabel(items, 'name'))).toBe('- name: $0');
    const label = await complete('apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app.kubernetes.io/ver‸\n');
    expect(newText(byLabel(label, 'app.kubernetes.io/version'))).toBe('app.kubernetes.io/version: $0');
  });
});
