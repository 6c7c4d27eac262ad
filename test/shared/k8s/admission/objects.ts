// Small IndexedObjects for the policy tests: what the workspace index reports for a LimitRange, a quota, a class.
import type { IndexedObject } from '../../../../shared/analysis/workspace/types';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function object(kind: string, name: string, extra: Partial<IndexedObject> = {}): IndexedObject {
  return {
    apiVersion: 'v1',
    kind,
    name,
    labels: {},
    location: { uri: `file:///ws/${name}.yaml`, range: RANGE },
    ...extra,
  };
}

export const limitRange = (name: string, limits: unknown[], namespace?: string) =>
  object('LimitRange', name, { body: { limits }, ...(namespace ? { namespace } : {}) });

export const quota = (name: string, spec: unknown, namespace?: string) =>
  object('ResourceQuota', name, { body: spec, ...(namespace ? { namespace } : {}) });

export const runtimeClass = (name: string, body: Record<string, unknown>) =>
  object('RuntimeClass', name, { apiVersion: 'node.k8s.io/v1', body: { handler: 'runsc', ...body } });
