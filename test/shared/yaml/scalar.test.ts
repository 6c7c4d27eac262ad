// Scalars resolve to the JSON kubectl sends: go-yaml v2 (YAML 1.1) rules through sigs.k8s.io/yaml.
import { describe, expect, it } from 'vitest';
import { resolvePlain } from '../../../shared/model';

describe('resolvePlain', () => {
  it.each([
    ['on', 'bool', true],
    ['Yes', 'bool', true],
    ['y', 'bool', true],
    ['OFF', 'bool', false],
    ['no', 'bool', false],
    ['true', 'bool', true],
    ['~', 'null', null],
    ['', 'null', null],
    ['Null', 'null', null],
    ['80', 'int', 80],
    ['-12', 'int', -12],
    ['0644', 'int', 420],
    ['0o17', 'int', 15],
    ['0x1F', 'int', 31],
    ['0b101', 'int', 5],
    ['1_000', 'int', 1000],
    ['0', 'int', 0],
    ['1e3', 'float', 1000],
    ['0.5', 'float', 0.5],
    ['.5', 'float', 0.5],
    ['.inf', 'float', Number.POSITIVE_INFINITY],
    ['250m', 'string', '250m'],
    ['64Mi', 'string', '64Mi'],
    ['2024-06-17', 'string', '2024-06-17'],
    ['1.27', 'float', 1.27],
    ['nginx', 'string', 'nginx'],
    ['0.0.1', 'string', '0.0.1'],
    // Go's ParseInt rejects 8 and 9 in an octal literal; go-yaml then reads it as a float
    ['089', 'float', 89],
  ] as const)('%j is %s', (source, type, value) => {
    expect(resolvePlain(source)).toEqual({ type, value });
  });
});
