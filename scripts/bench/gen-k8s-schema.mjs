#!/usr/bin/env node
// Offline Kubernetes JSON Schema for the competitor in `npm run bench -- --compare` (Red Hat's yaml-language-server),
// built from the same npm data as podlens' own schema (scripts/gen/gen-schema.mjs): the TypeScript declarations of
// `kubernetes-models`, whose interfaces carry the upstream OpenAPI descriptions as JSDoc and whose enums are literal
// unions, read with the TypeScript compiler API.
//
// Output (bench/schemas/ unless --out is given; generated at bench time, never committed):
//   k8s/_definitions.json  every definition, keyed like upstream (io.k8s.api.core.v1.Container, ...)
//   k8s/all.json           {"oneOf":[{"$ref":"_definitions.json#/definitions/<kind>"}...]} over every apiVersion/kind:
//                          the layout of yannh/kubernetes-json-schema "<version>-standalone-strict", which is what
//                          yaml-language-server's `"kubernetes"` schema keyword downloads. The harness answers that
//                          download (vscode/content) with these files; see yaml-language-server.k8s.json.
//   stamp.json             kubernetes-models version + hash of this script: an up-to-date output is not rebuilt.
// "Strict" like upstream's variant: objects with known properties get additionalProperties:false.
//
// Usage: node scripts/bench/gen-k8s-schema.mjs [--out dir] [--force]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..', '..');
const { values: args } = parseArgs({ options: { out: { type: 'string' }, force: { type: 'boolean' } } });
const outDir = path.resolve(args.out ?? path.join(ROOT, 'bench', 'schemas'));

const require = createRequire(path.join(ROOT, 'package.json'));
const modelsDir = path.dirname(require.resolve('kubernetes-models/package.json'));
const machineryDir = path.dirname(require.resolve('@kubernetes-models/apimachinery/package.json'));
const versionOf = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
const modelsVersion = versionOf(modelsDir);
const generator = `scripts/bench/gen-k8s-schema.mjs from kubernetes-models@${modelsVersion}`;

const stamp = {
  generator,
  machinery: versionOf(machineryDir),
  script: createHash('sha256').update(fs.readFileSync(SELF)).digest('hex').slice(0, 16),
};
const stampFile = path.join(outDir, 'stamp.json');
const upToDate = () => {
  try {
    const old = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    return (
      JSON.stringify(old) === JSON.stringify(stamp) &&
      ['k8s/_definitions.json', 'k8s/all.json'].every((f) => fs.existsSync(path.join(outDir, f)))
    );
  } catch {
    return false;
  }
};
if (!args.force && upToDate()) {
  console.log(`${path.relative(ROOT, outDir)} is up to date (${generator})`);
  process.exit(0);
}

/** All model declaration files of a package (one interface or type alias per file). */
function modelFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_schemas' && entry.name !== 'node_modules') out.push(...modelFiles(p));
    } else if (entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts') out.push(p);
  }
  return out;
}

// Upstream group directory -> upstream definition prefix.
const GROUP_PREFIX = {
  v1: 'io.k8s.api.core',
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  'apiregistration.k8s.io': 'io.k8s.kube-aggregator.pkg.apis.apiregistration',
  'rbac.authorization.k8s.io': 'io.k8s.api.rbac',
  'flowcontrol.apiserver.k8s.io': 'io.k8s.api.flowcontrol',
};

/** Definition name for a declaration file, e.g. kubernetes-models/apps/v1/Deployment.d.ts -> io.k8s.api.apps.v1.Deployment */
function defName(file) {
  const name = path.basename(file, '.d.ts');
  if (file.startsWith(machineryDir + path.sep)) {
    const rel = path.relative(machineryDir, path.dirname(file)).split(path.sep).join('.');
    return `io.k8s.apimachinery.pkg.${rel}.${name}`;
  }
  const parts = path.relative(modelsDir, path.dirname(file)).split(path.sep);
  if (parts.length === 1 && parts[0] === 'v1') return `io.k8s.api.core.v1.${name}`;
  const [group, version] = parts;
  const prefix = GROUP_PREFIX[group] ?? `io.k8s.api.${group.replace(/\.k8s\.io$/, '')}`;
  return `${prefix}.${version}.${name}`;
}

const files = [...modelFiles(modelsDir), ...modelFiles(machineryDir)];
const program = ts.createProgram(files, {
  noEmit: true,
  skipLibCheck: true,
  types: [],
  moduleResolution: ts.ModuleResolutionKind.Node10,
  baseUrl: ROOT,
});
const checker = program.getTypeChecker();

const doc = (node) => {
  const sym = node.name ? checker.getSymbolAtLocation(node.name) : undefined;
  const text = sym ? ts.displayPartsToString(sym.getDocumentationComment(checker)).trim() : '';
  return text || undefined;
};

/** The model declaration (interface or alias) a type reference points at, following imports. */
function resolveDecl(typeName) {
  let sym = checker.getSymbolAtLocation(typeName);
  if (!sym) return undefined;
  if (sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
  return sym.declarations?.find((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d));
}

// Kubernetes has no float fields outside JSONSchemaProps; Quantity accepts plain numbers like 0.5.
const FLOAT_FIELDS = new Set(['maximum', 'minimum', 'multipleOf']);

const definitions = {};
const queue = [];
const queued = new Set();
const warnings = new Set();

function refTo(decl) {
  const file = decl.getSourceFile().fileName;
  const name = defName(file);
  if (!queued.has(name)) {
    queued.add(name);
    queue.push({ name, decl });
  }
  return { $ref: `#/definitions/${name}` };
}

function convert(node, ctx) {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { type: ctx.float ? 'number' : 'integer' };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
      return {};
    case ts.SyntaxKind.ParenthesizedType:
      return convert(node.type, ctx);
    case ts.SyntaxKind.ArrayType:
      return { type: 'array', items: convert(node.elementType, ctx) };
    case ts.SyntaxKind.LiteralType: {
      const lit = node.literal;
      if (ts.isStringLiteral(lit)) return { type: 'string', enum: [lit.text] };
      if (ts.isNumericLiteral(lit)) return { type: 'integer', enum: [Number(lit.text)] };
      if (lit.kind === ts.SyntaxKind.TrueKeyword || lit.kind === ts.SyntaxKind.FalseKeyword)
        return { type: 'boolean', enum: [lit.kind === ts.SyntaxKind.TrueKeyword] };
      if (lit.kind === ts.SyntaxKind.NullKeyword) return { type: 'null' };
      break;
    }
    case ts.SyntaxKind.UnionType: {
      const members = node.types.map((t) => convert(t, ctx));
      if (members.every((m) => m.type === 'string' && m.enum))
        return { type: 'string', enum: members.flatMap((m) => m.enum) };
      return { oneOf: members };
    }
    case ts.SyntaxKind.TypeLiteral:
      return objectSchema(node.members, ctx);
    case ts.SyntaxKind.TypeReference: {
      const name = node.typeName.getText();
      if ((name === 'Array' || name === 'ReadonlyArray') && node.typeArguments?.length === 1)
        return { type: 'array', items: convert(node.typeArguments[0], ctx) };
      const decl = resolveDecl(node.typeName);
      if (decl && files.includes(decl.getSourceFile().fileName)) return refTo(decl);
      break;
    }
  }
  warnings.add(`${ctx.where}: unsupported type '${node.getText()}'`);
  return {};
}

function objectSchema(members, ctx) {
  const properties = {};
  const required = [];
  let additional;
  for (const m of members) {
    if (ts.isPropertySignature(m)) {
      const key = ts.isStringLiteral(m.name) || ts.isIdentifier(m.name) ? m.name.text : m.name.getText();
      const sub = { ...ctx, where: `${ctx.where}.${key}`, float: ctx.floatFields?.has(key) };
      const schema = m.type ? convert(m.type, sub) : {};
      const description = doc(m);
      properties[key] = description ? { description, ...schema } : schema;
      if (!m.questionToken) required.push(key);
    } else if (ts.isIndexSignatureDeclaration(m)) {
      additional = convert(m.type, { ...ctx, where: `${ctx.where}[key]` });
    }
  }
  const out = { type: 'object' };
  if (Object.keys(properties).length) {
    out.properties = properties;
    if (required.length) out.required = required;
    out.additionalProperties = additional ?? false;
  } else if (additional) {
    out.additionalProperties = additional;
  }
  return out;
}

function convertDecl(name, decl) {
  const description = doc(decl);
  let schema;
  if (ts.isInterfaceDeclaration(decl)) {
    if (decl.members.length === 0) {
      // Opaque upstream types (RawExtension, FieldsV1, apiextensions JSON...): any JSON value / any object.
      schema = name.includes('.JSON') ? {} : { type: 'object' };
    } else {
      const floatFields = name.includes('JSONSchemaProps') ? FLOAT_FIELDS : undefined;
      schema = objectSchema(decl.members, { where: name, floatFields });
    }
  } else {
    // Type aliases: IntOrString (string | int), Quantity (string | number), Time/MicroTime (string)...
    schema = convert(decl.type, { where: name, float: name.endsWith('.Quantity') });
  }
  const gvk = schema.properties?.kind?.enum && schema.properties?.apiVersion?.enum;
  definitions[name] = description ? { description, ...schema } : schema;
  return gvk;
}

// Start from every model file so that _definitions.json is as complete as upstream's.
for (const file of files) {
  const sf = program.getSourceFile(file);
  const want = 'I' + path.basename(file, '.d.ts');
  const decl = sf?.statements.find(
    (s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === want,
  );
  if (decl) refTo(decl);
  else warnings.add(`${path.relative(ROOT, file)}: no declaration ${want}`);
}
const kinds = [];
while (queue.length) {
  const { name, decl } = queue.shift();
  if (convertDecl(name, decl) && !name.endsWith('List')) kinds.push(name);
}

const sorted = Object.fromEntries(
  Object.keys(definitions)
    .sort()
    .map((k) => [k, definitions[k]]),
);
for (const w of ['io.k8s.api.core.v1.Pod', 'io.k8s.api.apps.v1.Deployment', 'io.k8s.api.apps.v1.StatefulSet']) {
  if (!sorted[w]) throw new Error(`missing workload definition ${w}`);
}

fs.mkdirSync(path.join(outDir, 'k8s'), { recursive: true });
const write = (rel, obj) => {
  const p = path.join(outDir, rel);
  fs.writeFileSync(p, `${JSON.stringify(obj, null, 1)}\n`);
  return `${path.relative(ROOT, p)} (${(fs.statSync(p).size / 1024).toFixed(0)} KiB)`;
};
const written = [
  write('k8s/_definitions.json', { $comment: `generated by ${generator}`, definitions: sorted }),
  write('k8s/all.json', {
    $comment: `generated by ${generator}`,
    oneOf: kinds.sort().map((k) => ({ $ref: `_definitions.json#/definitions/${k}` })),
  }),
];
fs.writeFileSync(stampFile, `${JSON.stringify(stamp)}\n`);
console.log(`definitions: ${Object.keys(sorted).length}, kinds in all.json: ${kinds.length}`);
console.log(`wrote ${written.join(', ')}`);
if (warnings.size) console.warn(`warnings (${warnings.size}):\n  ${[...warnings].slice(0, 20).join('\n  ')}`);
