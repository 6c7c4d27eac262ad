// IP syntax as the API server's IsValidIP reads nameservers and host alias addresses.
import { describe, expect, it } from 'vitest';
import { isIP } from '../../../shared/k8s/ip';

describe('isIP', () => {
  it.each([
    '10.0.0.1',
    '255.255.255.255',
    '010.001.1.1',
    '::',
    '::1',
    '2001:db8::ffff',
    '1:2:3:4:5:6:7:8',
    '::ffff:1.2.3.4',
    '1:2:3:4:5:6:1.2.3.4',
    'FE80::1',
  ])('accepts %s', (ip) => {
    expect(isIP(ip)).toBe(true);
  });

  it.each([
    '',
    'localhost',
    '1.2.3',
    '1.2.3.256',
    '1.2.3.4.5',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    'fe80::1%eth0',
    '12345::1',
    '::ffff:1.2.3',
    '1:2:3:4:5:6:7:1.2.3.4',
    ' 10.0.0.1',
  ])('rejects %j', (ip) => {
    expect(isIP(ip)).toBe(false);
  });
});
