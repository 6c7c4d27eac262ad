/**
 * Coexistence with Red Hat YAML (redhat.vscode-yaml) when it validates Kubernetes manifests against a schema,
 * either through a `yaml.schemas` association (the `kubernetes` keyword or a Kubernetes JSON schema URL) or
 * through Microsoft's Kubernetes extension, which contributes its schema to Red Hat YAML for every document with
 * apiVersion and kind. Pure: the client gathers the inputs, the server applies the decision.
 */
import type { SchemaElsewhere, Settings } from './settings';

export const RED_HAT_YAML_ID = 'redhat.vscode-yaml';
export const KUBERNETES_TOOLS_ID = 'ms-kubernetes-tools.vscode-kubernetes-tools';

export const NOTHING_ELSEWHERE: SchemaElsewhere = { hover: false, completion: false, validation: false };

/**
 * The lint rules that say what a JSON-schema validator also says (unknown property, wrong type, missing property,
 * value not in the enum); podlens' API-server and lifecycle rules stay on.
 */
export const SCHEMA_RULES: ReadonlySet<string> = new Set([
  'unknown-field',
  'invalid-type',
  'missing-required-field',
  'invalid-enum',
]);

/** Schema URLs of the published Kubernetes JSON schemas (yannh/instrumenta kubernetes-json-schema and mirrors). */
const KUBERNETES_SCHEMA_URL = /kubernetes-?json-?schema/i;

export interface InstalledExtensions {
  redHatYaml: boolean;
  kubernetesTools: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isKubernetesSchema = (schema: string) =>
  schema.trim().toLowerCase() === 'kubernetes' || KUBERNETES_SCHEMA_URL.test(schema);

/** True when `yaml.schemas` associates a Kubernetes schema with at least one glob. */
function associatesKubernetes(schemas: unknown): boolean {
  if (!isRecord(schemas)) return false;
  return Object.entries(schemas).some(([schema, globs]) => {
    const used = typeof globs === 'string' ? globs.length > 0 : Array.isArray(globs) && globs.length > 0;
    return used && isKubernetesSchema(schema);
  });
}

/**
 * `yaml.schemas` without its Kubernetes associations (for `podlens` mode's offer to switch them off), or undefined
 * when there are none to remove.
 * @example withoutKubernetesSchemas({ kubernetes: '*.yaml', 'https://x/ci.json': 'ci.yml' }) // { 'https://x/ci.json': 'ci.yml' }
 */
export function withoutKubernetesSchemas(schemas: unknown): Record<string, unknown> | undefined {
  if (!isRecord(schemas)) return undefined;
  const kept = Object.fromEntries(Object.entries(schemas).filter(([schema]) => !isKubernetesSchema(schema)));
  return Object.keys(kept).length < Object.keys(schemas).length ? kept : undefined;
}

/**
 * What an active Kubernetes schema in Red Hat YAML provides, from the `yaml` settings section and the installed
 * extensions; each feature counts only while its Red Hat YAML switch (`yaml.hover`, `yaml.completion`,
 * `yaml.validate`, all on by default) is on.
 * @example
 *   kubernetesSchemaIn({ schemas: { kubernetes: '*.yaml' } }, { redHatYaml: true, kubernetesTools: false })
 *   // { hover: true, completion: true, validation: true }
 */
export function kubernetesSchemaIn(yaml: unknown, installed: InstalledExtensions): SchemaElsewhere {
  if (!installed.redHatYaml) return NOTHING_ELSEWHERE;
  const section = isRecord(yaml) ? yaml : {};
  if (!installed.kubernetesTools && !associatesKubernetes(section.schemas)) return NOTHING_ELSEWHERE;
  return {
    hover: section.hover !== false,
    completion: section.completion !== false,
    validation: section.validate !== false,
  };
}

/** What podlens leaves to Red Hat YAML: in `auto` whatever its Kubernetes schema provides, otherwise nothing. */
export function deferredToSchema(settings: Pick<Settings, 'coexistence' | 'schemaElsewhere'>): SchemaElsewhere {
  return settings.coexistence === 'auto' ? settings.schemaElsewhere : NOTHING_ELSEWHERE;
}

/** Whether any feature is left to Red Hat YAML. */
export function defersAnything(d: SchemaElsewhere): boolean {
  return d.hover || d.completion || d.validation;
}
