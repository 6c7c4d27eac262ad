// Suppression fixes: the comment lands where the engine reads it, and the finding is gone after applying it.
import { describe, expect, it } from 'vitest';
import { suppressDocumentFix, suppressLineFix } from '../../../shared/lint/fixes';
import { parseManifests } from '../../../shared/model';
import { applyFix, findings } from '../../helpers/lint/lintHelpers';

const TWO_DOCS = `# file header
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx
`;

function docAt(text: string, index: number) {
  const doc = parseManifests(text).documents[index];
  if (!doc) throw new Error('no document');
  return doc;
}

describe('suppressLineFix', () => {
  it('adds a next-line comment at the line’s indentation and silences the finding', () => {
    const [finding] = findings(TWO_DOCS, 'latest-tag');
    expect(finding?.range.start.line).toBe(13);
    const fix = suppressLineFix(docAt(TWO_DOCS, 1), 13, 'latest-tag');
    expect(fix?.title).toBe('Suppress latest-tag on this line');
    const out = applyFix(TWO_DOCS, fix);
    expect(out).toContain('    - name: app\n      # podlens-disable-next-line latest-tag\n      image: nginx\n');
    expect(findings(out, 'latest-tag')).toEqual([]);
  });

  it('extends an existing next-line comment instead of stacking another', () => {
    const text = TWO_DOCS.replace(
      '      image: nginx',
      '      # podlens-disable-next-line missing-resources -- demo\n      image: nginx',
    );
    const out = applyFix(text, suppressLineFix(docAt(text, 1), 14, 'latest-tag'));
    expect(out).toContain(
      '      # podlens-disable-next-line missing-resources, latest-tag -- demo\n      image: nginx\n',
    );
    expect(findings(out, 'latest-tag')).toEqual([]);
  });

  it('offers nothing inside a multi-line block scalar, where a comment would become text', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    note: |\n      one\n      two\n';
    expect(suppressLineFix(docAt(text, 0), 7, 'latest-tag')).toBeUndefined();
  });
});

describe('suppressDocumentFix', () => {
  it('goes right after the `---` marker of a later document', () => {
    const out = applyFix(TWO_DOCS, suppressDocumentFix(docAt(TWO_DOCS, 1), 'latest-tag'));
    expect(out).toContain('---\n# podlens-disable latest-tag\napiVersion: v1\nkind: Pod\n');
    expect(findings(out, 'latest-tag')).toEqual([]);
    expect(findings(out, 'missing-resources')).toHaveLength(1);
  });

  it('goes above the content of the first document and extends an existing directive there', () => {
    const first = applyFix(TWO_DOCS, suppressDocumentFix(docAt(TWO_DOCS, 0), 'missing-name'));
    expect(first.startsWith('# file header\n# podlens-disable missing-name\napiVersion: v1\nkind: ConfigMap\n')).toBe(
      true,
    );
    const again = applyFix(first, suppressDocumentFix(docAt(first, 0), 'recommended-labels'));
    expect(again.startsWith('# file header\n# podlens-disable missing-name, recommended-labels\napiVersion')).toBe(
      true,
    );
    expect(suppressDocumentFix(docAt(again, 0), 'missing-name')).toBeUndefined();
  });
});
