#!/usr/bin/env node
// Generates shared/k8s/version/api-versions.json: which fields of the types in the newest schema
// (shared/k8s/schema/k8s-schema.json) each older Kubernetes minor has, the minor each field arrived, its stage and
// feature gate where the upstream description names them, and the apiVersions each minor stops serving.
// Source per minor: the generated Kubernetes imports (lib/imports/k8s.d.ts and k8s.js) of the npm package
// cdk8s-plus-<minor>, pinned in package.json as the alias k8s-api-1.<minor>. Every property there carries its upstream
// name as a JSDoc tag (`@schema io.k8s.api.core.v1.PodSpec#resources`) and the upstream description.
// Deterministic: same packages, same bytes. Usage: node scripts/gen/gen-versions.mjs [--out <dir>]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';

const GENERATOR = 'scripts/gen/gen-versions.mjs';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repoRoot, 'package.json'));

const OLDEST = 29;
const ROOT_FIELDS = new Set(['apiVersion', 'kind', 'status']);
const NEWEST = 36;

/** The package directory of the alias pinned for a minor, or undefined when no npm package carries that minor. */
function packageDir(minor) {
  try {
    return path.dirname(require.resolve(`k8s-api-1.${minor}/package.json`));
  } catch {
    return undefined;
  }
}

/** Field name -> description, per upstream type, read from the JSDoc `@schema <type>#<field>` tags. */
function fieldsOf(dtsText) {
  const sf = ts.createSourceFile('k8s.d.ts', dtsText, ts.ScriptTarget.Latest, true);
  const types = new Map();
  for (const stmt of sf.statements) {
    if (!ts.isInterfaceDeclaration(stmt)) continue;
    for (const member of stmt.members) {
      for (const doc of member.jsDoc ?? []) {
        for (const tag of doc.tags ?? []) {
          const text = typeof tag.comment === 'string' ? tag.comment.trim() : '';
          if (tag.tagName.text !== 'schema' || !text.includes('#')) continue;
          const [type, field] = text.split('#');
          if (!types.has(type)) types.set(type, new Map());
          const description = typeof doc.comment === 'string' ? doc.comment : '';
          types.get(type).set(field, description);
        }
      }
    }
  }
  return types;
}

/** apiVersions served by a minor: the GVK of every API object class the imports export. */
function apiVersionsOf(dir) {
  const mod = require(path.join(dir, 'lib/imports/k8s.js'));
  const out = new Set();
  for (const value of Object.values(mod)) {
    const gvk = typeof value === 'function' ? value.GVK : undefined;
    if (gvk && typeof gvk.apiVersion === 'string') out.add(gvk.apiVersion);
  }
  return out;
}

// The stage and gate as upstream descriptions word them: "This is an alpha field and requires enabling the
// PodLevelResources feature gate", "beta-level", "the SidecarContainers feature".
const ALPHA = /\balpha\b/i;
const BETA = /\bbeta\b/i;
const GATE =
  /\b([A-Z][a-z]+(?:[A-Z][A-Za-z0-9]*)+)\s+feature(?:\s+gate)?\b|feature[- ]gate[s]?\s+`?([A-Z][A-Za-z0-9]+)/;

function stageOf(description) {
  if (!description) return undefined;
  const stage = ALPHA.test(description) ? 'alpha' : BETA.test(description) ? 'beta' : undefined;
  if (!stage) return undefined;
  const gate = GATE.exec(description);
  const name = gate?.[1] ?? gate?.[2];
  return name ? [stage, name] : [stage];
}

function buildVersionData() {
  const base = JSON.parse(fs.readFileSync(path.join(repoRoot, 'shared/k8s/schema/k8s-schema.json'), 'utf8'));
  const sources = {};
  const perMinor = new Map();
  const served = new Map();
  for (let minor = OLDEST; minor < NEWEST; minor++) {
    const dir = packageDir(minor);
    if (!dir) continue;
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    sources[minor] = `${pkg.name}@${pkg.version}`;
    perMinor.set(minor, fieldsOf(fs.readFileSync(path.join(dir, 'lib/imports/k8s.d.ts'), 'utf8')));
    served.set(minor, apiVersionsOf(dir));
  }
  sources[NEWEST] = base.package;
  const known = [...perMinor.keys()];

  const objectTypes = new Set(
    Object.keys(base.types).filter((t) => base.types[t].p.apiVersion && base.types[t].p.kind),
  );
  const fields = {};
  for (const typeName of Object.keys(base.types).sort()) {
    const entries = {};
    for (const field of Object.keys(base.types[typeName].p).sort()) {
      // `since`: the oldest minor from which every minor with data has the field; `absent`: the newest one without.
      // A minor whose package lacks the whole type (cdk8s imports no status types) or omits a root kind's
      // apiVersion, kind and status (its constructs set them; PVC templates inline them) says nothing about them.
      if (objectTypes.has(typeName) && ROOT_FIELDS.has(field)) continue;
      let since = NEWEST;
      let absent;
      for (const minor of [...known].reverse()) {
        const type = perMinor.get(minor).get(typeName);
        if (!type) continue;
        if (type.has(field)) since = minor;
        else {
          absent = minor;
          break;
        }
      }
      const stages = [];
      let last;
      for (const minor of [...known, NEWEST]) {
        if (minor < since) continue;
        const description =
          minor === NEWEST ? base.types[typeName].p[field].d : perMinor.get(minor).get(typeName)?.get(field);
        const stage = stageOf(description);
        const key = JSON.stringify(stage ?? null);
        if (key !== last) stages.push([minor, ...(stage ?? ['ga'])]);
        last = key;
      }
      const staged = stages.some((s) => s[1] !== 'ga');
      if (absent === undefined && !staged) continue;
      entries[field] = {
        ...(absent !== undefined && { absent, since }),
        ...(staged && { stages }),
      };
    }
    if (Object.keys(entries).length > 0) fields[typeName] = entries;
  }

  const removed = {};
  for (let i = 1; i < known.length; i++) {
    const gone = [...served.get(known[i - 1])].filter((v) => !served.get(known[i]).has(v)).sort();
    if (gone.length > 0) removed[known[i]] = gone;
  }

  return { generator: GENERATOR, oldest: OLDEST, newest: NEWEST, sources, fields, removedApiVersions: removed };
}

/** One type per line, so a regenerated file diffs by type. */
function formatVersionData(data) {
  const { fields, ...header } = data;
  const head = Object.entries(header).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`);
  const body = Object.entries(fields).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{\n${head.join('\n')}\n"fields":{\n${body.join(',\n')}\n}\n}\n`;
}

const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = path.resolve(args.out ?? path.join(repoRoot, 'shared/k8s/version'));
const data = buildVersionData();
const text = formatVersionData(data);
fs.mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, 'api-versions.json');
fs.writeFileSync(outFile, text);
const count = Object.values(data.fields).reduce((n, f) => n + Object.keys(f).length, 0);
console.log(
  `${path.relative(process.cwd(), outFile)}: ${count} versioned fields, ` +
    `${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB, from ${Object.values(data.sources).join(', ')}`,
);
