/**
 * Environment variables: where a value comes from, `$(VAR)` expansion, and the service-link variables the
 * kubelet adds when `enableServiceLinks` is true (the default): for every Service in the namespace that exists
 * when the container starts, `<NAME>_SERVICE_HOST`, `<NAME>_SERVICE_PORT` and Docker-link `<NAME>_PORT*`.
 * Explicit `env` entries override them; `KUBERNETES_SERVICE_HOST`/`_PORT` are injected even when disabled.
 */
import type { ContainerView, EnvFromView, EnvView, PodView } from '../model';
import { code } from './text';

const SERVICE_LINK =
  /^([A-Z][A-Z0-9_]*?)_(SERVICE_HOST|SERVICE_PORT(?:_[A-Z0-9_]+)?|PORT(?:_\d+_(?:TCP|UDP|SCTP)(?:_(?:PROTO|PORT|ADDR))?)?)$/;

/** The environment variable prefix a Service name gets: `redis-primary` -> `REDIS_PRIMARY`. */
export function serviceEnvPrefix(service: string): string {
  return service.toUpperCase().replace(/-/g, '_');
}

function exampleService(pod: PodView): string {
  const label = pod.podMetadata.labels.get('app.kubernetes.io/name')?.value ?? pod.podMetadata.labels.get('app')?.value;
  const name =
    label?.kind === 'value' ? label.value : pod.metadata.name.kind === 'value' ? pod.metadata.name.value : 'redis';
  return /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name) ? name : 'redis';
}

/** The service-links line: on by default, what it injects, and how to turn it off. */
export function serviceLinksLine(pod: PodView): string {
  const f = pod.enableServiceLinks;
  if (f.kind === 'value' && !f.value) {
    return `enableServiceLinks is false: only ${code('KUBERNETES_SERVICE_HOST')} and ${code('KUBERNETES_SERVICE_PORT')} are injected.`;
  }
  const svc = exampleService(pod);
  const p = serviceEnvPrefix(svc);
  return (
    `enableServiceLinks is ${f.kind === 'value' ? 'true' : 'true (default)'}: the kubelet also injects ` +
    `${code('<SVC>_SERVICE_HOST')}, ${code('<SVC>_SERVICE_PORT')} and ${code('<SVC>_PORT_*')} for every Service in the namespace at start ` +
    `(a Service ${code(svc)} gives ${code(`${p}_SERVICE_HOST`)} and ${code(`${p}_SERVICE_PORT`)}); explicit env entries override them. ` +
    `Set ${code('enableServiceLinks: false')} to keep large namespaces from flooding the environment.`
  );
}

function sourceLine(e: EnvView): string {
  const source = e.valueFrom?.sources[0];
  if (!source) {
    const value = e.value.kind === 'value' ? e.value.value : '';
    const refs = [...value.matchAll(/(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)].map((m) => code(m[1] as string));
    if (refs.length)
      return `Literal value; ${refs.join(', ')} expand${refs.length === 1 ? 's' : ''} to variables defined earlier in this list (unknown ones stay as written; ${code('$$(')} escapes).`;
    return e.value.kind === 'absent' ? 'No value: the variable is set to the empty string.' : 'Literal value.';
  }
  const name = source.name.kind === 'value' ? code(source.name.value) : '(unnamed)';
  const key = source.key.kind === 'value' ? code(source.key.value) : '(no key)';
  const optional = source.optional.kind === 'value' && source.optional.value;
  switch (source.kind) {
    case 'configMapKeyRef':
    case 'secretKeyRef': {
      const what = source.kind === 'configMapKeyRef' ? 'ConfigMap' : 'Secret';
      const missing = optional
        ? 'a missing one leaves the variable unset (optional)'
        : 'a missing one blocks the start with CreateContainerConfigError';
      return `From ${what} ${name}, key ${key}, read when the container starts; ${missing}.`;
    }
    case 'fieldRef':
      return `Downward API: the Pod's ${source.fieldPath.kind === 'value' ? code(source.fieldPath.value) : 'field'}.`;
    case 'resourceFieldRef':
      return `Downward API: this container's ${source.resource.kind === 'value' ? code(source.resource.value) : 'resource'} (rounded up by the divisor, default 1).`;
    case 'fileKeyRef':
      return `From a key in a file of volume ${name}.`;
  }
  return 'From a value source.';
}

/** One `env` entry, or the whole `env`/`envFrom` list when `entry` is undefined. */
export function explainEnv(pod: PodView, c: ContainerView, entry?: EnvView): string[] {
  const lines: string[] = [];
  if (entry) {
    lines.push(sourceLine(entry));
    const name = entry.name.kind === 'value' ? entry.name.value : '';
    const link = SERVICE_LINK.exec(name);
    if (link && pod.enableServiceLinks.kind !== 'value') {
      lines.push(
        `${code(name)} is also the name of a service-link variable (a Service ${code((link[1] as string).toLowerCase().replace(/_/g, '-'))}); this explicit value wins.`,
      );
    }
  } else if (c.env.length || c.envFrom.length) {
    lines.push(
      `${c.env.length} explicit variable(s)${c.envFrom.length ? `, plus every key of ${c.envFrom.length} envFrom source(s) (env entries win on a clash)` : ''}.`,
    );
  }
  lines.push(serviceLinksLine(pod));
  return lines;
}

/** One `envFrom` source. */
export function explainEnvFrom(pod: PodView, e: EnvFromView): string[] {
  const what = e.kind === 'secretRef' ? 'Secret' : 'ConfigMap';
  const name = e.name.kind === 'value' ? code(e.name.value) : '(unnamed)';
  const prefix = e.prefix.kind === 'value' ? `, each prefixed with ${code(e.prefix.value)}` : '';
  const optional = e.optional.kind === 'value' && e.optional.value;
  return [
    `Every key of ${what} ${name} becomes a variable${prefix}; a key in several sources takes the last one, and explicit env entries win over all.`,
    optional
      ? 'optional: a missing source is ignored.'
      : 'A missing source blocks the start with CreateContainerConfigError.',
    serviceLinksLine(pod),
  ];
}
