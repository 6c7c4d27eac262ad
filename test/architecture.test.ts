// The dependency rules of the layout (docs/architecture in README): shared is pure and browser-safe,
// client and server only meet through LSP and typed messages, sim and lint stay deterministic.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleById, ruleIds } from '../shared/lint';
import type { Rule } from '../shared/lint/types';

const ROOT = path.resolve(__dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) out.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(path.join(ROOT, dir));
  return out;
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

function resolvesInto(file: string, spec: string, dir: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = path.resolve(path.dirname(file), spec);
  return target === path.join(ROOT, dir) || target.startsWith(path.join(ROOT, dir) + path.sep);
}

const rel = (f: string) => path.relative(ROOT, f);

/** The file a relative import names (`./x` is x.ts or x/index.ts), or undefined for packages. */
function resolveImport(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const target = path.resolve(path.dirname(file), spec);
  return [`${target}.ts`, path.join(target, 'index.ts'), target].find(
    (c) => fs.existsSync(c) && fs.statSync(c).isFile(),
  );
}

/**
 * One import cycle per strongly connected group of files, as `a -> b -> a`. Type-only imports count too:
 * a cycle of types still means two modules that cannot be understood, moved or tested apart.
 */
function importCycles(files: string[]): string[] {
  const edges = new Map(files.map((f) => [f, imports(f).flatMap((s) => resolveImport(f, s) ?? [])]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const next of edges.get(f) ?? []) {
      if (state.get(next) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(next)), next].map(rel).join(' -> '));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return cycles;
}

describe('architecture', () => {
  it('shared/ imports only yaml, zod, @noble/hashes (sha256 for the kustomize name hash) and shared/ itself', () => {
    const bad = sources('shared').flatMap((f) =>
      imports(f)
        .filter((s) =>
          s.startsWith('.') ? !resolvesInto(f, s, 'shared') : !/^(yaml|zod|@noble\/hashes)(\/|$)/.test(s),
        )
        .map((s) => `${rel(f)} -> ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('shared/sim, shared/lint and the analysis host use no clock, randomness, timers, process or console', () => {
    const banned = /\b(Date\b|Math\.random|setTimeout|setInterval|setImmediate|process\.|console\.)/;
    const host = sources('shared/analysis').filter((f) => !f.includes(`${path.sep}workspace${path.sep}`));
    const bad = [...sources('shared/sim'), ...sources('shared/lint'), ...host].filter((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .some((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && banned.test(line)),
    );
    expect(bad.map(rel)).toEqual([]);
  });

  it('shared/ has no import cycles', () => {
    expect(importCycles(sources('shared'))).toEqual([]);
  });

  it('the cycle check finds a cycle through type-only and index imports', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'test', '.cycle-'));
    try {
      fs.mkdirSync(path.join(dir, 'b'));
      fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
      fs.writeFileSync(path.join(dir, 'b', 'index.ts'), "import type { A } from '../c';\nexport const b = 1;\n");
      fs.writeFileSync(path.join(dir, 'c.ts'), "export type { A } from './a';\n");
      const files = ['a.ts', 'b/index.ts', 'c.ts'].map((f) => path.join(dir, f));
      expect(importCycles(files).map((c) => c.replaceAll(rel(dir), '.'))).toEqual([
        './a.ts -> ./b/index.ts -> ./c.ts -> ./a.ts',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shared/sim never imports shared/lint', () => {
    const bad = sources('shared/sim').filter((f) => imports(f).some((s) => resolvesInto(f, s, 'shared/lint')));
    expect(bad.map(rel)).toEqual([]);
  });

  it('server/ never imports client/ or vscode; client/ never imports server/', () => {
    const serverBad = sources('server').filter((f) =>
      imports(f).some((s) => s === 'vscode' || resolvesInto(f, s, 'client')),
    );
    const clientBad = sources('client').filter((f) => imports(f).some((s) => resolvesInto(f, s, 'server')));
    expect([...serverBad, ...clientBad].map(rel)).toEqual([]);
  });

  // The analysis host (after rust-analyzer's AnalysisHost/Analysis) is used through its entry only: features see
  // snapshots, never the segment slots, caches or re-split behind them. The workspace index beside it is its own
  // module.
  it('server/ uses the analysis host only through shared/analysis/index.ts', () => {
    const entry = path.join(ROOT, 'shared/analysis');
    const publicEntry = new Set([entry, path.join(entry, 'index'), path.join(entry, 'index.ts')]);
    const bad = sources('server').flatMap((f) =>
      imports(f)
        .filter(
          (s) =>
            resolvesInto(f, s, 'shared/analysis') &&
            !resolvesInto(f, s, 'shared/analysis/workspace') &&
            !publicEntry.has(path.resolve(path.dirname(f), s)),
        )
        .map((s) => `${rel(f)} -> ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('the CLI does not pull in the language server library', () => {
    const bad = sources('server/cli').filter((f) =>
      imports(f).some((s) => s.startsWith('vscode-languageserver') || resolvesInto(f, s, 'server/features')),
    );
    expect(bad.map(rel)).toEqual([]);
  });

  it('the webview imports neither vscode, Node built-ins nor the extension host code', () => {
    const bad = sources('client/webview').filter((f) =>
      imports(f).some((s) => s === 'vscode' || s.startsWith('node:') || resolvesInto(f, s, 'client/src')),
    );
    expect(bad.map(rel)).toEqual([]);
  });

  it('no product file, doc page or comment points into ../shared, which a cloner does not have', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|mjs|js|md|css|html|json)$/.test(e.name)) files.push(p);
      }
    };
    for (const dir of ['client', 'server', 'shared', 'docs']) walk(path.join(ROOT, dir));
    // The top-level pages ship with every clone and are what a newcomer reads first.
    files.push(...['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md'].map((f) => path.join(ROOT, f)));
    const offenders = files.filter((f) =>
      /\.\.\/shared\/(docs|seeds|real-manifests|reference|e2e-reference)|k8s-(semantics|validation)\b/.test(
        fs.readFileSync(f, 'utf8'),
      ),
    );
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('the top level holds only the fixed layout', () => {
    const allowed = new Set([
      'client',
      'server',
      'shared',
      'test',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'esbuild.mjs',
      'README.md',
      'ARCHITECTURE.md',
      'CONTRIBUTING.md',
      '.ci',
      'examples',
      'scripts',
      'docs',
      'LICENSE',
      'CHANGELOG.md',
      'biome.json',
      'vitest.config.ts',
      // build output and caches (gitignored)
      'node_modules',
      'dist',
      '.cache',
      '.e2e',
      'bench',
    ]);
    const tracked = fs.readdirSync(ROOT).filter((n) => !n.startsWith('.') || n === '.ci');
    expect(tracked.filter((n) => !allowed.has(n) && !n.endsWith('.vsix'))).toEqual([]);
  });
});

/** The rule files: shared/lint/rules/<family>/<id>.ts, beside the family's index.ts and its _helpers/ folder. */
const RULES_DIR = path.join(ROOT, 'shared/lint/rules');
const ruleFiles = fs
  .readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    fs
      .readdirSync(path.join(RULES_DIR, d.name))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => path.join(RULES_DIR, d.name, f)),
  );
const helperFiles = [
  ...sources('shared/lint/helpers'),
  ...sources('shared/lint/rules').filter((f) => f.split(path.sep).includes('_helpers')),
];
const camelCase = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const isRule = (v: unknown): v is Rule =>
  typeof v === 'object' && v !== null && 'meta' in v && 'check' in v && typeof v.check === 'function';

async function exportedRules(file: string): Promise<[string, Rule][]> {
  const mod: Record<string, unknown> = await import(file);
  return Object.entries(mod).filter((e): e is [string, Rule] => isRule(e[1]));
}

describe('lint rule layout', () => {
  it('every registered rule id has exactly one file of that name under shared/lint/rules/<family>/', () => {
    const byName = new Map<string, string[]>();
    for (const f of ruleFiles) byName.set(path.basename(f, '.ts'), [...(byName.get(path.basename(f, '.ts')) ?? []), f]);
    const misfiled = ruleIds().filter((id) => byName.get(id)?.length !== 1);
    expect(misfiled).toEqual([]);
  });

  it('every file there holds exactly one rule: the registered one, named after it and exported as <camelCaseId>Rule', async () => {
    const wrong: string[] = [];
    for (const f of ruleFiles) {
      const id = path.basename(f, '.ts');
      const rules = await exportedRules(f);
      const expected = `${camelCase(id)}Rule`;
      const ok =
        rules.length === 1 && rules[0]?.[0] === expected && rules[0][1].meta.id === id && ruleById(id) === rules[0][1];
      if (!ok)
        wrong.push(`${path.relative(ROOT, f)}: ${rules.map(([name, r]) => `${name} (${r.meta.id})`).join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('helper modules hold no rule', async () => {
    const withRules: string[] = [];
    for (const f of helperFiles) if ((await exportedRules(f)).length > 0) withRules.push(path.relative(ROOT, f));
    expect(helperFiles.length).toBeGreaterThan(0);
    expect(withRules).toEqual([]);
  });
});
