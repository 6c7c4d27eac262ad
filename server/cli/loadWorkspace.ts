/**
 * `--workspace DIR` for `podlens simulate`: the Kubernetes objects of every .yaml/.yml file under a directory, as
 * the WorkspaceObjects lint rules and the simulation read. A stand-in for the editor's workspace index: callers go
 * through `loadWorkspace` only, so the index can replace what is behind it.
 */
import { pathToFileURL } from 'node:url';
import { memoryWorkspace } from '../../shared/analysis/workspace/memory';
import type { IndexedObject, WorkspaceObjects } from '../../shared/analysis/workspace/types';
import { type ManifestDocument, parseManifests } from '../../shared/model';
import { expandInputs, readManifest } from './files';

/** Kinds whose spec (or whole body) the policy checks read. */
const BODY_KINDS: Readonly<Record<string, 'spec' | 'object'>> = {
  LimitRange: 'spec',
  ResourceQuota: 'spec',
  RuntimeClass: 'object',
  PriorityClass: 'object',
};

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const strings = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(record(v)).map(([k, x]) => [k, String(x)]));

function keysOf(kind: string, json: Record<string, unknown>): string[] | undefined {
  const data = Object.keys(record(json.data));
  if (kind === 'ConfigMap') return [...data, ...Object.keys(record(json.binaryData))];
  if (kind === 'Secret') return [...data, ...Object.keys(record(json.stringData))];
  return undefined;
}

function servicePorts(spec: Record<string, unknown>): IndexedObject['ports'] {
  const ports = Array.isArray(spec.ports) ? spec.ports.map(record) : [];
  return ports.flatMap((p) =>
    typeof p.port === 'number'
      ? [
          {
            port: p.port,
            ...(typeof p.name === 'string' ? { name: p.name } : {}),
            ...(typeof p.targetPort === 'number' || typeof p.targetPort === 'string'
              ? { targetPort: p.targetPort }
              : {}),
            ...(typeof p.protocol === 'string' ? { protocol: p.protocol } : {}),
          },
        ]
      : [],
  );
}

/** One document as the index describes it; undefined for templated, nameless or non-Kubernetes documents. */
function indexedObject(doc: ManifestDocument, uri: string): IndexedObject | undefined {
  if (!doc.isKubernetes || doc.templated) return undefined;
  const json = record(doc.ast.toJSON());
  const meta = record(json.metadata);
  const kind = String(json.kind);
  if (typeof meta.name !== 'string') return undefined;
  const keys = keysOf(kind, json);
  const spec = record(json.spec);
  const body = BODY_KINDS[kind];
  return {
    apiVersion: String(json.apiVersion),
    kind,
    name: meta.name,
    ...(typeof meta.namespace === 'string' ? { namespace: meta.namespace } : {}),
    labels: strings(meta.labels),
    location: { uri, range: doc.range },
    ...(keys ? { keys } : {}),
    ...(kind === 'Service' ? { selector: strings(spec.selector), ports: servicePorts(spec) } : {}),
    ...(body ? { body: body === 'spec' ? spec : json } : {}),
  };
}

/** The objects of one manifest text, as the index would list them for the file at `uri`. */
export function indexedObjects(text: string, uri: string, path?: string): IndexedObject[] {
  return parseManifests(text, path ? { path } : {}).documents.flatMap((doc) => indexedObject(doc, uri) ?? []);
}

/**
 * Unreadable files are skipped: the workspace is context for the simulation, not input it reports on.
 * @example loadWorkspace('deploy/', true).find('ConfigMap', 'app-config')[0]?.location.uri // 'file:///…/deploy/config.yaml'
 */
export function loadWorkspace(dir: string, complete: boolean): WorkspaceObjects {
  const objects: IndexedObject[] = [];
  for (const file of expandInputs([dir]).files) {
    const read = readManifest(file);
    if (!read.ok) continue;
    objects.push(...indexedObjects(read.text, pathToFileURL(file).href, file));
  }
  return memoryWorkspace(objects, complete);
}
