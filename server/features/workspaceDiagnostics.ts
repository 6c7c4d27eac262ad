/**
 * The cross-file findings of an open document: the workspace rules (shared/lint/rules/workspace) run against the
 * workspace index, next to the per-segment analysis the store caches (which cannot depend on other files). Cached
 * per document version, index generation and rule levels, so an unchanged file costs nothing per publish.
 */
import { type Finding, type LintConfig, lintDocuments, workspaceRules } from '../../shared/lint';
import type { ManifestStore } from '../documents';
import type { ServerWorkspaceIndex } from '../workspaceIndex';

/**
 * Files longer than this get no cross-file findings: parsing a whole generated bundle again on every publish would
 * slow down typing in it, and such files are not where references are written by hand.
 */
const MAX_LINES = 20_000;

const RULE_IDS = new Set(workspaceRules.map((r) => r.meta.id));

export class WorkspaceFindings {
  private readonly cache = new Map<string, { key: string; findings: Finding[] }>();

  constructor(
    private readonly workspace: ServerWorkspaceIndex,
    private readonly store: ManifestStore,
    private readonly complete: () => boolean,
    private readonly config: () => LintConfig,
  ) {}

  findings(uri: string, lineCount: number): Finding[] {
    if (lineCount > MAX_LINES) return [];
    // No flush of pending edits here: indexing the edited file would double the cost of its publish, and when its
    // facts change the index's change listener publishes what follows from them.
    const config = this.config();
    const complete = this.complete();
    const key = `${this.store.version(uri)}|${this.workspace.index.generation}|${complete}|${this.idOf(config)}`;
    const cached = this.cache.get(uri);
    if (cached?.key === key) return cached.findings;
    const findings = lintDocuments(this.store.documents(uri), {
      config,
      path: uri,
      rules: workspaceRules,
      workspace: this.workspace.index.objects(complete),
    }).filter((f) => RULE_IDS.has(f.rule));
    this.cache.set(uri, { key, findings });
    return findings;
  }

  /**
   * Whether the document's cross-file findings differ from when this was last asked: after the index changed, only
   * those documents are published again (a publish of unchanged diagnostics would race with the client's edits).
   * No findings at the first ask count as unchanged: the document's own publish already had none.
   */
  changed(uri: string, lineCount: number): boolean {
    const signature = JSON.stringify(this.findings(uri, lineCount));
    const before = this.announced.get(uri) ?? '[]';
    this.announced.set(uri, signature);
    return signature !== before;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.announced.delete(uri);
  }

  private readonly announced = new Map<string, string>();

  /** Rule levels are replaced, never mutated: their identity says whether they changed. */
  private readonly configIds = new WeakMap<LintConfig, number>();
  private nextConfigId = 0;

  private idOf(config: LintConfig): number {
    let id = this.configIds.get(config);
    if (id === undefined) {
      id = this.nextConfigId++;
      this.configIds.set(config, id);
    }
    return id;
  }
}
