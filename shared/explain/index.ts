/**
 * Public entry of the explanations: what a field will actually do in this manifest, as Markdown. Pure and
 * browser-safe, so the hover, the lifecycle panel and the CLI can share them.
 */

export { KNOWN_ANNOTATIONS, KNOWN_LABELS, type KnownKey, RECOMMENDED_LABELS } from '../k8s/knownLabels';
export { serviceEnvPrefix } from './env';
export { explainPath } from './explainPath';
export { fieldDefault } from './fieldDefaults';
export { enumDocs, type FieldDoc, fieldDoc, trimDescription } from './fieldDoc';
export { documentRootType, hoverMarkdown, KIND_VERSIONS } from './hover';
export { quantityLine } from './resources';
export { CONTROLLERS } from './restart';
