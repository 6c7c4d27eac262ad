/**
 * The rules that read other files (ctx.workspace): references and selectors across files, and the namespace
 * policies admission applies. Per-segment analyses have no workspace, so these run once more over a file's
 * documents with it; without one they report nothing.
 */
import { policyRules } from './rules/policy';
import { workspaceRules } from './rules/workspace';
import type { Rule } from './types';

export { workspaceRules };

export const crossFileRules: readonly Rule[] = [...workspaceRules, ...policyRules];
