// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the bodies are LSP snippets, and `${1:x}` is their syntax.
/**
 * Snippet bodies in LSP snippet syntax, two spaces per level, relative to the line they start on. Item bodies
 * describe one list item's map (without its `- `); the composers wrap them under a key or into a list.
 */

export type Body = readonly string[];

/** `key:` with the body one level below. */
export const under = (key: string, body: Body): Body => [`${key}:`, ...body.map((l) => `  ${l}`)];

/** `key:` with the item body as its first list item. */
export const listOf = (key: string, item: Body): Body => [
  `${key}:`,
  `  - ${item[0]}`,
  ...item.slice(1).map((l) => `    ${l}`),
];

export const CONTAINER: Body = [
  'name: ${1:app}',
  'image: ${2:nginx:1.27}',
  'ports:',
  '  - name: http',
  '    containerPort: ${3:80}',
];
export const INIT_CONTAINER: Body = [
  'name: ${1:init}',
  'image: ${2:busybox:1.36}',
  'command: ["sh", "-c", "${3:until nslookup db; do sleep 2; done}"]',
];
export const SIDECAR: Body = [
  'name: ${1:log-shipper}',
  'image: ${2:busybox:1.36}',
  'restartPolicy: Always',
  'command: ["sh", "-c", "${3:tail -F /var/log/app.log}"]',
];

/** Handler lines of a probe; `port` is the container's first named port or a number. */
export const PROBE_HANDLERS: Readonly<Record<string, (port: string) => Body>> = {
  httpGet: (port) => ['httpGet:', '  path: ${1:/healthz}', `  port: \${2:${port}}`],
  tcpSocket: (port) => ['tcpSocket:', `  port: \${1:${port}}`],
  exec: () => ['exec:', '  command: ["${1:cat}", "${2:/tmp/healthy}"]'],
  grpc: () => ['grpc:', '  port: ${1:9090}'],
};

/** Timing lines per probe kind: startup gets a generous budget, liveness a slower cadence than readiness. */
export const PROBE_TIMING: Readonly<Record<string, Body>> = {
  readinessProbe: ['periodSeconds: ${8:5}', 'failureThreshold: ${9:3}'],
  livenessProbe: ['periodSeconds: ${8:10}', 'failureThreshold: ${9:3}'],
  startupProbe: ['periodSeconds: ${8:10}', 'failureThreshold: ${9:30}'],
};

export const POST_START: Body = ['exec:', '  command: ["sh", "-c", "${1:echo started > /tmp/started}"]'];
export const PRE_STOP: Body = ['exec:', '  command: ["sh", "-c", "${1:sleep 5}"]'];

export const RESOURCES: Body = under('resources', [
  'requests:',
  '  cpu: ${1:250m}',
  '  memory: ${2:128Mi}',
  'limits:',
  '  cpu: ${3:500m}',
  '  memory: ${4:256Mi}',
]);

const keyRef = (kind: string): Body => [
  'name: ${1:VAR_NAME}',
  'valueFrom:',
  `  ${kind}:`,
  '    name: ${2:name}',
  '    key: ${3:key}',
];
export const ENV_CONFIGMAP = keyRef('configMapKeyRef');
export const ENV_SECRET = keyRef('secretKeyRef');
export const ENV_FROM_CONFIGMAP: Body = ['configMapRef:', '  name: ${1:config-name}'];
export const ENV_FROM_SECRET: Body = ['secretRef:', '  name: ${1:secret-name}'];

/** A mount of volume `name`; the volume itself is added elsewhere in the pod spec. */
export const mount = (name: string): Body => [`name: ${name}`, 'mountPath: ${1:/data}'];

export const POD: Body = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: ${1:my-pod}',
  '  labels:',
  '    app.kubernetes.io/name: ${1}',
  'spec:',
  '  containers:',
  '    - name: ${2:app}',
  '      image: ${3:nginx:1.27}',
  '      ports:',
  '        - containerPort: ${4:80}',
];

export const DEPLOYMENT: Body = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: ${1:my-app}',
  'spec:',
  '  replicas: ${2:2}',
  '  selector:',
  '    matchLabels:',
  '      app.kubernetes.io/name: ${1}',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app.kubernetes.io/name: ${1}',
  '    spec:',
  '      containers:',
  '        - name: ${3:app}',
  '          image: ${4:nginx:1.27}',
];

export const CRONJOB: Body = [
  'apiVersion: batch/v1',
  'kind: CronJob',
  'metadata:',
  '  name: ${1:my-job}',
  'spec:',
  '  schedule: "${2:*/5 * * * *}"',
  '  jobTemplate:',
  '    spec:',
  '      template:',
  '        spec:',
  '          restartPolicy: ${3|OnFailure,Never|}',
  '          containers:',
  '            - name: ${4:job}',
  '              image: ${5:busybox:1.36}',
  '              command: ["sh", "-c", "${6:date}"]',
];
