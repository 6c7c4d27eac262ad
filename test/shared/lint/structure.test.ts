// The structure family: strict decoding against the generated schema, with exact ranges.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { explained } from '../../helpers/lint/lintHelpers';
import { findingsOf, marked } from '../../helpers/lint/marked';

const pod = (spec: string, meta = '  name: web\n') => `apiVersion: v1\nkind: Pod\nmetadata:\n${meta}spec:\n${spec}`;
const app = (extra = '') => `  containers:\n  - name: app\n    image: registry.example/app:1.4.2\n${extra}`;

interface Case {
  name: string;
  rule: string;
  severity: 'error' | 'warning';
  flagged: string;
  clean: string;
  fix?: string;
}

const CASES: Case[] = [
  {
    name: 'a misspelled container field',
    rule: 'unknown-field',
    severity: 'error',
    flagged: pod(app('    «imagePullpolicy»: Always\n')),
    clean: pod(app('    imagePullPolicy: Always\n')),
    fix: 'imagePullPolicy',
  },
  {
    name: 'a lower-cased pod spec field',
    rule: 'unknown-field',
    severity: 'error',
    flagged: pod(`  «restartpolicy»: Never\n${app()}`),
    clean: pod(`  restartPolicy: Never\n${app()}`),
    fix: 'restartPolicy',
  },
  {
    name: 'a misspelled port field',
    rule: 'unknown-field',
    severity: 'error',
    flagged: pod(app('    ports:\n    - «containerport»: 80\n')),
    clean: pod(app('    ports:\n    - containerPort: 80\n')),
    fix: 'containerPort',
  },
  {
    name: 'a quoted number where an integer belongs',
    rule: 'invalid-type',
    severity: 'error',
    flagged: pod(app('    ports:\n    - containerPort: «"80"»\n')),
    clean: pod(app('    ports:\n    - containerPort: 80\n')),
    fix: '80',
  },
  {
    name: 'an unquoted number as an env value',
    rule: 'invalid-type',
    severity: 'error',
    flagged: pod(app('    env:\n    - name: PORT\n      value: «8080»\n')),
    clean: pod(app('    env:\n    - name: PORT\n      value: "8080"\n')),
    fix: '"8080"',
  },
  {
    name: 'a YAML 1.1 boolean as an env value',
    rule: 'invalid-type',
    severity: 'error',
    flagged: pod(app('    env:\n    - name: FEATURE\n      value: «on»\n')),
    clean: pod(app('    env:\n    - name: FEATURE\n      value: "on"\n')),
    fix: '"on"',
  },
  {
    name: 'a map where a list belongs',
    rule: 'invalid-type',
    severity: 'error',
    flagged: pod(app('    ports:\n      «containerPort: 80»\n')),
    clean: pod(app('    ports:\n      - containerPort: 80\n')),
  },
  {
    name: 'a lower-case enum value',
    rule: 'invalid-enum',
    severity: 'error',
    flagged: pod(app('    imagePullPolicy: «always»\n')),
    clean: pod(app('    imagePullPolicy: ""\n')),
    fix: 'Always',
  },
  {
    name: 'a container without an image',
    rule: 'missing-required-field',
    severity: 'error',
    flagged: pod('  containers:\n  - «name»: app\n'),
    clean: pod(app()),
  },
  {
    name: 'an empty containers list',
    rule: 'missing-required-field',
    severity: 'error',
    flagged: pod('  containers: []\n'),
    clean: pod(app()),
  },
  {
    name: 'a quantity with a byte suffix',
    rule: 'invalid-quantity',
    severity: 'error',
    flagged: pod(app('    resources:\n      limits:\n        memory: «1GB»\n')),
    clean: pod(app('    resources:\n      limits:\n        memory: 1G\n        cpu: 0.5\n')),
  },
  {
    name: 'a key written twice',
    rule: 'duplicate-key',
    severity: 'warning',
    flagged: pod(app('    «image»: registry.example/app:2\n')),
    clean: pod(app()),
  },
];

describe('structure rules', () => {
  for (const c of CASES) {
    it(`${c.rule} flags ${c.name} at its exact range`, () => {
      const { findings, range } = findingsOf(c.rule, c.flagged);
      expect(findings).toHaveLength(1);
      expect(findings[0]?.severity).toBe(c.severity);
      if (range) expect(findings[0]?.range).toEqual(range);
      if (c.fix) expect(findings[0]?.fixes?.[0]?.edits[0]?.newText).toBe(c.fix);
    });
    it(`${c.rule} does not flag the corrected ${c.name}`, () => {
      expect(findingsOf(c.rule, c.clean).findings).toEqual([]);
    });
  }

  it('puts the first occurrence of a duplicate key in related information', () => {
    const m = marked(
      pod(app('    image: registry.example/app:2\n')).replace(
        '    image: registry.example/app:1.4.2',
        '    «image»: registry.example/app:1.4.2',
      ),
    );
    const [f] = lintText(m.text).filter((x) => x.rule === 'duplicate-key');
    expect(f?.related?.[0]?.range).toEqual(m.range);
  });

  it('explains YAML 1.1 booleans and reports the exact decode error', () => {
    const [f] = findingsOf('invalid-type', pod(app('    env:\n    - name: A\n      value: yes\n'))).findings;
    expect(explained(f)).toContain('YAML 1.1');
    expect(explained(f)).toContain(
      'cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string',
    );
  });

  it('reports one finding, not a missing field too, when a required key is misspelled', () => {
    const rules = lintText(pod(app('    ports:\n    - containerport: 80\n'))).map((f) => f.rule);
    expect(rules.filter((r) => r === 'unknown-field')).toHaveLength(1);
    expect(rules).not.toContain('missing-required-field');
  });

  it('accepts null values, template placeholders in quoted strings and fields the server defaults', () => {
    const text = pod(
      app(
        '    imagePullPolicy:\n    terminationMessagePolicy: ""\n    ports:\n    - containerPort: 80\n      protocol: ""\n    env:\n    - name: A\n      value: "{{ .Values.a }}"\n',
      ),
      '  name: web\n  creationTimestamp: null\n',
    );
    expect(lintText(text).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('ignores required fields and enums under status, which the API server discards on create', () => {
    const text = `${pod(app())}status:\n  phase: Sleeping\n  conditions:\n  - lastProbeTime: null\n`;
    expect(lintText(text).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('follows aliases and YAML merge keys, reporting a problem once at the anchor', () => {
    const text = pod(
      '  containers:\n  - &base\n    name: app\n    image: registry.example/app:1.4.2\n    imagePullpolicy: Always\n  - <<: *base\n    name: sidecar\n',
    );
    const found = lintText(text).filter((f) => f.rule === 'unknown-field');
    expect(found).toHaveLength(1);
    expect(found[0]?.range.start.line).toBe(9);
  });

  it('walks the anchored node of an alias bomb once', () => {
    const anchors = ['  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      anchors.push(
        `  a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const bomb = `x-bomb:\n${anchors.join('\n')}\n${pod(app('    args: *a9\n    command: *a9\n'))}`;
    // A walk that expanded the aliases would meet 9^10 nodes: the fuzz suite's watchdog catches such hangs.
    const findings = lintText(bomb);
    // One anchored node is walked (and reported) once, however many aliases point at it.
    expect(findings.filter((f) => f.rule === 'invalid-type')).toHaveLength(1);
  });

  it('in a StatefulSet pod template reports validation-time problems as errors (validated on create since v1.34)', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: registry.example/db:15
        imagePullPolicy: always
`;
    const [f] = lintText(text).filter((x) => x.rule === 'invalid-enum');
    expect(f?.severity).toBe('error');
    expect(f?.path).toBe('spec.template.spec.containers[0].imagePullPolicy');
  });
});
