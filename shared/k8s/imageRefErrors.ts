/**
 * Explains why an image reference does not match the distribution/reference grammar. Only called on
 * text the grammar rejected; each check names the part at fault, most specific first.
 */

const PREFIX = 'invalid reference format: ';
const MAX_TAG_LENGTH = 128;
const HOST =
  /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/;
const DIGEST = /^([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*):([0-9A-Fa-f]*)$/;
const HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

function digestProblem(digest: string): string | undefined {
  if (digest.includes('@')) return `${PREFIX}more than one "@"`;
  const m = DIGEST.exec(digest);
  if (!m)
    return `invalid digest ${JSON.stringify(digest)}: expected <algorithm>:<hex>, e.g. sha256:<64 hex characters>`;
  const [, algorithm = '', hex = ''] = m;
  const length = HEX_LENGTH[algorithm];
  if (length !== undefined && hex.length !== length) {
    return `invalid digest: ${algorithm} needs ${length} hex characters (got ${hex.length})`;
  }
  if (hex.length < 32) return `invalid digest: at least 32 hex characters are required (got ${hex.length})`;
  return undefined;
}

function tagProblem(tag: string): string | undefined {
  if (tag === '') return `${PREFIX}the tag after ":" is empty`;
  if (tag.length > MAX_TAG_LENGTH)
    return `${PREFIX}tag is longer than ${MAX_TAG_LENGTH} characters (got ${tag.length})`;
  if (!/^\w[\w.-]*$/.test(tag)) {
    return `${PREFIX}invalid tag ${JSON.stringify(tag)}: use letters, digits, "_", "." and "-", not starting with "." or "-"`;
  }
  return undefined;
}

function nameProblem(name: string): string | undefined {
  if (name === '') return `${PREFIX}repository name is empty`;
  if (name.startsWith('/')) return `${PREFIX}repository name must not start with "/"`;
  if (name.endsWith('/')) return `${PREFIX}repository name must not end with "/"`;
  if (name.includes('//')) return `${PREFIX}repository name has an empty path component ("//")`;
  const components = name.split('/');
  const first = components[0] as string;
  // The same test as splitDockerDomain: only a first component of several can be a registry host.
  const hostLike = components.length > 1 && (first === 'localhost' || /[.:]/.test(first) || /[A-Z]/.test(first));
  if (hostLike && !HOST.test(first) && !PATH_COMPONENT.test(first)) {
    const port = /:([^:\]]*)$/.exec(first);
    if (port && !/^[0-9]+$/.test(port[1] as string)) {
      return `${PREFIX}invalid port ${JSON.stringify(port[1])} in registry host ${JSON.stringify(first)}`;
    }
    return `${PREFIX}invalid registry host ${JSON.stringify(first)}`;
  }
  for (const component of hostLike ? components.slice(1) : components) {
    if (!PATH_COMPONENT.test(component)) {
      return `${PREFIX}invalid path component ${JSON.stringify(component)}: use lowercase letters and digits, separated by ".", "_", "__" or "-" (never first or last)`;
    }
  }
  return undefined;
}

/**
 * The most specific reason `text` is not a valid reference.
 * @example diagnoseReference('nginx:') // 'invalid reference format: the tag after ":" is empty'
 */
export function diagnoseReference(text: string): string {
  if (text === '') return `${PREFIX}image name is empty`;
  if (/\s/.test(text)) return `${PREFIX}${JSON.stringify(text)} contains whitespace`;
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.exec(text);
  if (scheme) return `${PREFIX}remove ${JSON.stringify(scheme[0])}: image references have no URL scheme`;
  if (!text.includes('/') && text.startsWith('[')) {
    return `${PREFIX}${JSON.stringify(text)} is a registry host without a repository path (write e.g. ${text}/app)`;
  }
  const at = text.indexOf('@');
  const beforeDigest = at === -1 ? text : text.slice(0, at);
  const colon = beforeDigest.indexOf(':', beforeDigest.lastIndexOf('/') + 1);
  const name = colon === -1 ? beforeDigest : beforeDigest.slice(0, colon);
  return (
    nameProblem(name) ??
    (colon === -1 ? undefined : tagProblem(beforeDigest.slice(colon + 1))) ??
    (at === -1 ? undefined : digestProblem(text.slice(at + 1))) ??
    PREFIX.slice(0, -2)
  );
}
