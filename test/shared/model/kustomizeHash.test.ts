// kustomize's name hash for generated ConfigMaps and Secrets, checked against the vectors of its own tests:
// api/hasher/hasher_test.go (TestConfigMapHash, TestSecretHash, Test_hex256) in kubernetes-sigs/kustomize.
import { describe, expect, it } from 'vitest';
import { encodeHash, goJson, hashInput, nameHash } from '../../../shared/model/kustomizeRender/hash';
import { parseTrees } from '../../../shared/model/kustomizeRender/tree';

const hashOf = (yaml: string) => nameHash(parseTrees(yaml, '/x.yaml')[0] as never);

describe('kustomize name hash (api/hasher/hasher_test.go)', () => {
  it.each([
    ['empty data', 'apiVersion: v1\nkind: ConfigMap\n', '6ct58987ht'],
    ['one key', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  one: ""\n', '9g67k2htb6'],
    ['three keys, sorted', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  two: 2\n  one: ""\n  three: 3\n', '7757f9kkct'],
    ['one binary key', 'apiVersion: v1\nkind: ConfigMap\nbinaryData:\n  one: ""\n', '6mtk2m274t'],
    ['one key each', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  one: ""\nbinaryData:\n  two: ""\n', '698h7c7t9m'],
  ])('ConfigMap, %s', (_, yaml, hash) => {
    expect(hashOf(yaml)).toBe(hash);
  });

  it.each([
    ['empty data', 'apiVersion: v1\nkind: Secret\ntype: my-type\n', '5gmgkf8578'],
    ['one key', 'apiVersion: v1\nkind: Secret\ntype: my-type\ndata:\n  one: ""\n', '74bd68bm66'],
    [
      'three keys',
      'apiVersion: v1\nkind: Secret\ntype: my-type\ndata:\n  two: 2\n  one: ""\n  three: 3\n',
      '4gf75c7476',
    ],
    [
      'stringData',
      'apiVersion: v1\nkind: Secret\ntype: my-type\ndata:\n  one: ""\nstringData:\n  two: 2\n',
      'c4h4264gdb',
    ],
  ])('Secret, %s', (_, yaml, hash) => {
    expect(hashOf(yaml)).toBe(hash);
  });

  it('hashes the JSON Go writes: sorted keys, a missing map as the empty string, and never the name', () => {
    // hasher.go reads the name with yaml.Lookup("metadata/name"), one key that no object has: it hashes as "".
    expect(hashInput(parseTrees('kind: ConfigMap\nmetadata: {name: a}\n', '/x')[0] as never)).toBe(
      '{"data":"","kind":"ConfigMap","name":""}',
    );
    // `kubectl kustomize` (kustomize v5.5.0) names configMapGenerator [{name: api-config, literals: [MODE=fast]}]
    // api-config-7kcm455446, with or without a name prefix.
    expect(hashOf('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: api-config}\ndata: {MODE: fast}\n')).toBe(
      '7kcm455446',
    );
    expect(goJson({ b: '<&>', a: '\u2028' })).toBe('{"a":"\\u2028","b":"\\u003c\\u0026\\u003e"}');
  });

  it('swaps 0, 1, 3, a and e for letters in the first ten hex digits (encode in hasher.go)', () => {
    // sha256 of the empty string (Test_hex256): e3b0c44298...
    expect(encodeHash('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe('tkbgc44298');
  });
});
