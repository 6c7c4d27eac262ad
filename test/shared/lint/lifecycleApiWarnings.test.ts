// What the API server accepts with a warning (pkg/api/pod/warnings.go): fractional byte quantities, empty or
// repeated imagePullSecrets names and deprecated volume types. Each stays a warning, at the tightest range.
import { describe, expect, it } from 'vitest';
import { lintText, type RuleFailure } from '../../../shared/lint';
import { brief, explained, findings, lint, pod } from '../../helpers/lint/lintHelpers';
import { marked } from '../../helpers/lint/marked';

const resources = (lines: string) => pod(`  - name: app\n    image: app:1.0\n    resources:\n${lines}`);

describe('fractional-byte-quantity', () => {
  it('flags a memory request in millis at its value, with the value as the API server prints it', () => {
    const { text, ranges } = marked(
      resources('      requests:\n        memory: «1500m»\n      limits:\n        memory: 2Gi\n'),
    );
    const found = findings(text, 'fractional-byte-quantity');
    expect(found.map(brief)).toEqual([{ rule: 'fractional-byte-quantity', severity: 'warning', range: ranges[0] }]);
    expect(found[0]?.path).toBe('spec.containers[0].resources.requests.memory');
    expect(explained(found[0])).toContain('accepts it with a warning');
    expect(explained(found[0])).toContain('fractional byte value "1500m" is invalid, must be an integer');
    expect(explained(found[0])).toContain('1500Mi');
  });

  it('flags limits and ephemeral-storage too, in init containers as well, after rounding up to millis', () => {
    const { text, ranges } = marked(
      pod(
        '  - name: app\n    image: app:1.0\n    resources:\n      limits:\n        memory: «0.5»\n        ephemeral-storage: «0.1Ki»\n',
        '  initContainers:\n  - name: init\n    image: app:1.0\n    resources:\n      requests:\n        ephemeral-storage: «"1.0001"»\n',
      ),
    );
    const found = findings(text, 'fractional-byte-quantity');
    // In file order: pod() writes the init containers (spec lines) before the containers.
    expect(found.map(brief)).toEqual(
      ranges.map((range) => ({ rule: 'fractional-byte-quantity', severity: 'warning', range })),
    );
    // 1.0001 is stored as 1001m after defaulting; 0.1Ki is 102.4 bytes.
    expect(explained(found[0])).toContain('"1001m"');
    expect(explained(found[2])).toContain('"102400m"');
  });

  it('is silent for whole byte counts, values that round up to one, cpu millis and quantities that are errors', () => {
    const text = resources(
      '      requests:\n        memory: 1500Mi\n        cpu: 1500m\n        ephemeral-storage: "0.9999"\n      limits:\n        memory: 1.5Ki\n        ephemeral-storage: 1000m\n',
    );
    expect(findings(text, 'fractional-byte-quantity')).toEqual([]);
    const broken = resources('      requests:\n        memory: -1500m\n      limits:\n        memory: 1.5MB\n');
    expect(findings(broken, 'fractional-byte-quantity')).toEqual([]);
  });
});

describe('image-pull-secret-name', () => {
  const withSecrets = (entries: string) =>
    pod('  - name: app\n    image: registry.example.com/app:1.0\n', `  imagePullSecrets:\n${entries}`);

  it('flags a repeated name at the repeat, relating the first use', () => {
    const { text, ranges } = marked(withSecrets('  - name: «regcred»\n  - name: other\n  - name: «regcred»\n'));
    const found = findings(text, 'image-pull-secret-name');
    expect(found.map(brief)).toEqual([{ rule: 'image-pull-secret-name', severity: 'warning', range: ranges[1] }]);
    expect(found[0]?.path).toBe('spec.imagePullSecrets[2].name');
    expect(explained(found[0])).toContain('accepts it with a warning ("duplicate name")');
    expect(found[0]?.related).toEqual([{ range: ranges[0], message: 'first use of "regcred"' }]);
  });

  it('flags an empty name at its value, and an entry without a name at the entry', () => {
    const { text, ranges } = marked(withSecrets('  - name: «""»\n  - «{}»\n'));
    const found = findings(text, 'image-pull-secret-name');
    expect(found.map(brief)).toEqual([
      { rule: 'image-pull-secret-name', severity: 'warning', range: ranges[0] },
      { rule: 'image-pull-secret-name', severity: 'warning', range: ranges[1] },
    ]);
    expect(explained(found[0])).toContain('("invalid empty name")');
  });

  it('is silent for distinct names in a workload template', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n' +
      '  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      imagePullSecrets:\n      - name: regcred\n' +
      '      - name: mirror\n      containers:\n      - name: app\n        image: app:1.0\n';
    expect(findings(text, 'image-pull-secret-name')).toEqual([]);
  });
});

describe('deprecated-volume-type', () => {
  const withVolumes = (volumes: string) => pod('  - name: app\n    image: app:1.0\n', `  volumes:\n${volumes}`);

  it('flags gitRepo at the volume type key', () => {
    const { text, ranges } = marked(
      withVolumes('  - name: src\n    «gitRepo»:\n      repository: https://example.com/x.git\n'),
    );
    const found = findings(text, 'deprecated-volume-type');
    expect(found.map(brief)).toEqual([{ rule: 'deprecated-volume-type', severity: 'warning', range: ranges[0] }]);
    expect(found[0]?.path).toBe('spec.volumes[0].gitRepo');
    expect(explained(found[0])).toContain('accepts with a warning ("deprecated in v1.11")');
    expect(explained(found[0])).toContain('emptyDir');
  });

  it('flags every plugin of warnings.go with its version, and says the removed ones do not mount', () => {
    const types = ['photonPersistentDisk', 'scaleIO', 'flocker', 'storageos', 'quobyte', 'glusterfs', 'cephfs', 'rbd'];
    const { text, ranges } = marked(withVolumes(types.map((t, i) => `  - name: v${i}\n    «${t}»: {x: y}\n`).join('')));
    const found = findings(text, 'deprecated-volume-type');
    expect(found.map((f) => f.range)).toEqual(ranges);
    expect(found.every((f) => f.severity === 'warning' && explained(f).includes('the pod does not start'))).toBe(true);
    expect(explained(found.find((f) => f.path === 'spec.volumes[7].rbd'))).toContain(
      '"deprecated in v1.28, non-functional in v1.31+"',
    );
  });

  it('is silent for current volume types and for a type key with no value', () => {
    const text = withVolumes(
      '  - name: data\n    persistentVolumeClaim:\n      claimName: data\n  - name: tmp\n    gitRepo:\n    emptyDir: {}\n',
    );
    expect(findings(text, 'deprecated-volume-type')).toEqual([]);
    // An unknown key named like an Object.prototype member is not a volume type (and must not crash the rule).
    const odd = withVolumes('  - name: x\n    constructor: {}\n    emptyDir: {}\n');
    expect(findings(odd, 'deprecated-volume-type')).toEqual([]);
    const failures: RuleFailure[] = [];
    lintText(odd, { onRuleFailure: (f) => failures.push(f) });
    expect(failures).toEqual([]);
  });
});

describe('API-server warnings stay warnings', () => {
  it('produce no error of their own', () => {
    const text = pod(
      '  - name: app\n    image: app:1.0\n    resources:\n      requests:\n        memory: 1500m\n',
      '  imagePullSecrets:\n  - name: a\n  - name: a\n  volumes:\n  - name: src\n    gitRepo:\n      repository: https://example.com/x.git\n',
    );
    const ours = ['fractional-byte-quantity', 'image-pull-secret-name', 'deprecated-volume-type'];
    const found = lint(text).filter((f) => ours.includes(f.rule));
    expect(found.map((f) => f.rule).sort()).toEqual([...ours].sort());
    expect(lint(text).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
