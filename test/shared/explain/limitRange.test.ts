// Hover on resources with the workspace (issue 18): the LimitRange defaults the API server fills in, with the
// LimitRange and its file, and the QoS class they lead to.
import { describe, expect, it } from 'vitest';
import { memoryWorkspace } from '../../../shared/analysis/workspace/memory';
import { explainPath, hoverMarkdown } from '../../../shared/explain';
import { webPod } from '../../helpers/manifests';
import { limitRange } from '../k8s/admission/objects';
import { docOf } from './helpers';

const POD = webPod(
  'nginx:1.27',
  `    resources:
      limits:
        cpu: 500m
`,
);

const ws = memoryWorkspace([
  limitRange('mem-defaults', [
    { type: 'Container', default: { memory: '512Mi' }, defaultRequest: { memory: '256Mi' } },
  ]),
]);

describe('resources hover with LimitRanges', () => {
  it('names each filled-in value with its LimitRange and file, and the QoS class counts them', () => {
    const lines = explainPath(docOf(POD), ['spec', 'containers', 0, 'resources'], ws);
    expect(lines).toContain(
      '`limits.memory` not set: from LimitRange `mem-defaults` (file:///ws/mem-defaults.yaml), `512Mi`',
    );
    expect(lines).toContain(
      '`requests.memory` not set: from LimitRange `mem-defaults` (file:///ws/mem-defaults.yaml), `256Mi`',
    );
    expect(lines.find((l) => l.startsWith('QoS class'))).toMatch(
      /^QoS class \*\*Burstable\*\*.*memory request 256Mi differs from limit 512Mi/,
    );
  });

  it('without the workspace the same hover knows nothing of them', () => {
    const lines = explainPath(docOf(POD), ['spec', 'containers', 0, 'resources']);
    expect(lines.some((l) => l.includes('LimitRange'))).toBe(false);
    expect(lines.find((l) => l.startsWith('QoS class'))).toMatch(/sets cpu but not memory/);
  });

  it('hoverMarkdown passes the workspace through, and a refusal is shown', () => {
    const strict = memoryWorkspace([limitRange('bounds', [{ type: 'Container', max: { cpu: '250m' } }])]);
    const md = hoverMarkdown(docOf(POD), ['spec', 'containers', 0, 'resources'], [], false, strict);
    expect(md).toContain(
      'LimitRange `bounds` refuses this pod: pods "web" is forbidden: maximum cpu usage per Container is 250m, but limit is 500m',
    );
  });
});
