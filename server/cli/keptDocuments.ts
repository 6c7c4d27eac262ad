/**
 * A linted file's parsed documents, read twice by `podlens lint`: for the workspace index's facts, and by the
 * cross-file rules once every file is indexed. Kept in between, so the file is parsed once, within a budget:
 * a parsed document weighs tens of times its text, and a run over a whole repository must not hold every tree.
 */
import type { ManifestDocument } from '../../shared/model';

/** Linted text, in characters, whose documents a run keeps between the two reads; beyond it they are parsed again. */
export const KEPT_TEXT_CHARS = 8 * 1024 * 1024;

export class KeptDocuments {
  private kept: ManifestDocument[] | undefined;

  constructor(
    private readonly parse: () => ManifestDocument[],
    private readonly keep: boolean,
  ) {}

  /** The documents, kept for `take` when the budget allowed it. */
  peek(): ManifestDocument[] {
    const documents = this.kept ?? this.parse();
    if (this.keep) this.kept = documents;
    return documents;
  }

  /** The documents for their last reader: nothing is kept after this. */
  take(): ManifestDocument[] {
    const documents = this.kept ?? this.parse();
    this.kept = undefined;
    return documents;
  }
}
