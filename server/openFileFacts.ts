/**
 * The workspace index's facts of an open file, from the documents the analysis host already parsed: per segment,
 * kept by segment text, so an edit reads only the segment it changed instead of parsing the whole file again.
 * A file the host reads differently from the index (a kustomize context, a patch, a Helm template) has its
 * segments parsed the index's way, still one changed segment at a time.
 */
import type { Analysis } from '../shared/analysis';
import {
  type FileFacts,
  type IndexFileOptions,
  indexFile,
  isKustomizationFile,
  mayDefineObjects,
  movedFacts,
  type ObjectFacts,
  objectFacts,
  parsedAsIndexReads,
} from '../shared/analysis/workspace';
import { filePartialReason, type ManifestDocument, parseSegmentDocuments, type Segment } from '../shared/model';
import type { OpenText } from './workspaceIndex';

/** One segment's objects as read: at `line`, documents numbered from `firstIndex`. */
interface SegmentObjects {
  line: number;
  firstIndex: number;
  objects: ObjectFacts[];
}

interface FileSegments {
  /** What besides a segment's text decides its facts: the partial reason the file's name gives. */
  context: string;
  segments: Map<string, SegmentObjects>;
}

/** Told of the host's documents of a segment the index just read, for other per-segment work on them. */
export type SegmentParsed = (
  uri: string,
  analysis: Analysis,
  segment: Segment,
  firstIndex: number,
  docs: ManifestDocument[],
) => void;

export class OpenFileFacts {
  private readonly files = new Map<string, FileSegments>();

  constructor(private readonly onParsed?: SegmentParsed) {}

  /** The file's facts as `indexFile` reads its text. */
  factsOf(uri: string, analysis: Analysis, options: IndexFileOptions = {}): FileFacts {
    if (isKustomizationFile(uri)) return indexFile(uri, analysis.text(uri) ?? '', options);
    if (options.helmTemplate) return { uri, objects: [] };
    const context = filePartialReason({ path: uri }) ?? '';
    const before = this.files.get(uri)?.segments ?? new Map<string, SegmentObjects>();
    const kept = new Map<string, SegmentObjects>();
    const sameParse = parsedAsIndexReads(analysis.parseOptions(uri));
    const firstIndexes = analysis.firstIndexes(uri);
    const objects: ObjectFacts[] = [];
    analysis.segments(uri).forEach((segment, i) => {
      const firstIndex = firstIndexes[i] ?? 0;
      let entry = kept.get(segment.text) ?? before.get(segment.text) ?? this.elsewhere(uri, context, segment.text);
      if (!entry) {
        // A segment without the words every object writes defines none: skipped before any parse, as files are.
        let docs: ManifestDocument[] = [];
        if (mayDefineObjects(segment.text) && sameParse) {
          docs = analysis.segmentDocuments(uri, i);
          this.onParsed?.(uri, analysis, segment, firstIndex, docs);
        } else if (mayDefineObjects(segment.text)) docs = parseSegmentDocuments(segment, firstIndex, { path: uri });
        const read = docs.flatMap((d) => objectFacts(d, uri) ?? []);
        entry = { line: segment.line, firstIndex, objects: read };
      }
      const lines = segment.line - entry.line;
      const documents = firstIndex - entry.firstIndex;
      // Kept where the segment is now: the next read moves nothing unless the segment moves again.
      if (lines !== 0 || documents !== 0)
        entry = { line: segment.line, firstIndex, objects: entry.objects.map((o) => movedFacts(o, lines, documents)) };
      kept.set(segment.text, entry);
      for (const o of entry.objects) objects.push(o);
    });
    this.files.set(uri, { context, segments: kept });
    return { uri, objects };
  }

  /**
   * A segment's objects as a worker read them where it parsed the segment (documents numbered from 0, lines as of
   * `line`): the next read of the file takes them instead of parsing the segment here.
   */
  seed(uri: string, text: string, line: number, objects: ObjectFacts[]): void {
    const context = filePartialReason({ path: uri }) ?? '';
    let file = this.files.get(uri);
    if (file?.context !== context) {
      file = { context, segments: new Map() };
      this.files.set(uri, file);
    }
    file.segments.set(text, { line, firstIndex: 0, objects });
  }

  /** The open file for the index: its length, and its facts read when the index asks. */
  text(uri: string, analysis: Analysis): Exclude<OpenText, string> {
    return { length: analysis.length(uri), facts: (options) => this.factsOf(uri, analysis, options) };
  }

  forget(uri: string): void {
    this.files.delete(uri);
  }

  /**
   * The segment as read in another open file, its objects placed in this one: a copy of a file, or a document
   * pasted from another, is not parsed again.
   */
  private elsewhere(uri: string, context: string, text: string): SegmentObjects | undefined {
    for (const [other, file] of this.files) {
      const entry = other !== uri && file.context === context ? file.segments.get(text) : undefined;
      if (entry) return { ...entry, objects: entry.objects.map((o) => inFile(o, uri)) };
    }
    return undefined;
  }
}

/** The facts as written in the file `uri`: an object's location is the only place its file appears. */
function inFile(o: ObjectFacts, uri: string): ObjectFacts {
  return { ...o, object: { ...o.object, location: { ...o.object.location, uri } } };
}
