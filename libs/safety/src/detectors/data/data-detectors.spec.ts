import { analyzeText } from '../../normalize/analyze-text';
import { createDataDetectors } from './index';

const detectors = createDataDetectors();
const detectAll = (text: string) => {
  const analyzed = analyzeText(text);
  return detectors.flatMap((detector) => detector.detect(analyzed, { direction: 'output' }));
};

describe('data detectors together', () => {
  it('run on input and output', () => {
    for (const detector of detectors) expect([...detector.directions].sort()).toEqual(['input', 'output']);
  });

  it('point every span at exactly the original data, whatever precedes it', () => {
    const text =
      '👋🏽 Ηеllо\u200B! Ρlеаsе ﬁle thіs: 🙂 mail ana.silva@correo.es, ' +
      'cаrd 4929\u00A01234\u00A05678\u00A09015, phone +351 912 345 678, IBAN PT50 0002 0123 1234 5678 9015 4, ' +
      'SSN 536-22-1234, host 8.8.4.4, key AKIAQYLPMN5HGR4WZ3TB.';
    const evidence = detectAll(text).map((f) => [f.detector, text.slice(f.span!.start, f.span!.end)]);
    expect(evidence).toEqual(
      expect.arrayContaining([
        ['pii.email', 'ana.silva@correo.es'],
        ['pii.payment_card', '4929\u00A01234\u00A05678\u00A09015'],
        ['pii.phone', '+351 912 345 678'],
        ['pii.iban', 'PT50 0002 0123 1234 5678 9015 4'],
        ['pii.ssn', '536-22-1234'],
        ['pii.ip_address', '8.8.4.4'],
        ['secret.aws_access_key_id', 'AKIAQYLPMN5HGR4WZ3TB'],
      ]),
    );
    expect(evidence).toHaveLength(7);
  });

  it('find nothing in ordinary text that talks about data', () => {
    const text =
      'Our privacy policy explains how we store e-mail addresses, phone numbers and card details. ' +
      'Version 2.4.1 (build 2024.05.14) fixed login for IPv6 users; see RFC 4291 section 2.2. ' +
      'The meeting moved to 14:30 on 03/06/2025, room 4B, invoice 2024-0042, total $1,299.00.';
    expect(detectAll(text)).toEqual([]);
  });

  const adversarial = [
    '1'.repeat(10_000),
    '1 '.repeat(5_000),
    '1-'.repeat(5_000),
    '+('.repeat(5_000),
    'a@'.repeat(5_000),
    '@a.'.repeat(3_300),
    '1.'.repeat(5_000),
    ':1'.repeat(5_000),
    'de89'.repeat(2_500),
    'password='.repeat(1_100),
    'key: "'.repeat(1_600),
    'sk-'.repeat(3_300),
    'eyJ'.repeat(3_300),
    'x://a:'.repeat(1_600),
    '-----BEGIN '.repeat(900),
    'AKIA'.repeat(2_500),
  ];

  it.each(adversarial.map((text) => [text.slice(0, 12), text]))(
    'scan 10 KB of %j in linear time',
    (_label, text) => {
      for (let warm = 0; warm < 2; warm++) detectAll(text);
      // A guard against catastrophic backtracking (minutes on 10 KB), not a speed target: the speed is
      // measured in bench/, and this bound holds on a loaded CI machine.
      const started = performance.now();
      detectAll(text);
      expect(performance.now() - started).toBeLessThan(2_000);
    },
  );
});
