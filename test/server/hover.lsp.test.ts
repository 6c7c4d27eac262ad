// Hover over LSP against dist/server.js: official field docs plus what the field does in this manifest, on a Pod,
// a Deployment and a CronJob (33 positions), and the rule explanation on a diagnostic's range.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isScalar, type Node, visit } from 'yaml';
import { parseManifests } from '../../shared/model';
import { positionOf, TestLspClient } from '../helpers/lspClient';

const DIGEST = `sha256:${'a1'.repeat(32)}`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
  annotations:
    kubectl.kubernetes.io/default-container: web
spec:
  runtimeClassName: gvisor
  terminationGracePeriodSeconds: 20
  imagePullSecrets:
    - name: regcred
  initContainers:
    - name: migrate
      image: registry.example.com:5000/shop/migrate@${DIGEST}
    - name: log-shipper
      image: busybox:1.36
      restartPolicy: Always
  containers:
    - name: web
      image: nginx
      ports:
        - name: http
          containerPort: 8080
      env:
        - name: REDIS_SERVICE_HOST
          value: localhost
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db
              key: password
      resources:
        requests:
          cpu: 250m
          memory: 64Mi
        limits:
          cpu: 500m
          memory: 128Mi
      livenessProbe:
        httpGet:
          path: /healthz
          port: http
        initialDelaySeconds: 10
      readinessProbe:
        tcpSocket:
          port: 8080
        periodSeconds: 5
      lifecycle:
        preStop:
          exec:
            command: ["sh", "-c", "sleep 30"]
    - name: api
      image: ghcr.io/acme/api:1.4.2
      imagePullPolicy: Never
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: checkout
  template:
    metadata:
      labels:
        app.kubernetes.io/name: checkout
    spec:
      containers:
        - name: app
          image: registry.example.com/shop/checkout:1.2.3
          resources:
            requests:
              cpu: 100m
              memory: 256Mi
            limits:
              cpu: 100m
              memory: 256Mi
          startupProbe:
            exec:
              command: ["cat", "/tmp/ready"]
            failureThreshold: 30
            periodSeconds: 10
          livenessProbe:
            grpc:
              port: 9090
`;

const CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: wait
              image: busybox:1.36
          containers:
            - name: report
              image: python:3.12-slim
              lifecycle:
                postStart:
                  exec:
                    command: ["sh", "-c", "echo started"]
---
apiVersion: v1
kind: Pod
metadata:
  name: once
spec:
  restartPolicy: Never
  initContainers:
    - name: setup
      image: busybox:1.36
  containers:
    - name: main
      image: busybox:1.36
`;

let client: TestLspClient;
const uris: Record<string, string> = {};
const texts: Record<string, string> = { pod: POD, deployment: DEPLOYMENT, cronjob: CRONJOB };

/** The hover's Markdown at the `occurrence`-th `needle` of a fixture, `offset` characters in. */
async function hover(file: string, needle: string, offset = 1, occurrence = 1): Promise<string> {
  const text = texts[file] as string;
  const result = await client.hover(uris[file] as string, positionOf(text, needle, offset, occurrence));
  const contents = result?.contents;
  return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

beforeAll(async () => {
  client = await TestLspClient.start();
  for (const [name, text] of Object.entries(texts)) {
    uris[name] = client.uri(`hover-${name}.yaml`);
    await client.open(uris[name] as string, text);
  }
});
afterAll(async () => {
  await client.stop();
});

/** Every key of a fixture: its text and position, from the manifest model's AST. */
function keysOf(text: string): { key: string; line: number; character: number }[] {
  const out: { key: string; line: number; character: number }[] = [];
  for (const doc of parseManifests(text).documents) {
    visit(doc.ast, {
      Pair(_, pair) {
        const key = pair.key as Node;
        if (isScalar(key) && key.range) out.push({ key: String(key.value), ...doc.ctx.lines.positionAt(key.range[0]) });
      },
    });
  }
  return out;
}

describe('hover layout', () => {
  it('documents every key of the Pod, the Deployment and the CronJob with its path and type', async () => {
    for (const [file, text] of Object.entries(texts)) {
      for (const k of keysOf(text)) {
        const result = await client.hover(uris[file] as string, { line: k.line, character: k.character + 1 });
        const md =
          result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
        expect(md, `${file}:${k.line + 1} ${k.key}`).toMatch(/^\*\*`[^`]+`\*\* · `[^`]+`\n\n\S/);
        expect(md, `${file}:${k.line + 1} ${k.key}`).toContain('[Kubernetes API reference: ');
      }
    }
  });

  it('has the path and type, the trimmed official description, the docs link, then the effective values', async () => {
    const md = await hover('pod', 'image: nginx');
    expect(md.startsWith('**`spec.containers[0].image`** · `string`\n\nContainer image name.')).toBe(true);
    expect(md).toContain(
      '[Kubernetes API reference: Container](https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container)',
    );
    expect(md).toContain('---\n\n**In this manifest**\n\n- Image: registry `docker.io` (implicit)');
    expect(md).not.toContain('More info:');
  });

  it('shows the API default of a field', async () => {
    expect(await hover('pod', 'terminationGracePeriodSeconds')).toContain('Default when absent: `30`');
    expect(await hover('deployment', 'replicas')).toContain('Default when absent: `1`');
    expect(await hover('cronjob', 'backoffLimit')).toContain('Default when absent: `6`');
  });

  it('lists what the API server fills in on the pod spec and on a container', async () => {
    expect(await hover('deployment', '    spec:', 5)).toContain(
      'Filled in by the API server: `dnsPolicy: ClusterFirst`, `restartPolicy: Always`, `terminationGracePeriodSeconds: 30`',
    );
    expect(await hover('pod', '- name: api', 3)).toContain(
      'Filled in by the API server: `terminationMessagePath: /dev/termination-log`, `terminationMessagePolicy: File`',
    );
  });

  it('shows schema docs for workload fields outside the pod template', async () => {
    const md = await hover('cronjob', 'schedule');
    expect(md).toContain('**`spec.schedule`** · `string`');
    expect(md).toContain('workload-resources/cron-job-v1/#CronJobSpec');
  });
});

describe('images and pull policies', () => {
  it('spells out the implicit registry, library/ and latest, and the pull policy with its reason', async () => {
    const md = await hover('pod', 'nginx', 2);
    expect(md).toContain('repository `library/nginx` (implicit `library/`) · tag `latest` (implicit: no tag given)');
    expect(md).toContain('Pulls `docker.io/library/nginx:latest`');
    expect(md).toContain(
      'Pull policy: **Always** (not set, so the API server defaults it: no tag => :latest => Always)',
    );
  });

  it('shows the pull policy on the container name too', async () => {
    expect(await hover('pod', '- name: web', 3)).toContain('Pull policy: **Always**');
  });

  it('explains an explicit policy: what each means on the node and digest advice', async () => {
    const md = await hover('pod', 'imagePullPolicy: Never');
    expect(md).toContain('Pull policy: **Never** (explicit)');
    expect(md).toContain('**Never** (this container): never pulls');
    expect(md).toContain('ErrImageNeverPull');
    expect(md).toContain('IfNotPresent: pulls only when the node does not have the image');
    expect(md).toContain('Pin a digest');
  });

  it('reads a digest-pinned image on a registry with a port', async () => {
    const md = await hover('pod', 'image: registry.example.com:5000');
    expect(md).toContain(
      'registry `registry.example.com:5000` · repository `shop/migrate` · digest `sha256:a1a1a1a1a1a1…`',
    );
    expect(md).toContain(
      'Pull policy: **IfNotPresent** (not set, so the API server defaults it: digest pinned => IfNotPresent)',
    );
  });

  it('defaults a tagged image in a Deployment template to IfNotPresent', async () => {
    const md = await hover('deployment', 'image: registry');
    expect(md).toContain('**`spec.template.spec.containers[0].image`**');
    expect(md).toContain('tag `1.2.3`');
    expect(md).toContain('Pull policy: **IfNotPresent**');
  });
});

describe('resources and QoS', () => {
  it('gives cpu in cores and the pod totals and QoS class', async () => {
    const md = await hover('pod', '250m');
    expect(md).toContain('`250m` = 0.25 CPU (250 millicores)');
    expect(md).toContain('Requests of Pod (what the scheduler reserves): cpu `250m`, memory `64Mi`');
    expect(md).toContain('QoS class **Burstable**');
  });

  it('gives memory in its unit and in bytes', async () => {
    expect(await hover('pod', 'memory: 64Mi', 10)).toContain('`64Mi` = 64 MiB = 67,108,864 bytes');
  });

  it('summarises the resources block', async () => {
    const md = await hover('pod', 'resources:');
    expect(md).toContain('Limits of Pod: cpu `500m`, memory `128Mi`');
  });

  it('reports Guaranteed per Pod of a Deployment', async () => {
    const md = await hover('deployment', 'cpu: 100m', 6);
    expect(md).toContain('`100m` = 0.1 CPU (100 millicores)');
    expect(md).toContain('Requests of each Pod');
    expect(md).toContain('QoS class **Guaranteed**');
  });
});

describe('what the node does with resources (cgroup v2)', () => {
  it('turns the cpu request into cpu.weight through cpu.shares and the runtime conversion', async () => {
    const md = await hover('pod', '250m');
    expect(md).toContain('`cpu.weight: 35`: the request 250m → cpu.shares 256');
    expect(md).toContain('pkg/kubelet/cm/helpers_linux.go');
    expect(md).toContain('ConvertCPUSharesToCgroupV2Value');
    expect(md).toContain('= 10)');
    expect(md).not.toContain('cpu.max');
  });

  it('turns the cpu limit into a cpu.max quota over the 100 ms period', async () => {
    const md = await hover('pod', 'cpu: 500m', 6);
    expect(md).toContain('`cpu.max: 50000 100000`');
    expect(md).not.toContain('cpu.weight');
  });

  it('turns the memory limit into memory.max, with oom_score_adj and MemoryQoS said to be alpha', async () => {
    const md = await hover('pod', 'memory: 128Mi', 10);
    expect(md).toContain('`memory.max: 134217728`');
    // 1000 − 1000 × 64Mi / 8Gi, integer division.
    expect(md).toContain('`oom_score_adj: 993` (Burstable)');
    expect(md).toContain('assumes a 8Gi node');
    expect(md).toContain('pkg/kubelet/qos/policy.go');
    expect(md).toContain('Only with the MemoryQoS feature gate (alpha, off by default)');
    expect(md).toContain('`memory.min: 67108864`');
    expect(md).toContain('`memory.high: 127504384`');
  });

  it('lists every value on the resources key', async () => {
    const md = await hover('pod', 'resources:');
    for (const v of ['cpu.weight: 35', 'cpu.max: 50000 100000', 'memory.max: 134217728', 'oom_score_adj: 993']) {
      expect(md).toContain(v);
    }
  });

  it('gives a Guaranteed container oom_score_adj -997', async () => {
    expect(await hover('deployment', 'resources:')).toContain('`oom_score_adj: -997` (Guaranteed)');
  });
});

describe('partial objects (kustomize patches)', () => {
  const PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
          resources:
            requests:
              memory: 512Mi
`;

  it('says what this file sets and what the base supplies, never a total or QoS class from the patch alone', async () => {
    const uri = client.uri('overlays/prod/patch-memory.yaml');
    await client.open(uri, PATCH);
    const result = await client.hover(uri, positionOf(PATCH, '512Mi', 1));
    const contents = result?.contents;
    const md = contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
    expect(md).toContain('**In this file** (a partial object: the base it patches supplies the rest)');
    expect(md).toContain('This file sets requests.memory `512Mi`.');
    expect(md).toContain('come from the base it patches');
    expect(md).not.toContain('Requests of each Pod');
    expect(md).not.toMatch(/Burstable|Guaranteed|BestEffort/);
    expect(md).not.toContain('oom_score_adj');
  });
});

describe('probes', () => {
  it('does the liveness timeline arithmetic and resolves the named port', async () => {
    const md = await hover('pod', 'livenessProbe');
    expect(md).toContain('HTTP GET `http://<pod IP>:8080/healthz`');
    expect(md).toContain('Port `http` resolves to `8080`');
    expect(md).toContain(
      'First check at 10 s; if it never passes, killed and restarted between 30 s and 40 s after start: 3 failures 10 s apart; the exact tick phase is up to the kubelet.',
    );
  });

  it('explains the probe from its port key as well', async () => {
    expect(await hover('pod', 'port: http')).toContain('Port `http` resolves to `8080`');
  });

  it('says readiness never restarts and shows a numbered port with its name', async () => {
    const md = await hover('pod', 'readinessProbe');
    expect(md).toContain('Opens a TCP connection to port `8080`');
    expect(md).toContain('Port `8080` (declared as `http`)');
    expect(md).toContain('Readiness never restarts it.');
    expect(md).toContain('3 failures 5 s apart');
  });

  it('gives the startup budget', async () => {
    const md = await hover('deployment', 'startupProbe');
    expect(md).toContain('Runs `cat /tmp/ready` in the container (exit 0 passes)');
    expect(md).toContain('killed and restarted between 290 s and 300 s after start: 30 failures 10 s apart');
    expect(md).toContain('the container gets at most 300 s to start');
  });

  it('starts liveness after the startup probe', async () => {
    const md = await hover('deployment', 'livenessProbe');
    expect(md).toContain('Calls the gRPC health service on port `9090`');
    expect(md).toContain('after the startup probe passes');
  });
});

describe('restarts and termination', () => {
  it('gives the back-off schedule and init container behaviour under OnFailure', async () => {
    const md = await hover('cronjob', 'restartPolicy');
    expect(md).toContain('**OnFailure**: a non-zero exit restarts the container; exit 0 completes it.');
    expect(md).toContain('the first restart is immediate, later ones wait 10 s, 20 s, 40 s … capped at 300 s');
    expect(md).toContain('resets after 10 minutes of running');
    expect(md).toContain("The often-quoted '10, 20, 40' schedule starting at the first exit is one step off");
    expect(md).toContain('Init containers `wait` run one at a time');
    expect(md).toContain('restarted with the same back-off while the pod stays Pending');
  });

  it('fails the pod on a failing init container under Never', async () => {
    const md = await hover('cronjob', 'restartPolicy: Never');
    expect(md).toContain('**Never**: no container is restarted');
    expect(md).toContain('A failing init container fails the whole pod');
  });

  it('explains a native sidecar', async () => {
    expect(await hover('pod', 'restartPolicy: Always')).toContain(
      'Native sidecar (init container with restartPolicy Always)',
    );
  });

  it('flags a preStop that outlives the grace period', async () => {
    const md = await hover('pod', 'terminationGracePeriodSeconds');
    expect(md).toContain('On deletion each container gets 20 s: preStop, then SIGTERM, then SIGKILL at the deadline.');
    expect(md).toContain(
      '**preStop (30 s) outlives the 20 s grace period**: the kubelet stops waiting at 20 s, sends SIGTERM then, and SIGKILL at 22 s',
    );
    expect(md).toContain('Sidecars `log-shipper` stop after the regular containers');
  });

  it('explains the preStop hook itself', async () => {
    const md = await hover('pod', 'preStop');
    expect(md).toContain('Runs `sh -c "sleep 30"` in the container');
    expect(md).toContain('Runs before SIGTERM whenever the kubelet stops the container');
  });

  it('explains postStart', async () => {
    expect(await hover('cronjob', 'postStart')).toContain('the container shows Waiting until the hook returns');
  });
});

describe('pod fields, env and metadata', () => {
  it('explains runtimeClassName', async () => {
    expect(await hover('pod', 'runtimeClassName')).toContain('Runs under RuntimeClass `gvisor`');
  });

  it('explains imagePullSecrets with the registries used', async () => {
    const md = await hover('pod', 'imagePullSecrets');
    expect(md).toContain('Secrets `regcred`');
    expect(md).toContain('`registry.example.com:5000`, `docker.io` and `ghcr.io`');
  });

  it('explains service-link variables', async () => {
    const md = await hover('pod', 'REDIS_SERVICE_HOST');
    expect(md).toContain(
      '`REDIS_SERVICE_HOST` is also the name of a service-link variable (a Service `redis`); this explicit value wins.',
    );
    expect(md).toContain('enableServiceLinks is true (default)');
    expect(md).toContain('(a Service `web` gives `WEB_SERVICE_HOST` and `WEB_SERVICE_PORT`)');
  });

  it('explains a value from a Secret', async () => {
    expect(await hover('pod', 'secretKeyRef')).toContain('From Secret `db`, key `password`');
  });

  it('explains known labels and annotations', async () => {
    expect(await hover('pod', 'app.kubernetes.io/name')).toContain(
      '`app.kubernetes.io/name`: The name of the application.',
    );
    const md = await hover('pod', 'kubectl.kubernetes.io/default-container');
    expect(md).toContain('kubectl logs, exec and attach');
    expect(md).toContain('Containers here: `web`, `api`');
    expect(await hover('deployment', 'app.kubernetes.io/name', 1, 2)).toContain('Pod template label');
  });

  it('summarises the container lists and a port', async () => {
    expect(await hover('pod', '  containers:', 3)).toContain(
      'Start order: 1 init container one at a time, each to completion; 1 native sidecar started in place and kept running; then 2 containers together.',
    );
    expect(await hover('pod', 'containerPort')).toContain('Used by `livenessProbe` and `readinessProbe`.');
  });
});

describe('diagnostics', () => {
  it('adds the rule explanation and its doc link on a diagnostic range', async () => {
    const diags = client.lastDiagnostics(uris.pod as string);
    expect(diags.map((d) => d.code)).toContain('latest-tag');
    const md = await hover('pod', 'nginx', 2);
    expect(md).toContain('[`latest-tag`](https://github.com/podlens/podlens/blob/main/docs/rules/latest-tag.md)');
    expect(md).toContain('The image has no tag or uses :latest');
  });

  it('answers null away from any field', async () => {
    const text = 'apiVersion: v1\nkind: Pod\n\n# comment\n';
    const uri = client.uri('hover-empty.yaml');
    await client.open(uri, text);
    expect(await client.hover(uri, { line: 3, character: 3 })).toBeNull();
  });
});

describe('partial objects (Helm templates)', () => {
  it('computes no totals, QoS class or cgroup values when a request is a template value', async () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      resources:
        requests:
          cpu: 250m
          memory: "{{ .Values.memory }}"
`;
    const uri = client.uri('chart-pod.yaml');
    await client.open(uri, text);
    const result = await client.hover(uri, positionOf(text, '250m', 1));
    const contents = result?.contents;
    const md = contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
    expect(md).toContain('`250m` = 0.25 CPU (250 millicores)');
    expect(md).toContain('known only once rendered');
    expect(md).not.toMatch(/Requests of Pod|Burstable|Guaranteed|BestEffort|cpu\.weight/);
  });
});
