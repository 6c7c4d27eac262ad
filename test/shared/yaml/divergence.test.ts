// The YAML divergence table: on every input where parsers disagree, podlens reads what kubectl reads.
import { describe, expect, it } from 'vitest';
import { parseSegment } from '../../../shared/yaml/parse';
import { splitSegments } from '../../../shared/yaml/split';
import { DIVERGENCES } from '../../fixtures/yaml/divergence';
import { documentJson } from '../../helpers/yaml/toJson';

function podlensRead(yaml: string) {
  const docs = splitSegments(yaml).flatMap(parseSegment);
  const issues = docs.flatMap((d) => d.issues);
  // A document kubectl drops (after `...`) is read and flagged, not sent.
  const sent = docs.filter((d) => d.ast.contents !== null && !d.issues.some((i) => i.code === 'DROPPED_BY_KUBECTL'));
  return { issues, json: sent.map(documentJson) };
}

describe('YAML divergence table (kubectl = sigs.k8s.io/yaml over go-yaml v2)', () => {
  it.each(DIVERGENCES.map((d) => [d.name, d] as const))('%s', (_, row) => {
    const read = podlensRead(row.yaml);
    const severities = read.issues.map((i) => i.severity);
    if (row.podlens === 'error') {
      expect('error' in row.kubectl).toBe(true);
      expect(severities).toContain('error');
      return;
    }
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(severities.includes('warning')).toBe(row.podlens === 'warning');
    expect(row.kubectl).toEqual({ json: read.json });
  });
});
