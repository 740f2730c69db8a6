import { describe, expect, it } from 'vitest';
import { classifyAddress, isForbiddenAddress, parseIPv4, parseIPv6 } from './address.ts';

describe('address classification', () => {
  it('reads every IPv4 notation inet_aton and URLs accept', () => {
    const loopback = 0x7f000001;
    for (const text of [
      '127.0.0.1',
      '2130706433',
      '0x7f000001',
      '0x7f.1',
      '0x7F.0.0.1',
      '017700000001',
      '0177.0.0.1',
      '127.1',
      '127.0.1',
      '127.0.0.1.',
    ])
      expect(parseIPv4(text), text).toBe(loopback);
    for (const text of ['256.0.0.1', '1.2.3.4.5', '08.1.1.1', 'example', '', '4294967296'])
      expect(parseIPv4(text), text).toBeUndefined();
  });

  it('reads IPv6 with brackets, zones, compression and dotted tails', () => {
    expect(parseIPv6('::1')?.at(15)).toBe(1);
    expect(Array.from(parseIPv6('[::ffff:7f00:1]')!.slice(10))).toEqual([255, 255, 127, 0, 0, 1]);
    expect(Array.from(parseIPv6('::ffff:127.0.0.1')!.slice(10))).toEqual([255, 255, 127, 0, 0, 1]);
    expect(parseIPv6('fe80::1%eth0')?.at(0)).toBe(0xfe);
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeUndefined();
    expect(parseIPv6('1::2::3')).toBeUndefined();
    expect(parseIPv6('example.gov.cn')).toBeUndefined();
  });

  const cases: [string, ReturnType<typeof classifyAddress>][] = [
    // loopback, every notation
    ['127.0.0.1', 'loopback'],
    ['127.1', 'loopback'],
    ['2130706433', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['017700000001', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['::ffff:0:7f00:1', 'loopback'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:7f00:1::', 'loopback'],
    // private
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['0xc0a80101', 'private'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:c0a8:101', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fec0::1', 'private'],
    // link-local, CGNAT, unspecified, metadata
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%lo', 'link-local'],
    ['febf::1', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['0.0.0.0', 'unspecified'],
    ['0', 'unspecified'],
    ['::', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['169.254.169.254', 'metadata'],
    ['2852039166', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    // multicast and reserved
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    // public, including the neighbours of each range
    ['8.8.8.8', 'public'],
    ['172.15.255.255', 'public'],
    ['172.32.0.0', 'public'],
    ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'],
    ['11.0.0.1', 'public'],
    ['192.169.0.1', 'public'],
    ['128.0.0.1', 'public'],
    ['2400:3200::1', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['fe00::1', 'public'],
  ];
  for (const [text, kind] of cases) {
    it(`${text} is ${kind}`, () => {
      expect(classifyAddress(text)).toBe(kind);
      expect(isForbiddenAddress(text)).toBe(kind !== 'public');
    });
  }

  it('agrees with the URL parser on what a host written as a number is', () => {
    for (const host of ['2130706433', '0x7f.1', '017700000001', '127.1', '[::ffff:7f00:1]']) {
      const parsed = new URL(`http://${host}/`).hostname;
      expect(classifyAddress(parsed), host).toBe('loopback');
      expect(classifyAddress(host), host).toBe('loopback');
    }
  });

  it('takes host names for names, not addresses', () => {
    expect(classifyAddress('www.gov.cn')).toBeUndefined();
    expect(classifyAddress('localhost')).toBeUndefined();
    expect(isForbiddenAddress('www.gov.cn')).toBe(false);
  });
});
