/**
 * The small facts the workspace index keeps per file: the objects it defines, the pod templates with what they
 * reference and expose, and a kustomization's paths and generators. Ranges are file positions; nothing here
 * holds a parsed document, so 5,000 files cost a few megabytes.
 */
import type { Kustomization } from '../../model';
import type { FieldPath, Range } from '../../util/range';
import type { IndexedObject } from './types';

/** The kinds a pod spec names by `name` that live in other objects. */
export const REFERENCE_KINDS = [
  'ConfigMap',
  'Secret',
  'PersistentVolumeClaim',
  'ServiceAccount',
  'PriorityClass',
  'RuntimeClass',
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** One place a pod template names another object. */
export interface ReferenceSite {
  kind: ReferenceKind;
  name: string;
  /** Range of the name's value. */
  range: Range;
  /** Path of the name inside its document (`spec.containers[0].env[1].valueFrom.configMapKeyRef.name`). */
  path: FieldPath;
  /** The key a `configMapKeyRef`/`secretKeyRef` reads. */
  key?: { name: string; range: Range };
  /** `optional: true`: a missing object or key does not stop the container. */
  optional: boolean;
}

/** A label (or selector entry) as written, with its ranges. */
export interface LabelSite {
  key: string;
  value: string;
  keyRange: Range;
  valueRange: Range;
}

/** A container port as a pod template declares it. */
export interface PortSite {
  container: string;
  name?: string;
  containerPort?: number;
  protocol?: string;
  /** Range of the port's name when named, else of its number. */
  range: Range;
}

/** A pod template (a bare Pod's spec, a workload's template) with what it references and exposes. */
export interface PodTemplateFacts {
  /** Index of the document in its file. */
  document: number;
  kind: string;
  name: string;
  namespace?: string;
  /** The template's labels as written (a bare Pod's own labels). */
  labels: LabelSite[];
  /** The workload's own selector (`matchLabels`, a ReplicationController's map), which must keep matching them. */
  selector: LabelSite[];
  ports: PortSite[];
  references: ReferenceSite[];
  /** Range of the labels map's key (`labels:`) or of the spec key, for hovers on the template. */
  anchor?: Range;
}

/** A Service's selector and target ports as written. */
export interface ServiceFacts {
  selector: LabelSite[];
  targetPorts: { value: number | string; protocol: string; range: Range; path: FieldPath }[];
}

/** A key of a ConfigMap's or Secret's data, where it is written. */
export interface KeySite {
  key: string;
  range: Range;
}

/** One object a file defines, before any kustomization changes it. */
export interface ObjectFacts {
  document: number;
  object: IndexedObject;
  /** The object's own metadata.labels as written. */
  labels: LabelSite[];
  /** A ConfigMap's or Secret's data keys. */
  keys?: KeySite[];
  service?: ServiceFacts;
  pod?: PodTemplateFacts;
}

/** A path a kustomization names (a resource, base, component or patch file), with its range. */
export interface PathSite {
  path: string;
  range: Range;
}

/** A ConfigMap or Secret a kustomization generates. */
export interface GeneratorFacts {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  range: Range;
  nameRange: Range;
  /** The keys, when every source names them (`literals`, `files`); undefined when an `envs` file adds some. */
  keys?: string[];
  /** kustomize appends `-<hash>` to the name unless `disableNameSuffixHash` is set. */
  hashSuffix: boolean;
}

export interface KustomizationFacts {
  k: Kustomization;
  resources: PathSite[];
  components: PathSite[];
  patches: PathSite[];
  generators: GeneratorFacts[];
}

export interface FileFacts {
  uri: string;
  objects: ObjectFacts[];
  kustomization?: KustomizationFacts;
}
