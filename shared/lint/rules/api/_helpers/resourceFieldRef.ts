/**
 * The container resources a downward API resourceFieldRef may name: env vars and volume files accept the same ones
 * (validContainerResourceFieldPathExpressions and the hugepages prefixes, pkg/apis/core/validation/validation.go,
 * v1.36).
 */
export const RESOURCE_FIELDS: readonly string[] = [
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
];

/** `requests.hugepages-<size>` or `limits.hugepages-<size>`: any page size may be named. */
export function isHugePages(resource: string): boolean {
  return /^(requests|limits)\.hugepages-/.test(resource);
}

export function isExposableResource(resource: string): boolean {
  return RESOURCE_FIELDS.includes(resource) || isHugePages(resource);
}
