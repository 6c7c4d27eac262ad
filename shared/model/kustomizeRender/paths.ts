/** Paths as kustomize resolves them: relative to the kustomization's directory, `/`-separated, `..` collapsed. */

/** `dir` joined with `rel` and normalised; an absolute `rel` stands alone. Works on URIs (`file:///x`) too. */
export function joinPath(dir: string, rel: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(dir)?.[0] ?? '';
  const base = rel.startsWith('/') ? rel : `${dir.slice(scheme.length)}/${rel}`;
  const out: string[] = [];
  for (const part of base.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `${scheme}${base.startsWith('/') ? '/' : ''}${out.join('/')}`;
}

/** Resources kustomize fetches from the network (git repositories, URLs): not rendered here. */
export function isRemote(rel: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(rel) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(rel);
}
