/**
 * What the workspace index knows about the Kubernetes objects of the workspace, as lint rules and the simulation
 * see it: small, serializable facts, never parsed documents. Built by the index (./index), read through
 * `WorkspaceObjects`.
 */
import type { Range } from '../../util/range';

/** Where an object, or one of its fields, is written. */
export interface ObjectLocation {
  uri: string;
  /** Range of the whole object (its YAML document). */
  range: Range;
  /** Range of `metadata.name`'s value, when written. */
  nameRange?: Range;
}

export interface IndexedObject {
  apiVersion: string;
  kind: string;
  name: string;
  /** The object's namespace; undefined when the manifest does not say (the namespace it is applied to). */
  namespace?: string;
  labels: Readonly<Record<string, string>>;
  location: ObjectLocation;
  /** ConfigMap `data`/`binaryData` keys, Secret `data`/`stringData` keys. */
  keys?: readonly string[];
  /** A Service's `spec.selector`. */
  selector?: Readonly<Record<string, string>>;
  /** A Service's ports. */
  ports?: readonly { name?: string; port: number; targetPort?: number | string; protocol?: string }[];
  /**
   * The object's `spec` (or whole body for kinds without one) as plain JSON, kept for the namespace policy kinds
   * only: LimitRange, ResourceQuota, RuntimeClass, PriorityClass.
   */
  body?: unknown;
  /** Set when a kustomization produced or transformed this object (the file it came from). */
  via?: string;
  /**
   * A ConfigMap/Secret a kustomization generator makes: `name` is the generator's name, which kustomize rewrites
   * (with `-<hash>` when `hashSuffix`) in every reference of the same build.
   */
  generated?: { hashSuffix: boolean };
  /** For Pods and workloads: the pod template's labels (after kustomize) and its containers' ports. */
  podTemplate?: {
    labels: Readonly<Record<string, string>>;
    ports: readonly { container: string; name?: string; containerPort?: number; protocol?: string }[];
  };
}

/** The workspace's objects as one query surface; every method is cheap (index lookups). */
export interface WorkspaceObjects {
  /** Objects of a kind with a name, in any namespace when `namespace` is undefined. */
  find(kind: string, name: string, namespace?: string): readonly IndexedObject[];
  /** Every object of a kind (in a namespace, when given). */
  ofKind(kind: string, namespace?: string): readonly IndexedObject[];
  /**
   * Set when the user says the workspace holds every object the pods need (`podlens.workspace.assumeComplete`,
   * `--workspace-complete`): an absent object is then absent, not assumed.
   */
  complete: boolean;
}
