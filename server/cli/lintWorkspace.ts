/**
 * The workspace `podlens lint` gives its cross-file rules: the YAML files under the workspace folder, walked and
 * read as the language server's index reads them, and the linted files wherever they are. A linted file's facts
 * come from its lint's analyses, so the biggest files of a run are parsed once, not again for the index.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type FileFacts,
  indexFile,
  isKustomizationFile,
  mayDefineObjects,
  type ObjectFacts,
  parsedAsIndexReads,
  WorkspaceIndex,
  type WorkspaceObjects,
} from '../../shared/analysis/workspace';
import type { ParseOptions } from '../../shared/model';
import { HelmDirs, MAX_INDEXED_FILE_BYTES, readFileFacts, Walk } from '../workspaceScan';

function isSmall(file: string): boolean {
  return (fs.statSync(file, { throwIfNoEntry: false })?.size ?? Infinity) <= MAX_INDEXED_FILE_BYTES;
}

export class LintWorkspace {
  private readonly index = new WorkspaceIndex();
  private readonly helm = new HelmDirs();
  /** Linted files the walk met: the index's Helm chart test applies to them as to the files it reads. */
  private readonly walked = new Set<string>();
  private scanned: FileFacts[] | undefined;

  constructor(
    private readonly dir: string,
    /** Absolute paths of the linted files, which `addLinted` indexes. */
    private readonly linted: ReadonlySet<string>,
  ) {}

  /**
   * Walks the workspace folder and indexes every YAML file but the linted ones, once; the facts read, which the
   * lint's analyses check the cross-file rules against before the linted files' own objects are known.
   */
  scan(): readonly FileFacts[] {
    if (this.scanned) return this.scanned;
    this.scanned = [];
    const walk = new Walk([path.resolve(this.dir)]);
    for (let file = walk.next(); file !== undefined; file = walk.next()) {
      if (this.linted.has(file)) {
        this.walked.add(file);
        continue;
      }
      const { facts } = readFileFacts(file, this.helm);
      if (facts) {
        this.index.set(facts);
        this.scanned.push(facts);
      }
    }
    return this.scanned;
  }

  /**
   * A linted file's facts: `objects` (from its lint's analyses, given its URI) when the lint read it with `options`
   * as the index reads a file; else from the text, since the index records objects as written, before kustomize.
   */
  addLinted(file: string, text: string, options: ParseOptions, objects: (uri: string) => ObjectFacts[]): void {
    this.scan();
    const absolute = path.resolve(file);
    const uri = pathToFileURL(absolute).href;
    const helmTemplate =
      this.walked.has(absolute) && !isKustomizationFile(uri) && isSmall(absolute) && this.helm.isTemplate(absolute);
    if (isKustomizationFile(uri) || helmTemplate || !parsedAsIndexReads(options))
      this.index.set(indexFile(uri, text, { helmTemplate }));
    else this.index.set({ uri, objects: mayDefineObjects(text) ? objects(uri) : [] });
  }

  objects(complete: boolean): WorkspaceObjects {
    this.scan();
    return this.index.objects(complete);
  }
}
