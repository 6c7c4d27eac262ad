/**
 * EnsureImageExists (pkg/kubelet/images/image_manager.go) in the logical model: pull policy against the
 * node's image cache, the per-image pull back-off, and the events and waiting reasons each outcome gives.
 */
import { goDuration } from '../status/humanDuration';
import { inImageBackoff, nextImageBackoff } from './backoff';
import { at, cspec, cstate, record, type Tx } from './context';

/** `ready`: the image is there, create the container now; `wait`: a pull runs, or the start failed. */
export type ImageOutcome = 'ready' | 'wait';

function fail(tx: Tx, key: number, reason: string, message: string): void {
  const cs = cstate(tx, key);
  cs.cached = { reason, message };
  record(tx, cspec(tx, key), 'Warning', 'Failed', `Error: ${reason}`, [imageRange(tx, key)]);
}

function imageRange(tx: Tx, key: number) {
  const v = cspec(tx, key).view;
  return v.image.kind === 'absent' ? v.range : v.image.range;
}

/** The image is on the node: policy IfNotPresent/Never use it as is. */
function alreadyPresent(tx: Tx, key: number): ImageOutcome {
  const c = cspec(tx, key);
  record(tx, c, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, [imageRange(tx, key)]);
  return 'ready';
}

/** A pull completed (now, or at the end of a `PullFinished` wait). */
export function pulled(tx: Tx, key: number, seconds: number): void {
  const c = cspec(tx, key);
  // Copy on write: the step's input may still share the map.
  tx.s.presentImages = { ...tx.s.presentImages, [c.image]: true };
  const took = goDuration(seconds);
  record(tx, c, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${took} (${took} including waiting)`, [
    imageRange(tx, key),
  ]);
}

/**
 * Decides what the start of container `key` does about its image at time `tx.s.t`.
 * @example ensureImage(tx, 0) // 'wait' while a 2 s pull runs; PullFinished follows
 */
export function ensureImage(tx: Tx, key: number): ImageOutcome {
  const c = cspec(tx, key);
  const cs = cstate(tx, key);
  const ranges = [imageRange(tx, key)];
  if (c.imageError) {
    const message = `Failed to apply default image tag "${c.image}": couldn't parse image name "${c.image}": ${c.imageError}`;
    record(tx, c, 'Warning', 'InspectFailed', message, ranges);
    fail(tx, key, 'InvalidImageName', message);
    cs.stuck = true;
    return 'wait';
  }
  const facts = tx.spec.images[c.image] ?? { present: true, pullable: true, pullSeconds: 0 };
  const present = tx.s.presentImages[c.image] === true || facts.present;
  if (c.pullPolicy === 'Never') {
    if (present) return alreadyPresent(tx, key);
    const message = `Container image "${c.image}" is not present with pull policy of Never`;
    record(tx, c, 'Warning', 'ErrImageNeverPull', message, ranges);
    fail(tx, key, 'ErrImageNeverPull', message);
    // No back-off and nothing in this scenario can make the image appear: the pod worker retries in vain.
    cs.stuck = true;
    return 'wait';
  }
  if (c.pullPolicy === 'IfNotPresent' && present) return alreadyPresent(tx, key);

  const backoff = tx.s.imageBackoff[c.image];
  if (inImageBackoff(backoff, tx.s.t) && backoff) {
    imagePullBackOff(tx, key);
    cs.retryAt = backoff.lastUpdate + backoff.delay;
    at(tx, cs.retryAt - tx.s.t, { type: 'RetryDue', c: key, gen: cs.gen });
    return 'wait';
  }
  record(tx, c, 'Normal', 'Pulling', `Pulling image "${c.image}"`, ranges);
  if (!facts.pullable) {
    const message = `failed to pull and unpack image "${c.image}": failed to resolve reference "${c.image}": not found`;
    record(tx, c, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${message}`, ranges);
    fail(tx, key, 'ErrImagePull', message);
    const next = nextImageBackoff(backoff, tx.s.t);
    tx.s.imageBackoff = { ...tx.s.imageBackoff, [c.image]: next };
    cs.retryAt = tx.s.t + next.delay;
    at(tx, next.delay, { type: 'RetryDue', c: key, gen: cs.gen });
    return 'wait';
  }
  // Re-pulling an image the node already has (policy Always) only checks the digest: modelled as instant,
  // unless the scenario states how long the pull takes (an explicit fact wins).
  const seconds = present && !tx.spec.explicitPulls.includes(c.image) ? 0 : facts.pullSeconds;
  if (seconds === 0) {
    pulled(tx, key, 0);
    return 'ready';
  }
  cs.pullingUntil = tx.s.t + seconds;
  at(tx, seconds, { type: 'PullFinished', c: key, gen: cs.gen });
  return 'wait';
}

/** The waiting reason a sync inside the pull back-off window publishes, with its events. */
export function imagePullBackOff(tx: Tx, key: number): void {
  const c = cspec(tx, key);
  const message = `Back-off pulling image "${c.image}"`;
  record(tx, c, 'Normal', 'BackOff', message, [imageRange(tx, key)]);
  fail(tx, key, 'ImagePullBackOff', message);
}
