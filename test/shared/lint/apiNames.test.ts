// The API server's name/key/value predicates (shared/k8s/names.ts), with apimachinery's own test values.
import { describe, expect, it } from 'vitest';
import {
  isAnnotationKey,
  isConfigMapKey,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isHTTPHeaderName,
  isLabelValue,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidPortName,
  isValidPortNum,
  nameIsDNSSubdomain,
} from '../../../shared/k8s/names';

const ok = (errs: string[]) => expect(errs).toEqual([]);
const bad = (errs: string[]) => expect(errs.length).toBeGreaterThan(0);

describe('IsDNS1123Label', () => {
  it('accepts the upstream valid values', () => {
    for (const v of [
      'a',
      'ab',
      'abc',
      'a1',
      'a-1',
      'a--1--2--b',
      '0',
      '01',
      '012',
      '1a',
      '1-a',
      '1--a--b--2',
      'a'.repeat(63),
    ])
      ok(isDNS1123Label(v));
  });
  it('rejects the upstream invalid values with its messages', () => {
    for (const v of [
      '',
      'A',
      'ABC',
      'aBc',
      'A1',
      'A-1',
      '1-A',
      '-',
      'a-',
      '-a',
      '1-',
      '-1',
      '_',
      'a_',
      '_a',
      'a_b',
      '1_',
      '_1',
      '1_2',
      '.',
      'a.',
      '.a',
      'a.b',
      '1.',
      '.1',
      '1.2',
      ' ',
      'a ',
      ' a',
      'a b',
      '1 ',
      ' 1',
      '1 2',
      'a'.repeat(64),
    ])
      bad(isDNS1123Label(v));
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots']);
    expect(isDNS1123Label('Web')).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });
});

describe('IsDNS1123Subdomain and generateName', () => {
  it('accepts dots and leading digits, rejects upper case and length above 253', () => {
    for (const v of ['a', 'a.b', 'abc.123.do-re-mi', '123', `${'a'.repeat(63)}.${'b'.repeat(63)}`])
      ok(isDNS1123Subdomain(v));
    for (const v of ['', 'A', 'a..b', 'a.', '-a', 'a_b', 'a'.repeat(254)]) bad(isDNS1123Subdomain(v));
  });
  it('allows one trailing dash in a generateName', () => {
    ok(nameIsDNSSubdomain('web-', true));
    bad(nameIsDNSSubdomain('web-', false));
  });
});

describe('IsQualifiedName and label values', () => {
  it('accepts upper case in the name part and a subdomain prefix', () => {
    for (const v of [
      'simple',
      'now-with-dashes',
      '1-starts-with-num',
      '1234',
      'simple/simple',
      'now-with-dashes/simple',
      'now-with-dashes/now-with-dashes',
      'now.with.dots/simple',
      'now-with.dashes-and.dots/simple',
      '1-num.2-num/3-num',
      '1234/5678',
      '1.2.3.4/5678',
      'Uppercase_Is_OK_123',
      'example.com/Uppercase_Is_OK_123',
      'requests.storage-foo',
      `${'a'.repeat(63)}`,
      `${'a'.repeat(253)}/${'b'.repeat(63)}`,
    ])
      ok(isQualifiedName(v));
  });
  it('rejects empty parts, two slashes, bad characters and long names', () => {
    for (const v of [
      'nospecialchars%^=@',
      'cantendwithadash-',
      '-cantstartwithadash-',
      'only/one/slash',
      'Example.com/abc',
      'example_com/user',
      'example.com/',
      '/simple',
      `${'a'.repeat(64)}`,
      `${'a'.repeat(254)}/abc`,
    ])
      bad(isQualifiedName(v));
    expect(isQualifiedName('/x')).toEqual(['prefix part must be non-empty']);
  });
  it('lower-cases annotation keys first', () => {
    ok(isAnnotationKey('Example.COM/Foo'));
    bad(isQualifiedName('Example.COM/Foo'));
  });
  it('accepts an empty label value and rejects edge punctuation and length', () => {
    for (const v of [
      '',
      'simple',
      'now-with-dashes',
      '1-starts-with-num',
      'end-with-num-1',
      '1234',
      'a'.repeat(63),
      'Uppercase_Is_OK_123',
    ])
      ok(isLabelValue(v));
    for (const v of [
      'nospecialchars%^=@',
      'Tama-nui-te-rā.is.Māori.sun',
      '\\backslashes\\are\\bad',
      '-starts-with-dash',
      'ends-with-dash-',
      '.starts.with.dot',
      'ends.with.dot.',
      'a'.repeat(64),
    ])
      bad(isLabelValue(v));
  });
});

describe('ports', () => {
  it('IsValidPortNum accepts 1..65535', () => {
    for (const v of [1, 2, 1000, 16384, 32768, 65535]) ok(isValidPortNum(v));
    for (const v of [0, -1, 65536, 100000])
      expect(isValidPortNum(v)).toEqual(['must be between 1 and 65535, inclusive']);
  });
  it('IsValidPortName accepts IANA service names', () => {
    for (const v of ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3'])
      ok(isValidPortName(v));
    for (const v of ['longerthan15characters', 'www-', '-www', 'www--foo', 'WWW', '12345', '', 'a b', '_b'])
      bad(isValidPortName(v));
  });
});

describe('environment variable names', () => {
  it('strict rule (before 1.32) follows the C-like pattern', () => {
    for (const v of ['A', 'ABC', 'AbC123', 'abc', 'a.b', 'a-b', '_', '-', '.', 'A_B', 'dot.env-name']) {
      if (v === '.') bad(isEnvVarName(v));
      else ok(isEnvVarName(v));
    }
    for (const v of ['1ABC', 'A B', 'ev!1', '..', '..a']) bad(isEnvVarName(v));
  });
  it('relaxed rule (the v1.34 default) accepts printable ASCII except "="', () => {
    for (const v of ['1ABC', 'A B', 'ev!1', '!"#$%&\'()', '* +,-./0123456789', ':;<>?@', '[\\]^_`{}|~'])
      ok(isRelaxedEnvVarName(v));
    for (const v of ['', '=abc', 'a=b', 'tab\there', 'ümlaut']) bad(isRelaxedEnvVarName(v));
  });
});

describe('config map keys and header names', () => {
  it('IsConfigMapKey', () => {
    for (const v of ['a', 'ab', 'abc', 'a1', '1', 'a-b', 'a_b', 'a.b', 'A', 'AB_C-1.2', '.a', '.foo', '..a.'.slice(1)])
      ok(isConfigMapKey(v));
    for (const v of ['', '.', '..', '..bar', 'a b', 'a/b', 'a:b', 'a'.repeat(254)]) bad(isConfigMapKey(v));
  });
  it('IsHTTPHeaderName', () => {
    for (const v of ['X-Header', 'x-header-1', 'Accept']) ok(isHTTPHeaderName(v));
    for (const v of ['X_Header', 'X:Header', 'X Header', '']) bad(isHTTPHeaderName(v));
  });
});
