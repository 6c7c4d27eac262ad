// Issue 18, wiring: the list of workspace objects the lifecycle panel gets for a pod, and the WorkspaceObjects the
// panel rebuilds from it, which must answer lookups as the index does.
import { describe, expect, it } from 'vitest';
import { memoryWorkspace, podWorkspaceObjects, WorkspaceIndex } from '../../../shared/analysis/workspace';
import { parseManifests } from '../../../shared/model';
import { object } from '../k8s/admission/objects';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  serviceAccountName: robot
  containers:
  - name: app
    image: nginx:1.27
    envFrom:
    - configMapRef: {name: app-config}
`;

const podOf = (text: string) => {
  const pod = parseManifests(text).documents[0]?.pod;
  if (!pod) throw new Error('fixture has no pod');
  return pod;
};

describe('podWorkspaceObjects', () => {
  const all = [
    object('ConfigMap', 'app-config', { namespace: 'shop' }),
    object('ConfigMap', 'unrelated'),
    object('ServiceAccount', 'robot'),
    object('Secret', 'unrelated'),
    object('LimitRange', 'defaults', { namespace: 'shop' }),
    object('ResourceQuota', 'quota'),
    object('RuntimeClass', 'gvisor'),
    object('PriorityClass', 'high'),
    object('Service', 'db', { namespace: 'data' }),
  ];

  it('keeps the objects the pod names and every namespace policy, class and Service, each once', () => {
    const names = podWorkspaceObjects(memoryWorkspace(all), [podOf(POD), podOf(POD)]).map((o) => `${o.kind}/${o.name}`);
    expect(names).toEqual([
      'ConfigMap/app-config',
      'ServiceAccount/robot',
      'LimitRange/defaults',
      'ResourceQuota/quota',
      'RuntimeClass/gvisor',
      'PriorityClass/high',
      'Service/db',
    ]);
  });

  it('rebuilt with memoryWorkspace, answers namespaced lookups as the index does', () => {
    const index = new WorkspaceIndex();
    index.update(
      'file:///ws/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {a: "1"}\n',
    );
    const fromIndex = index.objects().find('ConfigMap', 'app-config', 'shop');
    // A ConfigMap whose manifest names no namespace is applied to the pod's: found from namespace shop.
    expect(fromIndex).toHaveLength(1);
    const rebuilt = memoryWorkspace(podWorkspaceObjects(index.objects(), [podOf(POD)]));
    expect(rebuilt.find('ConfigMap', 'app-config', 'shop')).toEqual(fromIndex);
    expect(rebuilt.find('ConfigMap', 'app-config', 'other')).toEqual(
      index.objects().find('ConfigMap', 'app-config', 'other'),
    );
  });
});
