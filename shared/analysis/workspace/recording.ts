/**
 * Which workspace answers a computation used: a `WorkspaceObjects` that records every query and its answer, and
 * a check whether a newer index still gives the same answers. Findings derived from the workspace can then be
 * kept across index changes that do not touch what they read.
 */
import type { IndexedObject, WorkspaceObjects } from './types';

export interface RecordedQuery {
  kind: string;
  /** `find`'s name; undefined for `ofKind`. */
  name?: string;
  namespace?: string;
  answer: readonly IndexedObject[];
}

/** `objects`, with each query and its answer appended to `queries`. */
export function recording(objects: WorkspaceObjects, queries: RecordedQuery[]): WorkspaceObjects {
  return {
    complete: objects.complete,
    find: (kind, name, namespace) => {
      const answer = objects.find(kind, name, namespace);
      queries.push({ kind, name, namespace, answer });
      return answer;
    },
    ofKind: (kind, namespace) => {
      const answer = objects.ofKind(kind, namespace);
      queries.push({ kind, namespace, answer });
      return answer;
    },
  };
}

function answerOf(q: RecordedQuery, objects: WorkspaceObjects): readonly IndexedObject[] {
  return q.name === undefined ? objects.ofKind(q.kind, q.namespace) : objects.find(q.kind, q.name, q.namespace);
}

/** Whether `objects` answers every recorded query as before, locations included (findings point at them). */
export function sameAnswers(queries: readonly RecordedQuery[], objects: WorkspaceObjects): boolean {
  return queries.every((q) => {
    const answer = answerOf(q, objects);
    return answer.length === q.answer.length && answer.every((o, i) => sameObject(o, q.answer[i]));
  });
}

/**
 * The queries with the answers `objects` gives: recorded elsewhere (a worker thread), their answers are copies, and
 * the index's own objects are kept instead of a copy per query.
 */
export function answeredBy(queries: readonly RecordedQuery[], objects: WorkspaceObjects): RecordedQuery[] {
  return queries.map((q) => ({ ...q, answer: answerOf(q, objects) }));
}

/** The index keeps an unchanged file's objects as they were, so identity settles most comparisons. */
function sameObject(a: IndexedObject, b: IndexedObject | undefined): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
