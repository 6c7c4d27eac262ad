/**
 * imagePullPolicy defaulting (SetDefaults_Container, pkg/apis/core/v1/defaults.go): Always when the tag
 * the kubelet parser reports is exactly `latest`, else IfNotPresent. An explicit policy is never changed.
 */
import { parseImageRef } from './imageRef';

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

export const PULL_POLICIES: readonly PullPolicy[] = ['Always', 'IfNotPresent', 'Never'];

export interface EffectivePullPolicy {
  policy: PullPolicy;
  /** True when the API server fills the policy in (unset or explicit empty string). */
  defaulted: boolean;
  reason: string;
}

/** The policy the API server would choose for `image` (parsers.ParseImageName tag semantics). */
function defaultFor(image: string | undefined): { policy: PullPolicy; reason: string } {
  if (image === undefined || image === '') {
    return { policy: 'IfNotPresent', reason: 'no image => empty tag => IfNotPresent (the image is required)' };
  }
  const parsed = parseImageRef(image);
  if (!parsed.ok) {
    // defaults.go ignores the parse error and compares the empty tag it gets back.
    return {
      policy: 'IfNotPresent',
      reason: 'unparsable reference => empty tag => IfNotPresent (kubelet will report InvalidImageName)',
    };
  }
  const { tag, digest, tagImplicit } = parsed.ref;
  if (tagImplicit) return { policy: 'Always', reason: 'no tag => :latest => Always' };
  if (tag === 'latest') {
    const pinned = digest ? ' (the digest does not change this)' : '';
    return { policy: 'Always', reason: `tag "latest" => Always${pinned}` };
  }
  if (tag === undefined) return { policy: 'IfNotPresent', reason: 'digest pinned => IfNotPresent' };
  return { policy: 'IfNotPresent', reason: `tag ${JSON.stringify(tag)} => IfNotPresent` };
}

/**
 * The pull policy after API defaulting. An explicit empty string counts as unset. An explicit value
 * outside Always/IfNotPresent/Never is rejected by validation; the result then carries the policy the
 * default would give and says so in `reason`.
 * @example
 *   effectivePullPolicy('nginx', undefined)        // { policy: 'Always', defaulted: true, reason: 'no tag => :latest => Always' }
 *   effectivePullPolicy('nginx:1.27', '')          // { policy: 'IfNotPresent', defaulted: true, reason: 'tag "1.27" => IfNotPresent' }
 *   effectivePullPolicy('nginx', 'IfNotPresent')   // { policy: 'IfNotPresent', defaulted: false, reason: 'explicit' }
 */
export function effectivePullPolicy(image: string | undefined, explicit: string | undefined): EffectivePullPolicy {
  if (explicit !== undefined && explicit !== '') {
    if ((PULL_POLICIES as readonly string[]).includes(explicit)) {
      return { policy: explicit as PullPolicy, defaulted: false, reason: 'explicit' };
    }
    const fallback = defaultFor(image);
    return {
      policy: fallback.policy,
      defaulted: false,
      reason:
        `explicit ${JSON.stringify(explicit)} is not supported (the API rejects it; use Always, IfNotPresent or ` +
        `Never); the default would be ${fallback.policy}: ${fallback.reason}`,
    };
  }
  return { ...defaultFor(image), defaulted: true };
}
