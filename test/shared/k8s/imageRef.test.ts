// Image references as ParseNormalizedNamed (distribution/reference) and go-digest read them; expectations
// follow normalize.go, reference_test.go and kubernetes pkg/util/parsers/parsers_test.go.
import { describe, expect, it } from 'vitest';
import { type ImageRef, parseImageRef } from '../../../shared/k8s/imageRef';

const HEX = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const DIGEST = `sha256:${HEX}`;

type Parts = Omit<ImageRef, 'raw'>;

const hub = (path: string, familiarName: string, extra: Partial<Parts>): Parts => {
  const tag = extra.tag;
  const digest = extra.digest;
  const tagImplicit = tag === undefined && digest === undefined;
  const effectiveTag = tagImplicit ? 'latest' : tag;
  const suffix = (t: string | undefined) => (t ? `:${t}` : '') + (digest ? `@${digest}` : '');
  return {
    domain: 'docker.io',
    domainExplicit: false,
    path,
    repository: `docker.io/${path}`,
    tagImplicit,
    familiar: familiarName + suffix(tag),
    canonical: `docker.io/${path}${suffix(effectiveTag)}`,
    ...(effectiveTag === undefined ? {} : { effectiveTag }),
    ...extra,
  };
};

const VALID: [input: string, expected: Parts][] = [
  ['nginx', hub('library/nginx', 'nginx', {})],
  ['nginx:1.27', hub('library/nginx', 'nginx', { tag: '1.27' })],
  ['nginx:latest', hub('library/nginx', 'nginx', { tag: 'latest' })],
  ['library/nginx', hub('library/nginx', 'nginx', {})],
  ['docker.io/nginx', hub('library/nginx', 'nginx', { domainExplicit: true })],
  ['docker.io/library/nginx:1.27', hub('library/nginx', 'nginx', { domainExplicit: true, tag: '1.27' })],
  // normalize.go canonicalises the legacy Docker Hub index host to docker.io
  ['index.docker.io/nginx', hub('library/nginx', 'nginx', { domainExplicit: true })],
  ['user/repo:tag', hub('user/repo', 'user/repo', { tag: 'tag' })],
  ['root@' + DIGEST, hub('library/root', 'root', { digest: DIGEST })],
  ['nginx:1.27@' + DIGEST, hub('library/nginx', 'nginx', { tag: '1.27', digest: DIGEST })],
  ['nginx:latest@' + DIGEST, hub('library/nginx', 'nginx', { tag: 'latest', digest: DIGEST })],
  ['lowercase:Uppercase', hub('library/lowercase', 'lowercase', { tag: 'Uppercase' })],
  // a single component is always a Docker Hub name, so the :5000 here is a tag (normalize.go FIXME)
  ['localhost:5000', hub('library/localhost', 'localhost', { tag: '5000' })],
  ['a__b/c--d/e.f', hub('a__b/c--d/e.f', 'a__b/c--d/e.f', {})],
  [
    `ubuntu/nginx@sha512:${'f'.repeat(128)}`,
    hub('ubuntu/nginx', 'ubuntu/nginx', { digest: `sha512:${'f'.repeat(128)}` }),
  ],
  [
    'registry.example:12345/a/b:tag',
    {
      domain: 'registry.example:12345',
      domainExplicit: true,
      path: 'a/b',
      repository: 'registry.example:12345/a/b',
      tag: 'tag',
      tagImplicit: false,
      effectiveTag: 'tag',
      familiar: 'registry.example:12345/a/b:tag',
      canonical: 'registry.example:12345/a/b:tag',
    },
  ],
  [
    'registry:5000/app',
    {
      domain: 'registry:5000',
      domainExplicit: true,
      path: 'app',
      repository: 'registry:5000/app',
      tagImplicit: true,
      effectiveTag: 'latest',
      familiar: 'registry:5000/app',
      canonical: 'registry:5000/app:latest',
    },
  ],
  [
    'localhost/x',
    {
      domain: 'localhost',
      domainExplicit: true,
      path: 'x',
      repository: 'localhost/x',
      tagImplicit: true,
      effectiveTag: 'latest',
      familiar: 'localhost/x',
      canonical: 'localhost/x:latest',
    },
  ],
  [
    'gcr.io/google-containers/pause:3.9',
    {
      domain: 'gcr.io',
      domainExplicit: true,
      path: 'google-containers/pause',
      repository: 'gcr.io/google-containers/pause',
      tag: '3.9',
      tagImplicit: false,
      effectiveTag: '3.9',
      familiar: 'gcr.io/google-containers/pause:3.9',
      canonical: 'gcr.io/google-containers/pause:3.9',
    },
  ],
  [
    `url:5000/repo@${DIGEST}`,
    {
      domain: 'url:5000',
      domainExplicit: true,
      path: 'repo',
      repository: 'url:5000/repo',
      digest: DIGEST,
      tagImplicit: false,
      familiar: `url:5000/repo@${DIGEST}`,
      canonical: `url:5000/repo@${DIGEST}`,
    },
  ],
  [
    '[::1]:5000/x',
    {
      domain: '[::1]:5000',
      domainExplicit: true,
      path: 'x',
      repository: '[::1]:5000/x',
      tagImplicit: true,
      effectiveTag: 'latest',
      familiar: '[::1]:5000/x',
      canonical: '[::1]:5000/x:latest',
    },
  ],
  [
    '[2001:db8::1]/repo:tag',
    {
      domain: '[2001:db8::1]',
      domainExplicit: true,
      path: 'repo',
      repository: '[2001:db8::1]/repo',
      tag: 'tag',
      tagImplicit: false,
      effectiveTag: 'tag',
      familiar: '[2001:db8::1]/repo:tag',
      canonical: '[2001:db8::1]/repo:tag',
    },
  ],
  // an upper-case first component is taken as a registry host (normalize.go), and hosts may be upper case
  [
    'MyOrg/app',
    {
      domain: 'MyOrg',
      domainExplicit: true,
      path: 'app',
      repository: 'MyOrg/app',
      tagImplicit: true,
      effectiveTag: 'latest',
      familiar: 'MyOrg/app',
      canonical: 'MyOrg/app:latest',
    },
  ],
  // a host-like first part that is no valid host is read by the grammar as a path with no domain
  [
    'my_registry.com/x',
    {
      domain: '',
      domainExplicit: false,
      path: 'my_registry.com/x',
      repository: 'my_registry.com/x',
      tagImplicit: true,
      effectiveTag: 'latest',
      familiar: 'my_registry.com/x',
      canonical: 'my_registry.com/x:latest',
    },
  ],
  [
    `example.com/${'a'.repeat(255)}:tag`,
    {
      domain: 'example.com',
      domainExplicit: true,
      path: 'a'.repeat(255),
      repository: `example.com/${'a'.repeat(255)}`,
      tag: 'tag',
      tagImplicit: false,
      effectiveTag: 'tag',
      familiar: `example.com/${'a'.repeat(255)}:tag`,
      canonical: `example.com/${'a'.repeat(255)}:tag`,
    },
  ],
];

const INVALID: [input: string, error: string][] = [
  ['Nginx:1.27', 'invalid reference format: repository name must be lowercase: "Nginx"'],
  ['ROOT', 'invalid reference format: repository name must be lowercase: "ROOT"'],
  [
    'test:5000/Uppercase/lowercase:tag',
    'invalid reference format: repository name must be lowercase: "Uppercase/lowercase"',
  ],
  ['My_Org/app', 'invalid reference format: repository name must be lowercase'],
  ['nginx:', 'invalid reference format: the tag after ":" is empty'],
  ['my registry/x', 'invalid reference format: "my registry/x" contains whitespace'],
  [
    '-nginx',
    'invalid reference format: invalid path component "-nginx": use lowercase letters and digits, separated by ".", "_", "__" or "-" (never first or last)',
  ],
  [
    'a___b',
    'invalid reference format: invalid path component "a___b": use lowercase letters and digits, separated by ".", "_", "__" or "-" (never first or last)',
  ],
  [`nginx:${'a'.repeat(129)}`, 'invalid reference format: tag is longer than 128 characters (got 129)'],
  [
    'nginx:-x',
    'invalid reference format: invalid tag "-x": use letters, digits, "_", "." and "-", not starting with "." or "-"',
  ],
  ['nginx@sha256:abc', 'invalid digest: sha256 needs 64 hex characters (got 3)'],
  [`nginx@sha256:${'a'.repeat(34)}`, 'invalid digest: sha256 needs 64 hex characters (got 34)'],
  [`nginx@sha256:${HEX.toUpperCase()}`, 'invalid digest: the sha256 hex must be lower case'],
  [
    `validname@invaliddigest:${'f'.repeat(64)}`,
    'invalid digest: unsupported algorithm "invaliddigest"; use sha256, sha384 or sha512',
  ],
  ['nginx@sha256', 'invalid digest "sha256": expected <algorithm>:<hex>, e.g. sha256:<64 hex characters>'],
  ['a//b', 'invalid reference format: repository name has an empty path component ("//")'],
  ['a/', 'invalid reference format: repository name must not end with "/"'],
  ['/a', 'invalid reference format: repository name must not start with "/"'],
  [':justtag', 'invalid reference format: repository name is empty'],
  ['', 'invalid reference format: image name is empty'],
  ['http://root', 'invalid reference format: remove "http://": image references have no URL scheme'],
  ['registry:abc/app', 'invalid reference format: invalid port "abc" in registry host "registry:abc"'],
  ['[fe80::1%eth0]:5000/repo', 'invalid reference format: invalid registry host "[fe80::1%eth0]:5000"'],
  [
    '[::1]:5000',
    'invalid reference format: "[::1]:5000" is a registry host without a repository path (write e.g. [::1]:5000/app)',
  ],
  [HEX, 'invalid repository name: a 64-character hex string is an image ID, not a name'],
  [
    `example.com/${'a'.repeat(256)}`,
    'invalid reference format: repository name must not be more than 255 characters (got 256)',
  ],
];

describe('parseImageRef', () => {
  it.each(VALID)('parses %j', (input, expected) => {
    expect(parseImageRef(input)).toEqual({ ok: true, ref: { raw: input, ...expected } });
  });

  it.each(INVALID)('rejects %j', (input, error) => {
    expect(parseImageRef(input)).toEqual({ ok: false, error });
  });

  it('stays fast on long hostile input (no catastrophic backtracking)', () => {
    for (const text of ['a'.repeat(20_000) + '!', 'a.'.repeat(10_000) + '/x!', `${'a-'.repeat(10_000)}/A`]) {
      expect(parseImageRef(text).ok).toBe(false);
    }
  });
});
