/** Public entry of the fix builders: indentation- and comment-preserving edits for quick fixes. */
export {
  appendToMap,
  blockMapAt,
  indentUnit,
  insertAfterPair,
  renderBlock,
  replaceNode,
  type YamlBlock,
} from './blockMap';
export { insertMemoryLimitFix, insertProbeFix, insertResourcesFix, pinTagFix, pullPolicyFix } from './container';
export { suppressDocumentFix, suppressLineFix } from './suppress';
export { eolOf, indentOf, snippetLiteral, snippetToPlain, tabStop, yamlPlain } from './text';
export { upsertBlock } from './upsert';
