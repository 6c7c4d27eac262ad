// Ranges of container fields in a three-document file mixing a Pod, a Deployment and a CronJob: every field
// the model reads points at the exact source text, in file coordinates, under each kind's pod-spec path.
import { describe, expect, it } from 'vitest';
import { type Field, parseManifests, type Range } from '../../../shared/model';

const FILE = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: init-db
      image: busybox:1.36
      command: ["sh", "-c", "sleep 5"]
    - name: proxy
      image: envoyproxy/envoy:v1.31
      restartPolicy: Always
  containers:
    - name: app
      image: nginx:1.27
      imagePullPolicy: IfNotPresent
      args: [--port, "8080"]
      workingDir: /srv
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
      env:
        - name: MODE
          value: prod
        - name: DB_PASS
          valueFrom:
            secretKeyRef: {name: db, key: password}
      envFrom:
        - configMapRef:
            name: app-config
      volumeMounts:
        - name: data
          mountPath: /data
      resources:
        requests: {cpu: 250m, memory: 64Mi}
        limits:
          memory: 128Mi
      livenessProbe:
        httpGet: {path: /healthz, port: http}
        periodSeconds: 10
      readinessProbe:
        tcpSocket:
          port: 8080
        initialDelaySeconds: 5
      startupProbe:
        exec:
          command: [cat, /tmp/ready]
        failureThreshold: 30
      lifecycle:
        postStart:
          exec: {command: [touch, /tmp/started]}
        preStop:
          sleep:
            seconds: 5
      securityContext:
        allowPrivilegeEscalation: false
  volumes:
    - name: data
      emptyDir: {}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:2.0
          ports:
            - containerPort: 9000
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox:1.36
              command: [sh, -c, "exit 0"]
`;

const lines = FILE.split('\n');

/** The source text a range covers (single-line ranges only, which is what field values are here). */
function textAt(r: Range): string {
  expect(r.start.line).toBe(r.end.line);
  return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
}

function valueText(f: Field<unknown>): string {
  if (f.kind === 'absent') throw new Error('field is absent');
  return textAt(f.range);
}

function keyText(f: Field<unknown>): string {
  if (f.kind === 'absent') throw new Error('field is absent');
  return textAt(f.keyRange);
}

describe('container field ranges across a Pod, a Deployment and a CronJob', () => {
  const file = parseManifests(FILE);
  const [pod, deploy, cron] = file.documents;

  it('finds three documents with their kinds and pod-spec paths', () => {
    expect(file.documents.map((d) => d.workload)).toEqual(['Pod', 'Deployment', 'CronJob']);
    expect(pod?.pod?.specPath).toEqual(['spec']);
    expect(deploy?.pod?.specPath).toEqual(['spec', 'template', 'spec']);
    expect(cron?.pod?.specPath).toEqual(['spec', 'jobTemplate', 'spec', 'template', 'spec']);
  });

  it('classifies init containers, native sidecars and regular containers', () => {
    const p = pod!.pod!;
    expect(p.initContainers.map((c) => [fieldName(c.name), c.role])).toEqual([
      ['init-db', 'init'],
      ['proxy', 'sidecar'],
    ]);
    expect(p.containers.map((c) => c.role)).toEqual(['regular']);
  });

  it('gives every scalar field of the Pod container its exact key and value range', () => {
    const c = pod!.pod!.containers[0]!;
    expect([keyText(c.name), valueText(c.name)]).toEqual(['name', 'app']);
    expect(valueText(c.image)).toBe('nginx:1.27');
    expect(valueText(c.imagePullPolicy)).toBe('IfNotPresent');
    expect(valueText(c.args)).toBe('[--port, "8080"]');
    expect(valueText(c.workingDir)).toBe('/srv');
    const port = c.ports[0]!;
    expect([valueText(port.name), valueText(port.containerPort), valueText(port.protocol)]).toEqual([
      'http',
      '8080',
      'TCP',
    ]);
    expect(port.path).toEqual(['spec', 'containers', 0, 'ports', 0]);
    expect(valueText(c.env[0]!.value)).toBe('prod');
    const secret = c.env[1]!.valueFrom!.sources[0]!;
    expect([secret.kind, valueText(secret.name), valueText(secret.key)]).toEqual(['secretKeyRef', 'db', 'password']);
    expect([c.envFrom[0]!.kind, valueText(c.envFrom[0]!.name)]).toEqual(['configMapRef', 'app-config']);
    expect([valueText(c.volumeMounts[0]!.name), valueText(c.volumeMounts[0]!.mountPath)]).toEqual(['data', '/data']);
    expect(valueText(c.resources.requests.entries.get('cpu')!)).toBe('250m');
    expect(valueText(c.resources.requests.entries.get('memory')!)).toBe('64Mi');
    expect(valueText(c.resources.limits.entries.get('memory')!)).toBe('128Mi');
    expect(valueText(c.securityContext.allowPrivilegeEscalation)).toBe('false');
  });

  it('reads probes and hooks with their handlers, numbers and ranges', () => {
    const c = pod!.pod!.containers[0]!;
    expect(textAt(c.livenessProbe!.keyRange)).toBe('livenessProbe');
    expect(c.livenessProbe!.handlers.map((h) => h.type)).toEqual(['httpGet']);
    expect(valueText(c.livenessProbe!.handlers[0]!.port)).toBe('http');
    expect(valueText(c.livenessProbe!.periodSeconds)).toBe('10');
    expect(valueText(c.readinessProbe!.handlers[0]!.port)).toBe('8080');
    expect(valueText(c.readinessProbe!.initialDelaySeconds)).toBe('5');
    expect(valueText(c.startupProbe!.handlers[0]!.command)).toBe('[cat, /tmp/ready]');
    expect(valueText(c.startupProbe!.failureThreshold)).toBe('30');
    expect(c.lifecycle.postStart!.handlers[0]!.type).toBe('exec');
    expect(valueText(c.lifecycle.preStop!.handlers[0]!.seconds)).toBe('5');
    expect(c.lifecycle.preStop!.path).toEqual(['spec', 'containers', 0, 'lifecycle', 'preStop']);
  });

  it('reads the init containers and the sidecar restartPolicy', () => {
    const [init, sidecar] = pod!.pod!.initContainers;
    expect(valueText(init!.command)).toBe('["sh", "-c", "sleep 5"]');
    expect(init!.command).toMatchObject({ kind: 'value', value: ['sh', '-c', 'sleep 5'] });
    expect(valueText(sidecar!.restartPolicy)).toBe('Always');
    expect(sidecar!.path).toEqual(['spec', 'initContainers', 1]);
  });

  it('places Deployment and CronJob containers under their template paths with file line numbers', () => {
    const d = deploy!.pod!.containers[0]!;
    expect(d.path).toEqual(['spec', 'template', 'spec', 'containers', 0]);
    expect(valueText(d.image)).toBe('ghcr.io/acme/api:2.0');
    expect(d.image.kind === 'value' && d.image.range.start.line).toBe(
      lines.indexOf('          image: ghcr.io/acme/api:2.0'),
    );
    expect(valueText(d.ports[0]!.containerPort)).toBe('9000');
    const j = cron!.pod!.containers[0]!;
    expect(j.path).toEqual(['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0]);
    expect(valueText(j.command)).toBe('[sh, -c, "exit 0"]');
    expect(valueText(cron!.pod!.restartPolicy)).toBe('OnFailure');
  });

  it('reads template metadata separately from the workload metadata', () => {
    expect(fieldName(deploy!.pod!.metadata.name)).toBe('api');
    expect(deploy!.pod!.podMetadata.path).toEqual(['spec', 'template', 'metadata']);
    expect([...deploy!.pod!.podMetadata.labels.keys()]).toEqual(['app']);
  });
});

function fieldName(f: Field<string>): string | undefined {
  return f.kind === 'value' ? f.value : undefined;
}
