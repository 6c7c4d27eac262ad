/**
 * missing-name: the object has neither `metadata.name` nor `metadata.generateName`. ValidateObjectMeta rejects
 * it ("name or generateName is required", Kubernetes v1.36 validation.go), so this is an error. Pod templates inside
 * workloads are exempt (the controller names the pods), and partial documents (kustomize patches) are skipped
 * by the engine.
 */
import { isScalar } from 'yaml';
import { appendToMap, blockMapAt, insertAfterPair, replaceNode, tabStop, upsertBlock } from '../../fixes';
import type { Fix, Rule, RuleContext, TextEdit } from '../../types';

function addNameFix(ctx: RuleContext): Fix | undefined {
  const dc = ctx.doc.ctx;
  const root = blockMapAt(dc, []);
  if (!root) return undefined;
  const entries = { name: tabStop(1, 'name') };
  const metadata = blockMapAt(dc, ['metadata']);
  const kindPair = dc.pair(root, 'kind');
  let edit: TextEdit | undefined;
  if (metadata) {
    // `name: ""` gets its value replaced; a map without `name` gets the key.
    const existing = dc.pair(metadata, 'name')?.value;
    if (!existing) edit = appendToMap(dc, metadata, entries);
    else if (isScalar(existing) && existing.range && existing.range[1] > existing.range[0]) {
      edit = replaceNode(dc, existing, entries.name);
    }
  } else if (dc.pair(root, 'metadata')) {
    edit = upsertBlock(dc, root, 'metadata', entries);
  } else if (kindPair) {
    edit = insertAfterPair(dc, root, kindPair, { metadata: entries });
  }
  return edit ? { title: 'Add metadata.name', snippet: true, isPreferred: true, edits: [edit] } : undefined;
}

export const missingNameRule: Rule = {
  meta: {
    id: 'missing-name',
    family: 'metadata',
    severity: 'error',
    summary: 'The object has neither metadata.name nor metadata.generateName; the API server rejects it.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const { name, generateName, keyRange } = pod.metadata;
    const set = (f: typeof name) =>
      f.kind === 'template' || f.kind === 'invalid' || (f.kind === 'value' && f.value !== '');
    if (set(name) || set(generateName)) return;
    const kind = ctx.doc.kind;
    const range =
      name.kind !== 'absent' ? name.range : (keyRange ?? (kind.kind !== 'absent' ? kind.range : ctx.doc.range));
    const fix = addNameFix(ctx);
    ctx.report({
      path: ['metadata', 'name'],
      range,
      needsWholeObject: true,
      message: 'No metadata.name (and no generateName): the API server rejects the object',
      detail:
        `This ${pod.workload} has no metadata.name (and no generateName): the API server rejects it with ` +
        '"metadata.name: Required value: name or generateName is required". Give it a DNS-1123 name.',
      fixes: fix ? [fix] : undefined,
    });
  },
};
