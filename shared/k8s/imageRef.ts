/**
 * Container image references as the kubelet reads them: distribution/reference ParseNormalizedNamed
 * (docker.io and library/ defaults, the reference grammar) plus go-digest validation for sha256/384/512.
 */
import { diagnoseReference } from './imageRefErrors';

export interface ImageRef {
  raw: string;
  /** 'docker.io' when implicit; '' in the rare case the grammar reads a host-like first part as a path. */
  domain: string;
  domainExplicit: boolean;
  /** e.g. 'library/nginx' */
  path: string;
  /** domain/path, e.g. 'docker.io/library/nginx' */
  repository: string;
  tag?: string;
  digest?: string;
  /** No tag and no digest: the kubelet pulls `:latest`. */
  tagImplicit: boolean;
  /** The tag the kubelet uses: `tag`, or 'latest' when implicit; undefined for a digest-only reference. */
  effectiveTag?: string;
  /** Docker's short form: no docker.io/, no library/ (e.g. 'nginx:1.27'). */
  familiar: string;
  /** Fully qualified, with the effective tag: 'docker.io/library/nginx:latest'. */
  canonical: string;
}

export type ImageRefResult = { ok: true; ref: ImageRef } | { ok: false; error: string };

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
/** RepositoryNameTotalLengthMax: applies to the path (domain excluded) in current distribution/reference. */
const MAX_PATH_LENGTH = 255;

// regexp.go, translated literally (Go's leftmost-first submatches equal JS backtracking ones).
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainAndPort = `(?:${domainName}|${ipv6address})(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
const REFERENCE = new RegExp(`^(${namePat})(?::(${tag}))?(?:@(${digestPat}))?$`);
const ANCHORED_NAME = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;

/** go-digest algorithms the kubelet registers (crypto/sha256 and crypto/sha512 imports): hex lengths. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** normalize.go splitDockerDomain: decides whether the first component is a registry host. */
function splitDockerDomain(name: string): { domain: string; remainder: string; explicit: boolean } {
  const slash = name.indexOf('/');
  // A single component ("nginx:1.27") is always a Docker Hub official image, even "localhost:5000".
  if (slash === -1) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_PREFIX + name, explicit: false };
  const first = name.slice(0, slash);
  let remainder = name.slice(slash + 1);
  let domain: string;
  if (first === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  // Upper case is not allowed in a path, so an upper-case first component must be a host (normalize.go).
  else if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) domain = first;
  else return { domain: DEFAULT_DOMAIN, remainder: withOfficialPrefix(name), explicit: false };
  if (domain === DEFAULT_DOMAIN) remainder = withOfficialPrefix(remainder);
  return { domain, remainder, explicit: true };
}

function withOfficialPrefix(path: string): string {
  return path.includes('/') ? path : OFFICIAL_PREFIX + path;
}

function validateDigest(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length === undefined) {
    return `invalid digest: unsupported algorithm ${JSON.stringify(algorithm)}; use sha256, sha384 or sha512`;
  }
  if (hex.length !== length) return `invalid digest: ${algorithm} needs ${length} hex characters (got ${hex.length})`;
  if (!/^[a-f0-9]+$/.test(hex)) return `invalid digest: the ${algorithm} hex must be lower case`;
  return undefined;
}

/** familiarizeName: drops docker.io/ and a single-level library/ prefix. */
function familiarName(domain: string, path: string): string {
  if (domain !== DEFAULT_DOMAIN) return domain ? `${domain}/${path}` : path;
  const rest = path.startsWith(OFFICIAL_PREFIX) ? path.slice(OFFICIAL_PREFIX.length) : path;
  return rest.includes('/') ? path : rest;
}

/**
 * Parses an image reference as the kubelet does (pkg/util/parsers.ParseImageName →
 * ParseNormalizedNamed). Never throws; errors follow Docker's wording with the offending part named.
 * @example
 *   parseImageRef('nginx').ref.canonical                        // 'docker.io/library/nginx:latest'
 *   parseImageRef('registry.example:12345/a/b:tag').ref.domain  // 'registry.example:12345'
 *   parseImageRef('Nginx:1.27').error // 'invalid reference format: repository name must be lowercase: "Nginx"'
 */
export function parseImageRef(text: string): ImageRefResult {
  if (IDENTIFIER.test(text)) {
    return { ok: false, error: 'invalid repository name: a 64-character hex string is an image ID, not a name' };
  }
  const split = splitDockerDomain(text);
  const remote = split.remainder.split(':')[0] as string;
  if (remote.toLowerCase() !== remote) {
    const shown = split.explicit || !remote.startsWith(OFFICIAL_PREFIX) ? remote : remote.slice(OFFICIAL_PREFIX.length);
    return {
      ok: false,
      error: `invalid reference format: repository name must be lowercase: ${JSON.stringify(shown)}`,
    };
  }
  const full = `${split.domain}/${split.remainder}`;
  const match = REFERENCE.exec(full);
  if (!match && REFERENCE.test(full.toLowerCase())) {
    return { ok: false, error: 'invalid reference format: repository name must be lowercase' };
  }
  if (!match) return { ok: false, error: diagnoseReference(text) };
  const [, name = '', tagText, digest] = match;
  const [, domain = '', path = ''] = ANCHORED_NAME.exec(name) ?? [];
  if (path.length > MAX_PATH_LENGTH) {
    return {
      ok: false,
      error: `invalid reference format: repository name must not be more than ${MAX_PATH_LENGTH} characters (got ${path.length})`,
    };
  }
  const digestError = digest === undefined ? undefined : validateDigest(digest);
  if (digestError) return { ok: false, error: digestError };

  const tagImplicit = tagText === undefined && digest === undefined;
  const effectiveTag = tagImplicit ? 'latest' : tagText;
  const repository = domain ? `${domain}/${path}` : path;
  const suffix = (t: string | undefined) =>
    (t === undefined ? '' : `:${t}`) + (digest === undefined ? '' : `@${digest}`);
  const ref: ImageRef = {
    raw: text,
    domain,
    domainExplicit: split.explicit && domain !== '',
    path,
    repository,
    tagImplicit,
    familiar: familiarName(domain, path) + suffix(tagText),
    canonical: repository + suffix(effectiveTag),
  };
  if (tagText !== undefined) ref.tag = tagText;
  if (digest !== undefined) ref.digest = digest;
  if (effectiveTag !== undefined) ref.effectiveTag = effectiveTag;
  return { ok: true, ref };
}
