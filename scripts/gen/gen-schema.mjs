#!/usr/bin/env node
// Generates shared/k8s/schema/k8s-schema.json: a compact schema of every type reachable from the pod-carrying
// kinds, read with the TypeScript compiler API from the .d.ts files of the npm package `kubernetes-models` (upstream
// OpenAPI descriptions as JSDoc, enums as literal unions). Deterministic: same package, same bytes.
// Usage: node scripts/gen/gen-schema.mjs [--out <dir>]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';

const GENERATOR = 'scripts/gen/gen-schema.mjs';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = path.resolve(args.out ?? path.join(repoRoot, 'shared/k8s/schema'));

const require = createRequire(path.join(repoRoot, 'package.json'));
const modelsDir = path.dirname(require.resolve('kubernetes-models/package.json'));
const machineryDir = path.dirname(require.resolve('@kubernetes-models/apimachinery/package.json'));
const versionOf = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
const modelsVersion = versionOf(modelsDir);

/** The kinds podlens analyses (apiVersion, kind, declaration file) plus PodTemplateSpec, which has no kind. */
const KINDS = [
  ['v1', 'Pod', 'v1/Pod'],
  ['v1', 'ReplicationController', 'v1/ReplicationController'],
  ['apps/v1', 'Deployment', 'apps/v1/Deployment'],
  ['apps/v1', 'ReplicaSet', 'apps/v1/ReplicaSet'],
  ['apps/v1', 'StatefulSet', 'apps/v1/StatefulSet'],
  ['apps/v1', 'DaemonSet', 'apps/v1/DaemonSet'],
  ['batch/v1', 'Job', 'batch/v1/Job'],
  ['batch/v1', 'CronJob', 'batch/v1/CronJob'],
];
const EXTRA_ROOTS = ['v1/PodTemplateSpec'];

// kubernetes-models inlines the PersistentVolumeClaim schema into volumeClaimTemplates (its generate.ts
// patchStatefulSetSpec) so that apiVersion/kind become optional there; we name that literal after upstream.
const INLINE_TYPES = {
  'io.k8s.api.apps.v1.StatefulSetSpec.volumeClaimTemplates': {
    name: 'io.k8s.api.core.v1.PersistentVolumeClaim',
    from: 'v1/PersistentVolumeClaim',
  },
};

/** Named types that are scalars on the wire. */
const LEAF_TYPES = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'int-or-string',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'time',
};

// Merge semantics are not in the npm data. Each entry restates an upstream marker (+listType, +listMapKey,
// +mapType) from kubernetes staging/src/k8s.io/api/core/v1/types.go, except ObjectMeta, whose markers are in
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go. EphemeralContainerCommon repeats Container's markers.
const CONTAINER_LISTS = {
  command: ['atomic'],
  args: ['atomic'],
  ports: ['map', 'containerPort', 'protocol'],
  envFrom: ['atomic'],
  env: ['map', 'name'],
  resizePolicy: ['atomic'],
  restartPolicyRules: ['atomic'],
  volumeMounts: ['map', 'mountPath'],
  volumeDevices: ['map', 'devicePath'],
};
const MERGE_SEMANTICS = {
  'io.k8s.api.core.v1.PodSpec': {
    volumes: ['map', 'name'],
    initContainers: ['map', 'name'],
    containers: ['map', 'name'],
    ephemeralContainers: ['map', 'name'],
    imagePullSecrets: ['map', 'name'],
    tolerations: ['atomic'],
    hostAliases: ['map', 'ip'],
    readinessGates: ['atomic'],
    topologySpreadConstraints: ['map', 'topologyKey', 'whenUnsatisfiable'],
    schedulingGates: ['map', 'name'],
    resourceClaims: ['map', 'name'],
    nodeSelector: ['mapType:atomic'],
  },
  'io.k8s.api.core.v1.Container': CONTAINER_LISTS,
  'io.k8s.api.core.v1.EphemeralContainer': CONTAINER_LISTS,
  'io.k8s.api.core.v1.ResourceRequirements': { claims: ['map', 'name'] },
  'io.k8s.api.core.v1.Capabilities': { add: ['atomic'], drop: ['atomic'] },
  'io.k8s.api.core.v1.NodeAffinity': { preferredDuringSchedulingIgnoredDuringExecution: ['atomic'] },
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
    ownerReferences: ['map', 'uid'],
    finalizers: ['set'],
    managedFields: ['atomic'],
  },
};

// The package does not state its Kubernetes version. Each marker is a field first added to the API in that
// release; the newest one present wins (kubernetes-models' CHANGELOG for 5.0.0 also says "Update to Kubernetes
// v1.36.0").
const KUBERNETES_MARKERS = [
  ['1.36', 'io.k8s.api.core.v1.PodSpec', 'schedulingGroup'],
  ['1.34', 'io.k8s.api.core.v1.Container', 'restartPolicyRules'],
  ['1.33', 'io.k8s.api.core.v1.Lifecycle', 'stopSignal'],
];

const declFile = (rel) => path.join(modelsDir, `${rel}.d.ts`);

/** Upstream definition name of a declaration file: .../apps/v1/Deployment.d.ts -> io.k8s.api.apps.v1.Deployment */
function defName(file) {
  const base = path.basename(file, '.d.ts');
  if (file.startsWith(machineryDir + path.sep)) {
    const rel = path.relative(machineryDir, path.dirname(file)).split(path.sep).join('.');
    return `io.k8s.apimachinery.pkg.${rel}.${base}`;
  }
  const parts = path.relative(modelsDir, path.dirname(file)).split(path.sep);
  if (parts.length === 1 && parts[0] === 'v1') return `io.k8s.api.core.v1.${base}`;
  if (parts.length !== 2 || parts[0].includes('.')) throw new Error(`unexpected model path ${file}`);
  return `io.k8s.api.${parts[0]}.${parts[1]}.${base}`;
}

const roots = [...KINDS.map((k) => k[2]), ...EXTRA_ROOTS].map(declFile);
const program = ts.createProgram([...roots, ...Object.values(INLINE_TYPES).map((t) => declFile(t.from))], {
  noEmit: true,
  skipLibCheck: true,
  types: [],
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
});
const checker = program.getTypeChecker();

function docOf(node) {
  const sym = node.name ? checker.getSymbolAtLocation(node.name) : undefined;
  const text = sym ? ts.displayPartsToString(sym.getDocumentationComment(checker)).trim() : '';
  return text || undefined;
}

/** The model interface or type alias declared in a file (`IContainer` in Container.d.ts). */
function modelDecl(file) {
  const sf = program.getSourceFile(file);
  const want = `I${path.basename(file, '.d.ts')}`;
  const decl = sf?.statements.find(
    (s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === want,
  );
  if (!decl) throw new Error(`no declaration ${want} in ${file}`);
  return decl;
}

function resolveDecl(typeName) {
  let sym = checker.getSymbolAtLocation(typeName);
  if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
  return sym?.declarations?.find((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d));
}

const types = {};
const queue = [];

function enqueue(name, build) {
  if (name in types) return;
  types[name] = null;
  queue.push([name, build]);
}

/** A compact field: k kind, t type name, i items, v values, e enum, f int format, d description; lt/lk/mt later. */
function convert(node, where) {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { k: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      // Upstream has no float fields outside CRD schemas; intFormat fails the run if a validator disagrees.
      return { k: 'integer', f: intFormat(where) };
    case ts.SyntaxKind.BooleanKeyword:
      return { k: 'boolean' };
    case ts.SyntaxKind.ArrayType:
      return { k: 'array', i: convert(node.elementType, `${where}[]`) };
    case ts.SyntaxKind.LiteralType:
      if (ts.isStringLiteral(node.literal)) return { k: 'string', e: [node.literal.text] };
      break;
    case ts.SyntaxKind.UnionType: {
      const lits = node.types.map((t) =>
        ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : undefined,
      );
      if (lits.every((l) => l !== undefined)) return { k: 'string', e: lits };
      break;
    }
    case ts.SyntaxKind.TypeLiteral:
      return convertLiteral(node, where);
    case ts.SyntaxKind.TypeReference: {
      if (node.typeName.getText() === 'Array' && node.typeArguments?.length === 1) {
        return { k: 'array', i: convert(node.typeArguments[0], `${where}[]`) };
      }
      const decl = resolveDecl(node.typeName);
      if (decl) return refTo(decl);
      break;
    }
  }
  throw new Error(`${where}: unsupported type '${node.getText()}'`);
}

function convertLiteral(node, where) {
  const [first] = node.members;
  if (node.members.length === 1 && ts.isIndexSignatureDeclaration(first)) {
    return { k: 'map', v: convert(first.type, `${where}{}`) };
  }
  const inline = INLINE_TYPES[where.replace(/\[\]$/, '')];
  if (!inline) throw new Error(`${where}: inline object type without a name in INLINE_TYPES`);
  enqueue(inline.name, () => objectType(inline.name, node.members, modelDecl(declFile(inline.from))));
  return { k: 'object', t: inline.name };
}

function refTo(decl) {
  const name = defName(decl.getSourceFile().fileName);
  if (LEAF_TYPES[name]) return { k: LEAF_TYPES[name], t: name };
  if (ts.isTypeAliasDeclaration(decl)) throw new Error(`${name}: type alias without a LEAF_TYPES entry`);
  // Opaque upstream types (RawExtension, FieldsV1) carry arbitrary JSON.
  if (decl.members.length === 0) return { k: 'any', t: name };
  enqueue(name, () => objectType(name, decl.members, decl));
  return { k: 'object', t: name };
}

function objectType(name, members, docNode) {
  const heritage = ts.isInterfaceDeclaration(docNode) ? (docNode.heritageClauses ?? []) : [];
  if (heritage.some((h) => h.types.some((t) => t.expression.getText() !== 'TypeMeta'))) {
    throw new Error(`${name}: unexpected base interface`);
  }
  const p = {};
  const r = [];
  for (const m of members) {
    if (!ts.isPropertySignature(m) || !m.type) throw new Error(`${name}: unexpected member '${m.getText()}'`);
    const key = m.name.text;
    p[key] = { ...convert(m.type, `${name}.${key}`), ...optional('d', docOf(m)) };
    if (!m.questionToken) r.push(key);
  }
  applyMergeSemantics(name, p);
  return { ...optional('d', docOf(docNode)), p, r: r.sort() };
}

function applyMergeSemantics(name, props) {
  for (const [key, [kind, ...keys]] of Object.entries(MERGE_SEMANTICS[name] ?? {})) {
    const field = props[key];
    if (kind === 'mapType:atomic') {
      if (field?.k !== 'map') throw new Error(`${name}.${key}: +mapType marker on a non-map field`);
      field.mt = 'atomic';
      continue;
    }
    if (field?.k !== 'array') throw new Error(`${name}.${key}: +listType marker on a non-list field`);
    field.lt = kind;
    if (kind === 'map') {
      if (field.i.k !== 'object') throw new Error(`${name}.${key}: map list of non-objects`);
      field.lk = keys;
    }
  }
}

function optional(key, value) {
  return value === undefined ? {} : { [key]: value };
}

// Integer widths are not in the .d.ts files; the package's precompiled ajv validators (_schemas/*.js) keep them.
const validatorCache = new Map();

function validatorsOf(typeName) {
  if (validatorCache.has(typeName)) return validatorCache.get(typeName);
  const base = typeName
    .split(/[.-]/)
    .map((s) => s[0].toUpperCase() + s.slice(1))
    .join('');
  const dir = typeName.startsWith('io.k8s.apimachinery.') ? machineryDir : modelsDir;
  const file = path.join(dir, '_schemas', `${base}.js`);
  const code = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const bodies = new Map();
  const starts = [...code.matchAll(/function (validate\d+)\(/g)];
  for (const [i, m] of starts.entries()) bodies.set(m[1], code.slice(m.index, starts[i + 1]?.index ?? code.length));
  const root = /export const validate=(validate\d+);/.exec(code)?.[1];
  const result = { bodies, root };
  validatorCache.set(typeName, result);
  return result;
}

/** int32/int64 of a `number` property, from the formats its validator (and helpers in the same file) check. */
function intFormat(where) {
  const [, typeName, prop] = /^(.*)\.([^.[{]+)(?:\[\]|\{\})*$/.exec(where) ?? [];
  const { bodies, root } = validatorsOf(typeName ?? '');
  const call = new RegExp(`void 0!==data\\.${prop}&&\\((validate\\d+)\\(`).exec(bodies.get(root) ?? '');
  if (!call) throw new Error(`${where}: no validator for this number`);
  const formats = new Set();
  const seen = new Set();
  const visit = (fn) => {
    if (seen.has(fn) || !bodies.has(fn)) return;
    seen.add(fn);
    const body = bodies.get(fn);
    for (const f of body.matchAll(/params:\{format:"(int32|int64)"\}/g)) formats.add(f[1]);
    for (const c of body.matchAll(/(validate\d+)\(/g)) visit(c[1]);
  };
  visit(call[1]);
  if (formats.size !== 1) throw new Error(`${where}: expected one integer format, found ${[...formats]}`);
  return [...formats][0];
}

for (const file of roots) refTo(modelDecl(file));
while (queue.length) {
  const [name, build] = queue.shift();
  types[name] = build();
}

for (const [owner, props] of Object.entries(MERGE_SEMANTICS)) {
  if (!types[owner]) throw new Error(`MERGE_SEMANTICS names unreachable type ${owner}`);
  for (const key of Object.keys(props)) if (!types[owner].p[key]) throw new Error(`no field ${owner}.${key}`);
}

const kubernetes = KUBERNETES_MARKERS.find(([, type, prop]) => types[type]?.p[prop])?.[0];
const kinds = {};
for (const [apiVersion, kind, rel] of KINDS) {
  kinds[apiVersion] ??= {};
  kinds[apiVersion][kind] = defName(declFile(rel));
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}

// One type per line keeps the committed file reviewable while staying compact.
const header = sortKeys({
  generator: GENERATOR,
  kinds,
  package: `kubernetes-models@${modelsVersion}`,
  ...optional('kubernetes', kubernetes),
});
const lines = Object.entries(header).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`);
const typeLines = Object.keys(types)
  .sort()
  .map((name) => `${JSON.stringify(name)}:${JSON.stringify(sortKeys(types[name]))}`);
const text = `{\n${lines.join('\n')}\n"types":{\n${typeLines.join(',\n')}\n}\n}\n`;

const notice = `k8s-schema.json
===============

Generated by ${GENERATOR} (npm run gen:schema) from the TypeScript declarations of the npm
packages kubernetes-models@${modelsVersion} and @kubernetes-models/apimachinery@${versionOf(machineryDir)},
which correspond to the Kubernetes ${kubernetes ?? '(unknown)'} API. Do not edit it by hand: change the
generator and regenerate.

Kubernetes API descriptions
---------------------------

The type and field descriptions and the enum values come from the Kubernetes OpenAPI specification
(https://github.com/kubernetes/kubernetes), as carried by kubernetes-models. The list and map merge
semantics (listType, listMapKeys, mapType) restate the +listType, +listMapKey and +mapType markers in
staging/src/k8s.io/api/core/v1/types.go and staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go.

Copyright The Kubernetes Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.

kubernetes-models
-----------------

Types and enums were read from kubernetes-models (https://github.com/tommy351/kubernetes-models-ts),
whose license follows.

${fs.readFileSync(path.join(modelsDir, 'LICENSE'), 'utf8').trim()}
`;

fs.mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, 'k8s-schema.json');
fs.writeFileSync(outFile, text);
fs.writeFileSync(path.join(outDir, 'NOTICE'), notice);
const kib = (Buffer.byteLength(text) / 1024).toFixed(0);
console.log(
  `${path.relative(process.cwd(), outFile)}: ${typeLines.length} types, ${kib} KiB, ` +
    `kubernetes-models@${modelsVersion} (Kubernetes ${kubernetes ?? 'unknown'})`,
);
