/** Contracts of the lint engine: rules, findings and fixes. Findings carry ranges in file positions. */
import type { WorkspaceObjects } from '../analysis/workspace/types';
import type { KubernetesTarget } from '../k8s/version/target';
import type { ManifestDocument, PodView } from '../model';
import type { FieldPath, Range, Severity } from '../util/range';

export type RuleFamily = 'syntax' | 'config' | 'structure' | 'api-validation' | 'lifecycle' | 'metadata' | 'workspace';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Marks the fix VS Code applies with "Quick Fix" auto-apply. */
  isPreferred?: boolean;
  /**
   * Edits are snippets (tab stops like `${1:128Mi}`): sent as LSP 3.18 snippet edits to clients that announce
   * `workspaceEdit.snippetEditSupport` (vscode-languageclient 11 turns them into vscode.SnippetTextEdit, and VS
   * Code runs them in the editor's snippet mode), as the placeholders' plain text to the others.
   */
  snippet?: boolean;
  /** The fix is only worth it when the user types a value into the snippet: not offered as plain text. */
  typed?: boolean;
}

export interface RelatedInfo {
  range: Range;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** One line of at most 100 characters naming the problem (./message). */
  message: string;
  /** Why it matters, what follows and what to do: shown in the hover, not in the Problems panel. */
  detail?: string;
  /** The tightest range: the offending key or value. */
  range: Range;
  /** Dotted path of the offending node inside its document (`spec.containers[0].image`). */
  path: string;
  /** Index of the YAML document in its file. */
  document: number;
  related?: RelatedInfo[];
  fixes?: Fix[];
}

export interface RuleMeta {
  /** Stable kebab-case id; never reused once removed. */
  id: string;
  family: RuleFamily;
  /** Default severity. `error` only when the API server (or `kubectl apply`) rejects the object. */
  severity: Severity;
  /** One line, shown in hovers and SARIF. */
  summary: string;
  /**
   * Advice rather than a predicted failure (probes, resources, labels, tags): a hint on a bare Pod under the
   * default preset, off under `quiet` (./presets).
   */
  bestPractice?: true;
  /**
   * kubectl fails on this finding before the object is validated (an apiVersion not served): the engine drops the
   * document's other errors, which are its consequences.
   */
  rootCause?: boolean;
}

/** What a rule reports; the engine adds rule id, severity (after configuration) and document index. */
export interface Report {
  path: FieldPath;
  range: Range;
  /** One line of at most 100 characters naming the problem (./message). */
  message: string;
  /** Why it matters, what follows and what to do: the hover shows it under the message. */
  detail?: string;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** Only when one rule reports two kinds of problem with different weights; defaults to the rule's. */
  severity?: Severity;
  /**
   * The finding holds only for a whole object: a missing field, or a reference to something elsewhere in it.
   * The engine drops it on partial documents (kustomize patches), which carry only the fields they change.
   */
  needsWholeObject?: boolean;
}

export interface RuleContext {
  doc: ManifestDocument;
  /** The pod view when the document is one of the eight pod kinds. */
  pod?: PodView;
  /** File path or URI, when known (for kustomize/patch decisions). */
  path?: string;
  /** The cluster version and feature gates the manifest is checked against. */
  target: KubernetesTarget;
  /** The workspace's other objects, when indexed. */
  workspace?: WorkspaceObjects;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Pure check over the manifest model. Must not throw on any input (the engine still guards it). */
  check(ctx: RuleContext): void;
}

/** Where rule documentation pages live (docs/rules/<id>.md in the repository). */
export const RULE_DOCS_BASE = 'https://github.com/podlens/podlens/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

export type { FieldPath, ManifestDocument, Range, Severity };
