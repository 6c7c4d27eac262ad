/**
 * URI arithmetic for the index: kustomizations name files relative to their directory. Works on `file:` URIs
 * and plain POSIX paths alike (both separate with `/`), without Node's `path`, so the index stays pure.
 */

/** The URI of the directory holding `uri`, without a trailing slash. */
export function dirOf(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash === -1 ? '' : uri.slice(0, slash);
}

/**
 * `relative` resolved against the directory `dir`; `.` and `..` are folded, and a `..` never climbs above the
 * URI's root (`file:///`).
 * @example resolveUri('file:///w/overlays/prod', '../../base/app.yaml') // 'file:///w/base/app.yaml'
 */
export function resolveUri(dir: string, relative: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(dir)?.[0] ?? '';
  const rest = dir.slice(scheme.length);
  const parts = relative.startsWith('/') ? [] : rest.split('/').filter((p) => p !== '');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(encodeSegment(part, scheme !== ''));
  }
  return `${scheme}/${parts.join('/')}`;
}

/** A path segment as a file URI spells it (spaces and the like percent-encoded, as VS Code sends them). */
function encodeSegment(segment: string, isUri: boolean): string {
  return isUri ? encodeURIComponent(decodeURIComponentSafe(segment)).replace(/%40/g, '@') : segment;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
