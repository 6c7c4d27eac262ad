/** Renders docs/rules/README.md from the rule registry, so the index can never drift from the rules. */
import { allRuleMetas, type RuleFamily } from '../../shared/lint';

const FAMILIES: { family: RuleFamily; title: string; blurb: string }[] = [
  { family: 'syntax', title: 'YAML syntax', blurb: 'The file must parse; Helm templates are recognised, not linted.' },
  {
    family: 'structure',
    title: 'Structure',
    blurb: 'Checked against the generated schema, with the strict decoding `kubectl apply` uses.',
  },
  {
    family: 'api-validation',
    title: 'API validation',
    blurb: 'What the API server rejects (`pkg/apis/core/validation`); errors only where it rejects.',
  },
  { family: 'lifecycle', title: 'Lifecycle and reliability', blurb: 'What the node will do with the pod.' },
  { family: 'metadata', title: 'Metadata hygiene', blurb: 'Names and recommended labels.' },
  { family: 'config', title: 'Configuration', blurb: 'Problems in `.podlens.yaml`, `podlens.rules` and comments.' },
];

export function renderRuleIndex(): string {
  const metas = allRuleMetas();
  const out = [
    '# podlens rules',
    '',
    `${metas.length} rules. Severity \`error\` means the API server (or \`kubectl apply\`) rejects the object;`,
    'everything else is at most a warning. Change a level with the `podlens.rules` setting or a `.podlens.yaml`',
    'file (`rules: { <id>: off|hint|info|warning|error }`), or silence a finding with',
    '`# podlens-disable-next-line <id>` above the line or `# podlens-disable <id>` for the whole document.',
    '',
  ];
  for (const { family, title, blurb } of FAMILIES) {
    const rules = metas.filter((m) => m.family === family).sort((a, b) => a.id.localeCompare(b.id));
    if (rules.length === 0) continue;
    out.push(`## ${title}`, '', blurb, '', '| Rule | Default | Summary |', '| --- | --- | --- |');
    for (const r of rules)
      out.push(`| [\`${r.id}\`](${r.id}.md) | ${r.severity} | ${r.summary.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  return out.join('\n');
}
