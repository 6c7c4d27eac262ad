// substitution-placeholder: one info per object naming the style; no findings on the placeholder fields; the rest checked.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { marked } from '../../helpers/lint/marked';

/** `${NAME}` as envsubst writes it. */
const env = (name: string) => `\${${name}}`;

const brief = (text: string) =>
  lintText(text, { path: 'app.yaml' })
    .filter((f) => f.severity === 'error' || f.rule === 'substitution-placeholder')
    .map((f) => ({ rule: f.rule, severity: f.severity, range: f.range }));

const deployment = (meta: string, podSpec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: autoscaler\n${meta}spec:\n  selector:\n    matchLabels:\n      app: a\n  template:\n    metadata:\n      labels:\n        app: a\n    spec:\n${podSpec}      containers:\n      - name: main\n        image: registry.k8s.io/app:1.0\n`;

describe('substitution-placeholder', () => {
  it('reports an envsubst namespace once, as an info at the value, instead of invalid-name', () => {
    const m = marked(deployment(`  namespace: «${env('AUTOSCALER_NS')}»\n`, ''));
    expect(brief(m.text)).toEqual([{ rule: 'substitution-placeholder', severity: 'info', range: m.range }]);
    const [f] = lintText(m.text).filter((x) => x.rule === 'substitution-placeholder');
    expect(f?.message).toContain(`envsubst ${env('VAR')}`);
    expect(f?.message).toContain('metadata.namespace');
  });

  it('reads <node-hostname> as an angle-bracket placeholder on nodeName and hostname', () => {
    const m = marked(deployment('', '      nodeName: «<node-hostname>»\n      hostname: <node-hostname>\n'));
    expect(brief(m.text)).toEqual([{ rule: 'substitution-placeholder', severity: 'info', range: m.range }]);
    const [f] = lintText(m.text).filter((x) => x.rule === 'substitution-placeholder');
    expect(f?.message).toContain('angle brackets <name>');
    expect(f?.message).toContain('in 2 field(s): spec.template.spec.nodeName, spec.template.spec.hostname');
  });

  it.each([
    ['a whole-value $VAR', '$REPLICAS', 'shell variable $VAR'],
    ['__VAR__', '__REPLICAS__', 'double underscores __VAR__'],
    ['@VAR@', '"@REPLICAS@"', 'at signs @VAR@'],
    ['#{VAR}#', '"#{Replicas}#"', 'token replacement #{VAR}#'],
  ])('treats %s in an integer field as a placeholder, not an invalid type', (_, value, style) => {
    const text = deployment('', '').replace('spec:\n  selector', `spec:\n  replicas: ${value}\n  selector`);
    const found = lintText(text);
    expect(found.filter((f) => f.severity === 'error')).toEqual([]);
    expect(found.filter((f) => f.rule === 'substitution-placeholder').map((f) => [f.severity, f.path])).toEqual([
      ['info', 'spec.replicas'],
    ]);
    expect(found.find((f) => f.rule === 'substitution-placeholder')?.message).toContain(style);
  });

  it('still checks every other field of the object', () => {
    const m = marked(deployment(`  namespace: ${env('NS')}\n`, '      restartPolicy: «Sometimes»\n'));
    const errors = brief(m.text).filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.range).toEqual(m.range);
  });

  it('ignores $ inside longer values, shell in commands and Kubernetes $(VAR) expansion', () => {
    const text = deployment(
      `  annotations:\n    note: ${env('NOT_CHECKED')}\n`,
      '      serviceAccountName: $(SA)\n',
    ).replace(
      '        image: registry.k8s.io/app:1.0\n',
      `        image: registry.k8s.io/app:1.0\n        command: [sh, -c, "echo ${env('HOME')}"]\n        env:\n        - name: A\n          value: $B\n`,
    );
    const found = lintText(text);
    expect(found.map((f) => f.rule)).not.toContain('substitution-placeholder');
    // $(SA) is not a placeholder, so the invalid service account name is still an error.
    expect(found.filter((f) => f.severity === 'error').map((f) => f.path)).toEqual([
      'spec.template.spec.serviceAccountName',
    ]);
  });
});
