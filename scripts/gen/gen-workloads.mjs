#!/usr/bin/env node
// Deterministic benchmark workloads for `npm run bench` (same bytes on every run, no randomness), written to
// bench/workloads/ together with workloads.json: the file list and the probe positions of the LSP harness.
// Positions are YAML paths resolved against the text at run time (scripts/bench/lsp.mjs), never line numbers,
// so the workloads can change without breaking the harness.
//
//   pod.yaml                 a small Pod (~30 lines)
//   deployment.yaml          a realistic Deployment: 3 containers, probes, resources, env, volumes (~150 lines)
//   deployment-errors.yaml   the same with 5 deliberate errors (listed in workloads.json "expectedErrors")
//   multi-100.yaml           100 such objects in one multi-document file (Deployments, StatefulSets, DaemonSets)
//   multi-1000.yaml          1,000 of them (~150k lines)
//   multi-10000.yaml         10,000 of them (~1.5M lines, ~40 MB): the scale workload (issue 19)
//
// Usage: node scripts/gen/gen-workloads.mjs [--out dir] [--quiet]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({ options: { out: { type: 'string' }, quiet: { type: 'boolean' } } });
const outDir = path.resolve(args.out ?? path.join(ROOT, 'bench', 'workloads'));

const APPS = [
  'checkout',
  'payments',
  'catalog',
  'search',
  'cart',
  'users',
  'orders',
  'shipping',
  'reviews',
  'inventory',
];
const pad = (i) => String(i).padStart(4, '0');

function pod() {
  return `apiVersion: v1
kind: Pod
metadata:
  name: web-0
  namespace: demo
  labels:
    app: web
spec:
  restartPolicy: Always
  terminationGracePeriodSeconds: 30
  containers:
    - name: web
      image: nginx:1.25.3
      imagePullPolicy: IfNotPresent
      ports:
        - name: http
          containerPort: 80
          protocol: TCP
      env:
        - name: NGINX_PORT
          value: "80"
      resources:
        requests:
          cpu: 100m
          memory: 64Mi
        limits:
          cpu: 500m
          memory: 128Mi
      readinessProbe:
        httpGet:
          path: /
          port: http
        periodSeconds: 5
`;
}

/**
 * One realistic workload object. `i` varies names, images and numbers; `kind` picks the controller.
 * `errors` injects the five deliberate mistakes of deployment-errors.yaml.
 */
function workload(i, kind = 'Deployment', errors = false) {
  const app = i === 0 ? 'checkout' : `${APPS[i % APPS.length]}-${pad(i)}`;
  const ver = `1.${i % 7}.${i % 13}`;
  const replicas = 2 + (i % 4);
  const controller = {
    Deployment: `  replicas: ${errors ? 'three' : replicas}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0`,
    StatefulSet: `  replicas: ${replicas}
  serviceName: ${app}
  podManagementPolicy: Parallel
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
  updateStrategy:
    type: RollingUpdate`,
    DaemonSet: `  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1`,
  }[kind];
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${app}
  namespace: shop
  labels:
    app.kubernetes.io/name: ${app}
    app.kubernetes.io/part-of: shop
    app.kubernetes.io/version: "${ver}"
  annotations:
    owner: team-${APPS[(i + 3) % APPS.length]}
spec:
${controller}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${app}
        app.kubernetes.io/part-of: shop
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9102"
    spec:
      serviceAccountName: ${app}
      terminationGracePeriodSeconds: ${30 + (i % 5) * 15}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        fsGroup: 10001
      containers:
        - name: app
          image: registry.example.com/shop/${APPS[i % APPS.length]}:${ver}
          imagePullPolicy: ${errors ? 'Sometimes' : 'IfNotPresent'}
          args: ["--config=/etc/app/config.yaml", "--port=8080"]
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          env:
            - name: LOG_LEVEL
              value: ${['info', 'debug', 'warn'][i % 3]}
            - name: DB_HOST
              valueFrom:
                configMapKeyRef:
                  name: ${app}-config
                  key: db.host
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: ${app}-db
                  key: password
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
          resources:
            requests:
              cpu: ${100 + (i % 5) * 50}m
              memory: 256Mi
            limits:
              cpu: "1"
              memory: 512Mi
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 10
            periodSeconds: 10
            timeoutSeconds: 2
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
            failureThreshold: 2
          volumeMounts:
            - name: config
              mountPath: /etc/app
              readOnly: true
            - name: tmp
              mountPath: /tmp
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
        - name: envoy
          image: envoyproxy/envoy:v1.29.${i % 5}
          imagePullPolicy: IfNotPresent
          args: ["-c", "/etc/envoy/envoy.yaml", "--log-level", "warn"]
          ports:
            - name: proxy
              containerPort: 10000
            - name: admin
              containerPort: 9901
          resources:
            requests:
              cpu: ${errors ? '500m' : '50m'}
              memory: 64Mi
            limits:
              cpu: ${errors ? '200m' : '250m'}
              memory: 128Mi
          ${errors ? 'livenesProbe' : 'livenessProbe'}:
            httpGet:
              path: /ready
              port: admin
            periodSeconds: 10
          readinessProbe:
            tcpSocket:
              port: proxy
            periodSeconds: 5
          volumeMounts:
            - name: envoy-config
              mountPath: /etc/envoy
              readOnly: true
        - name: ${errors ? 'app' : 'metrics'}
          image: prom/statsd-exporter:v0.26.${i % 3}
          imagePullPolicy: Always
          ports:
            - name: metrics
              containerPort: 9102
          env:
            - name: STATSD_MAPPING
              value: /etc/statsd/mapping.yaml
          resources:
            requests:
              cpu: 10m
              memory: 32Mi
            limits:
              cpu: 100m
              memory: 64Mi
          livenessProbe:
            httpGet:
              path: /metrics
              port: metrics
            periodSeconds: 30
      volumes:
        - name: config
          configMap:
            name: ${app}-config
        - name: envoy-config
          configMap:
            name: ${app}-envoy
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
`;
}

const KIND_CYCLE = [
  'Deployment',
  'Deployment',
  'Deployment',
  'Deployment',
  'Deployment',
  'Deployment',
  'Deployment',
  'StatefulSet',
  'StatefulSet',
  'DaemonSet',
];
const multi = (n) => Array.from({ length: n }, (_, i) => workload(i, KIND_CYCLE[i % KIND_CYCLE.length])).join('---\n');

// Probe positions. `path` is a YAML path; a leading "**." means "first match at any depth" of the target
// document; an array lists alternatives (the first that resolves wins: the Pod has one container).
// `at`: key | keyEnd | value | valueStart | valueEnd | newKeyAfter (insert a new line with the key's indentation
// after the node's value, complete there, then undo) | emptyValue (delete the scalar value so the line reads
// `key: `, complete after the space, then restore). `doc`: first | middle | last | <index> (default middle).
// `key` under container n, falling back to container 0 (the Pod has one container); container 0 needs no fallback.
const c = (n, key) => (n === 0 ? `**.containers[0].${key}` : [`**.containers[${n}].${key}`, `**.containers[0].${key}`]);
// A query at `key` of container n whose label says just that: `c1 imagePullPolicy key (first doc)`.
const inContainer = (n, key, at, doc) => ({
  label: `c${n} ${key} ${at}${doc ? ` (${doc} doc)` : ''}`,
  path: c(n, key),
  at,
  ...(doc && { doc }),
});
const hover = [
  { label: 'apiVersion key', path: 'apiVersion', at: 'key' },
  { label: 'kind value', path: 'kind', at: 'value' },
  { label: 'metadata.name key', path: 'metadata.name', at: 'key' },
  { label: 'metadata.labels key', path: 'metadata.labels', at: 'key' },
  { label: 'containers key', path: '**.containers', at: 'key' },
  inContainer(0, 'image', 'key'),
  inContainer(0, 'image', 'value'),
  inContainer(0, 'imagePullPolicy', 'key'),
  inContainer(1, 'imagePullPolicy', 'value'),
  inContainer(0, 'ports[0].containerPort', 'key'),
  inContainer(0, 'env[0].name', 'key'),
  inContainer(0, 'resources.requests', 'key'),
  inContainer(0, 'resources.limits.memory', 'key'),
  inContainer(0, 'resources.limits.memory', 'value'),
  inContainer(0, 'readinessProbe', 'key'),
  inContainer(0, 'readinessProbe.periodSeconds', 'key'),
  inContainer(0, 'readinessProbe.httpGet.path', 'key'),
  inContainer(2, 'name', 'key'),
  inContainer(1, 'imagePullPolicy', 'key', 'first'),
  inContainer(1, 'imagePullPolicy', 'key', 'last'),
];
const completion = [
  { label: 'new key in c0', path: c(0, 'imagePullPolicy'), at: 'newKeyAfter' },
  { label: 'new key in c1', path: c(1, 'image'), at: 'newKeyAfter' },
  { label: 'new key in c2', path: c(2, 'image'), at: 'newKeyAfter' },
  { label: 'new key in pod spec', path: '**.containers', at: 'newKeyAfter' },
  { label: 'new key in metadata', path: 'metadata.name', at: 'newKeyAfter' },
  { label: 'new key in c0 readinessProbe', path: c(0, 'readinessProbe.periodSeconds'), at: 'newKeyAfter' },
  {
    label: 'new key in c0 readinessProbe.httpGet',
    path: c(0, 'readinessProbe.httpGet.path'),
    at: 'newKeyAfter',
  },
  { label: 'new key in c0 ports[0]', path: c(0, 'ports[0].containerPort'), at: 'newKeyAfter' },
  { label: 'new key in c0 resources', path: c(0, 'resources.requests'), at: 'newKeyAfter' },
  { label: 'new key at top level', path: 'kind', at: 'newKeyAfter' },
  { label: 'new key in top-level spec', path: ['spec.selector', 'spec.restartPolicy'], at: 'newKeyAfter' },
  { label: 'c0 imagePullPolicy: (empty value)', path: c(0, 'imagePullPolicy'), at: 'emptyValue' },
  { label: 'c0 ports[0].protocol: (empty value)', path: c(0, 'ports[0].protocol'), at: 'emptyValue' },
  inContainer(1, 'imagePullPolicy', 'value'),
  { label: 'kind value', path: 'kind', at: 'value' },
  { label: 'apiVersion value', path: 'apiVersion', at: 'value' },
  inContainer(0, 'imagePullPolicy', 'keyEnd'),
  inContainer(0, 'readinessProbe', 'keyEnd'),
  { label: 'new key in c0 (first doc)', path: c(0, 'imagePullPolicy'), at: 'newKeyAfter', doc: 'first' },
  { label: 'new key in c0 (last doc)', path: c(0, 'imagePullPolicy'), at: 'newKeyAfter', doc: 'last' },
];
// One-character edits: type a character at the end of a scalar, then delete it again (alternating), round-robin
// over these positions; in the multi-document files they fall in the first, middle and last documents.
const edits = [
  { label: 'c0 env[0].value end', path: c(0, 'env[0].value'), at: 'valueEnd' },
  { label: 'c0 image tag end (first doc)', path: c(0, 'image'), at: 'valueEnd', doc: 'first' },
  {
    label: 'c1 resources.limits.memory end (last doc)',
    path: c(1, 'resources.limits.memory'),
    at: 'valueEnd',
    doc: 'last',
  },
  { label: 'metadata.name end', path: 'metadata.name', at: 'valueEnd' },
  {
    label: 'c0 readinessProbe.periodSeconds end',
    path: c(0, 'readinessProbe.periodSeconds'),
    at: 'valueEnd',
  },
];

const files = {
  'pod.yaml': pod(),
  'deployment.yaml': workload(0),
  'deployment-errors.yaml': workload(0, 'Deployment', true),
  'multi-100.yaml': multi(100),
  'multi-1000.yaml': multi(1000),
  'multi-10000.yaml': multi(10000),
};
const expectedErrors = [
  { what: 'imagePullPolicy: Sometimes (not an enum value)', schemaDetectable: true },
  { what: 'replicas: three (string, integer expected)', schemaDetectable: true },
  { what: 'livenesProbe (unknown key, typo of livenessProbe) in container envoy', schemaDetectable: true },
  { what: 'duplicate container name "app"', schemaDetectable: false },
  { what: 'envoy limits.cpu 200m < requests.cpu 500m', schemaDetectable: false },
];

fs.mkdirSync(outDir, { recursive: true });
const manifest = { generator: 'scripts/gen/gen-workloads.mjs', queries: { hover, completion, edits }, workloads: [] };
for (const [name, text] of Object.entries(files)) {
  const file = path.join(outDir, name);
  // Rewrite only when the bytes differ, so the files keep their mtime (and the page cache) between runs.
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
  const entry = {
    name: name.replace(/\.yaml$/, ''),
    file: name,
    lines: text.split('\n').length - 1,
    documents: text.split(/^---$/m).length,
    bytes: Buffer.byteLength(text),
  };
  if (name === 'deployment-errors.yaml') entry.expectedErrors = expectedErrors;
  manifest.workloads.push(entry);
  if (!args.quiet) {
    const kib = (entry.bytes / 1024).toFixed(0);
    console.log(`${path.relative(ROOT, file)}: ${entry.lines} lines, ${entry.documents} documents, ${kib} KiB`);
  }
}
fs.writeFileSync(path.join(outDir, 'workloads.json'), `${JSON.stringify(manifest, null, 2)}\n`);
