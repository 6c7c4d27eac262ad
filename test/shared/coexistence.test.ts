// When Red Hat YAML counts as having a Kubernetes schema active, and what podlens then leaves to it per mode.
import { describe, expect, it } from 'vitest';
import {
  deferredToSchema,
  kubernetesSchemaIn,
  NOTHING_ELSEWHERE,
  withoutKubernetesSchemas,
} from '../../shared/coexistence';
import { parseSettings } from '../../shared/settings';

const RED_HAT_ONLY = { redHatYaml: true, kubernetesTools: false };
const ALL = { hover: true, completion: true, validation: true };

describe('kubernetesSchemaIn', () => {
  it.each([
    ['the kubernetes keyword', { kubernetes: '*.yaml' }],
    ['the keyword in any case, with an array of globs', { Kubernetes: ['k8s/**/*.yaml'] }],
    [
      'a yannh kubernetes-json-schema URL',
      {
        'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.32.1-standalone-strict/all.json':
          '/*.k8s.yaml',
      },
    ],
  ])('sees %s in yaml.schemas', (_, schemas) => {
    expect(kubernetesSchemaIn({ schemas }, RED_HAT_ONLY)).toEqual(ALL);
  });

  it.each([
    ['no schemas', {}],
    ['another schema', { schemas: { 'https://json.schemastore.org/github-workflow.json': '.github/**/*.yml' } }],
    ['a kubernetes association without globs', { schemas: { kubernetes: [] } }],
    ['a broken setting', { schemas: 'kubernetes' }],
  ])('sees nothing with %s', (_, yaml) => {
    expect(kubernetesSchemaIn(yaml, RED_HAT_ONLY)).toEqual(NOTHING_ELSEWHERE);
  });

  it("counts Microsoft's Kubernetes extension as a schema for every manifest", () => {
    expect(kubernetesSchemaIn(undefined, { redHatYaml: true, kubernetesTools: true })).toEqual(ALL);
  });

  it('needs Red Hat YAML itself: its settings alone do nothing', () => {
    const installed = { redHatYaml: false, kubernetesTools: true };
    expect(kubernetesSchemaIn({ schemas: { kubernetes: '*.yaml' } }, installed)).toEqual(NOTHING_ELSEWHERE);
  });

  it('leaves out what Red Hat YAML has switched off', () => {
    const yaml = { schemas: { kubernetes: '*.yaml' }, hover: false, validate: false };
    expect(kubernetesSchemaIn(yaml, RED_HAT_ONLY)).toEqual({ hover: false, completion: true, validation: false });
  });
});

describe('deferredToSchema', () => {
  it.each([
    ['auto', ALL],
    ['podlens', NOTHING_ELSEWHERE],
    ['both', NOTHING_ELSEWHERE],
    ['nonsense (falls back to auto)', ALL],
  ])('%s', (mode, expected) => {
    const settings = parseSettings({ coexistence: mode.split(' ')[0], schemaElsewhere: ALL });
    expect(deferredToSchema(settings)).toEqual(expected);
  });
});

describe('withoutKubernetesSchemas', () => {
  it('removes the keyword and Kubernetes schema URLs and keeps every other schema', () => {
    const schemas = {
      Kubernetes: 'k8s/*.yaml',
      'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.32.1/all.json': ['deploy/*.yaml'],
      'https://json.schemastore.org/github-workflow.json': '.github/workflows/*.yml',
    };
    expect(withoutKubernetesSchemas(schemas)).toEqual({
      'https://json.schemastore.org/github-workflow.json': '.github/workflows/*.yml',
    });
  });

  it('has nothing to remove without a Kubernetes schema or without the setting', () => {
    expect(withoutKubernetesSchemas({ 'https://json.schemastore.org/github-workflow.json': '*.yml' })).toBeUndefined();
    expect(withoutKubernetesSchemas(undefined)).toBeUndefined();
  });
});
