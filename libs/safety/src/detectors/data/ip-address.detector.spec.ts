import { analyzeText } from '../../normalize/analyze-text';
import { IpAddressDetector, parseIpv6 } from './ip-address.detector';

const detector = new IpAddressDetector();
const detect = (text: string) => detector.detect(analyzeText(text), { direction: 'output' });
const evidence = (text: string) => detect(text).map((f) => text.slice(f.span!.start, f.span!.end));

describe('IpAddressDetector', () => {
  it('finds IPv4 and IPv6 addresses, public ones scoring higher than private ones', () => {
    const text = 'Blocked 203.0.114.9 and 10.1.2.3; v6 2606:4700:4700::1111 and fe80::1ff:fe23:4567:890a.';
    expect(evidence(text)).toEqual([
      '203.0.114.9',
      '10.1.2.3',
      '2606:4700:4700::1111',
      'fe80::1ff:fe23:4567:890a',
    ]);
    const [publicV4, privateV4, publicV6, linkLocal] = detect(text);
    expect(publicV4.score).toBeGreaterThan(privateV4.score);
    expect(publicV6.score).toBeGreaterThan(linkLocal.score);
    expect(publicV4).toMatchObject({ detector: 'pii.ip_address', redaction: 'IP_ADDRESS' });
  });

  it('reports an IPv4-mapped IPv6 address once', () => {
    expect(evidence('peer ::ffff:198.51.101.7 connected')).toEqual(['::ffff:198.51.101.7']);
  });

  it('treats loopback, link-local, CGNAT and documentation ranges as low-risk', () => {
    for (const address of ['127.0.0.1', '169.254.1.1', '100.64.0.1', '192.0.2.10', '2001:db8::1:2'])
      expect(detect(`host ${address}`)[0].score).toBeLessThanOrEqual(0.2);
  });

  it.each([
    ['a version string in a changelog', 'Changelog: version 10.0.0.1 fixes the crash'],
    ['a v-prefixed version', 'upgrade from v1.2.3.4 to v1.2.3.5'],
    ['a pre-release version', 'install 2.0.0.1-beta'],
    ['a version list', 'Version history: 1.0.0 (2019), 1.2.3.4 build, 2.0.0-rc.1'],
    ['out-of-range octets', 'value 300.1.2.3'],
    ['an OID', 'oid 1.3.6.1.4.1.311'],
    ['times and MAC addresses', 'at 12:30:45 the NIC 00:1a:2b:3c:4d:5e'],
    ['C++ scope resolution', 'use std::vector and a::b'],
    ['a decimal number', 'pi is 3.14159'],
  ])('ignores %s', (_label, text) => {
    expect(detect(text)).toEqual([]);
  });

  it('parses IPv6 text forms strictly', () => {
    expect(parseIpv6('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toHaveLength(8);
    expect(parseIpv6('1::2::3')).toBeUndefined();
    expect(parseIpv6('12345::1:2')).toBeUndefined();
    expect(parseIpv6('1:2:3')).toBeUndefined();
  });
});
