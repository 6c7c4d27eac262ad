/** Public entry of the Kubernetes knowledge: schema, quantities, image references, defaulting, name rules. */
export * from './defaults';
export * from './docsLinks';
export * from './imageRef';
export * from './publicRegistries';
export * from './quantity';
export * from './schema';
