/**
 * Hostile YAML: alias bombs (billion laughs), thousands of aliases, deep nesting, very long lines, template
 * markers, odd anchors. Each is a whole document or a fragment a mutation splices into a generated file.
 */

/** Billion laughs: `levels` anchors, each a list of `width` aliases to the one before (width^levels leaves). */
export function billionLaughs(levels: number, width: number): string {
  const lines = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: lol}',
    `l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`,
  ];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(width)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  lines.push('spec:', `  containers: *l${levels}`, `  initContainers: *l${levels}`, `  volumes: *l${levels}`);
  lines.push('  nodeSelector: {a: *l' + levels + '}');
  return `${lines.join('\n')}\n`;
}

/** A bomb made of maps, so readers that follow aliases into maps (env, resources, probes) meet it too. */
export function mapBomb(levels: number, width: number): string {
  const lines = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: maps}',
    'm0: &m0 {name: app, image: nginx}',
  ];
  for (let i = 1; i <= levels; i++) {
    const keys = Array.from({ length: width }, (_, k) => `k${k}: *m${i - 1}`).join(', ');
    lines.push(`m${i}: &m${i} {${keys}}`);
  }
  lines.push(
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    `      - name: app`,
    `        image: nginx`,
    `        resources: *m${levels}`,
    `        env: [*m${levels}, *m${levels}]`,
    `        livenessProbe: *m${levels}`,
    `        securityContext: *m${levels}`,
    `      - *m${levels}`,
  );
  return `${lines.join('\n')}\n`;
}

/** `count` containers that are all the same anchored map: every lookup follows an alias. */
export function manyAliases(count: number): string {
  const items = Array.from({ length: count }, () => '  - *c').join('\n');
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: many}\nbase: &c {name: app, image: nginx, ports: [{containerPort: 80}]}\nspec:\n  containers:\n${items}\n`;
}

export function deepBlockMap(depth: number): string {
  const lines = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: deep',
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: nginx',
    '    env:',
  ];
  for (let i = 0; i < depth; i++)
    lines.push(`${' '.repeat(4 + 2 * i)}- name: v${i}`, `${' '.repeat(6 + 2 * i)}valueFrom:`);
  return `${lines.join('\n')}\n`;
}

export function deepBlockSeq(depth: number): string {
  const lines = Array.from({ length: depth }, (_, i) => `${' '.repeat(2 * i + 2)}-`);
  return `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n${lines.join('\n')} x\n`;
}

export function deepFlow(depth: number, open = '[', close = ']'): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: flow}\nspec:\n  containers: ${open.repeat(depth)}${close.repeat(depth)}\n`;
}

export function deepFlowMap(depth: number): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: flowmap}\nspec: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
}

export function deepSeq(depth: number): string {
  return `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  ${'- '.repeat(depth)}x\n`;
}

export function longLines(length: number): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${'n'.repeat(length)}`,
    `  annotations: {${Array.from({ length: Math.floor(length / 20) }, (_, i) => `a${i}: v`).join(', ')}}`,
    `# ${'#'.repeat(length)}`,
    'spec:',
    '  containers:',
    `  - {name: app, image: "${'i'.repeat(length)}", command: [${Array(Math.floor(length / 10))
      .fill('"x"')
      .join(',')}]}`,
    '',
  ].join('\n');
}

/** A Helm chart's template: structure made of `{{ }}`. */
export const HELM = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
spec:
  {{- if .Values.replicas }}
  replicas: {{ .Values.replicas }}
  {{- end }}
  template:
    spec:
      containers:
      - name: {{ .Chart.Name }}
        image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
        {{- toYaml .Values.resources | nindent 8 }}
`;

export const ODD_ANCHORS = `apiVersion: v1
kind: Pod
metadata: &meta
  name: odd
  <<: *meta
  labels: &self {a: *self}
spec: &spec
  *spec : 1
  containers:
  - &c {name: app, image: nginx, <<: *c}
  - *nowhere
  - !!map {name: b, image: nginx}
  - ? name
    : complex
    image: nginx
  initContainers: [*c, *c, &d *c]
`;

/** Fragments spliced into generated files at a random line. */
export const FRAGMENTS: readonly string[] = [
  billionLaughs(9, 9),
  mapBomb(8, 8),
  manyAliases(2000),
  deepBlockMap(300),
  deepFlow(3000),
  deepFlowMap(2000),
  deepSeq(2000),
  deepBlockSeq(2500),
  longLines(100_000),
  HELM,
  ODD_ANCHORS,
  '---\n',
  '...\n',
  '%YAML 1.1\n---\n',
  '%TAG ! tag:example.com,2000:\n',
  '{{- if .Values.enabled }}\n',
  '  - *undefined_anchor\n',
  '<<: [*a, *b]\n',
  '? [complex, key]\n: value\n',
  'key: |\n  block\n\n  text\n',
  'key: >-\n  folded\n',
  '\t- tabbed: item\n',
  '\u0000\u0000\u0000\n',
];

/** The whole-document hostile corpus, run as is (not only spliced). */
export const HOSTILE_DOCUMENTS: readonly [string, string][] = [
  ['billion laughs (9 levels of 9)', billionLaughs(9, 9)],
  ['billion laughs (30 levels of 2)', billionLaughs(30, 2)],
  ['map bomb (8 levels of 8)', mapBomb(8, 8)],
  ['10,000 aliases', manyAliases(10_000)],
  ['block nesting 1,000 deep', deepBlockMap(1000)],
  ['flow nesting 10,000 deep', deepFlow(10_000)],
  ['flow map nesting 5,000 deep', deepFlowMap(5000)],
  ['unbalanced flow 10,000 deep', `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(10_000)}\n`],
  ['seq nesting 5,000 deep', deepSeq(5000)],
  ['block seq nesting 4,000 deep', deepBlockSeq(4000)],
  ['lines of 1,000,000 characters', longLines(1_000_000)],
  ['a Helm template', HELM],
  ['odd anchors, merge keys and complex keys', ODD_ANCHORS],
  [
    'NUL bytes',
    'apiVersion: v1\nkind: Pod\u0000\nmetadata: {name: "\u0000"}\nspec:\n  containers:\n  - name: a\u0000\n    image: nginx\n',
  ],
  [
    'BOM, CRLF and non-BMP characters',
    '\uFEFFapiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: "😀𝔘"\r\nspec:\r\n  containers:\r\n  - name: 𝔘😀\r\n    image: nginx:😀\r\n',
  ],
  [
    'lone carriage returns',
    'apiVersion: v1\rkind: Pod\rmetadata:\r  name: cr\rspec:\r  containers:\r  - name: a\r    image: nginx\r',
  ],
  ['10,000 documents of nothing', '---\n'.repeat(10_000)],
  ['only a BOM', '\uFEFF'],
  ['empty', ''],
];

/**
 * `count` containers, each with one key of `length` characters and more: the shape the core fuzz met at run 2,561
 * of seed 20261206 (a 6.3 MB document of block sequences nested 2,500 deep whose NULs turned each line into one long
 * key), where a "did you mean" search filled a length-by-candidate table for every key and took 29 s.
 */
export function longKeys(count: number, length: number): string {
  const items = Array.from({ length: count }, (_, i) => `  - ? ${'k'.repeat(length + i)}\n    : 1`);
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: keys}\nspec:\n  containers:\n${items.join('\n')}\n`;
}
