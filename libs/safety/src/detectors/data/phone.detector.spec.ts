import { analyzeText } from '../../normalize/analyze-text';
import { PhoneDetector } from './phone.detector';

const detector = new PhoneDetector();
const detect = (text: string) => detector.detect(analyzeText(text), { direction: 'input' });
const evidence = (text: string) => detect(text).map((f) => text.slice(f.span!.start, f.span!.end));

describe('PhoneDetector', () => {
  it.each([
    ['E.164 with spaces', 'reach me on +44 20 7946 0958 tomorrow', '+44 20 7946 0958'],
    ['E.164 compact', 'whatsapp +14155552671', '+14155552671'],
    ['00 international prefix', 'office 0049 30 901820 in Berlin', '0049 30 901820'],
    ['North American with parentheses', 'Call (415) 555-2671 after 5', '(415) 555-2671'],
    ['North American with country code', 'dial +1 (415) 555-2671', '+1 (415) 555-2671'],
    ['North American with dots', 'it is 415.555.2671', '415.555.2671'],
    ['UK national', 'the office is 020 7946 0958', '020 7946 0958'],
    ['French national in pairs', 'mon numéro 06 12 34 56 78', '06 12 34 56 78'],
    ['a bare run of digits next to a phone label', 'my mobile is 4155552671', '4155552671'],
  ])('finds %s', (_label, text, expected) => {
    expect(evidence(text)).toEqual([expected]);
  });

  it('scores a number next to a telephone label higher, labels it PHONE and gives a reason', () => {
    const [labelled] = detect('phone: (415) 555-2671');
    const [bare] = detect('see (415) 555-2671');
    expect(labelled.score).toBeGreaterThan(bare.score);
    expect(labelled).toMatchObject({ detector: 'pii.phone', category: 'pii', redaction: 'PHONE' });
    expect(labelled.reason).toMatch(/North American/);
  });

  it('maps the span to the original through fullwidth digits and a zero-width space', () => {
    expect(evidence('🙂 tel ＋４４ 20 7946\u200B 0958')).toEqual(['＋４４ 20 7946\u200B 0958']);
  });

  it.each([
    ['an ISO date', 'released on 2024-05-14 at noon'],
    ['a European date', 'born 14.05.1990 in Lyon'],
    ['a US date', 'due 05/14/2024'],
    ['an IPv4 address', 'server 192.168.100.200 is down'],
    ['a version string', 'upgrade to 10.4.2.1 or v3.2.1'],
    ['an unlabelled run of digits', 'the population was 4155552671 at the census'],
    ['an order number', 'Order number 4155552671 shipped'],
    ['an invoice number even in a phone layout', 'invoice no. 415-555-2671'],
    ['a payment card', 'card 4929 1234 5678 9015'],
    ['arithmetic', '3 + 4 = 7 and 12 - 5 = 7'],
    ['times and prices', 'open 10:30-18:45, tickets $12.50 or 1 000 000 won'],
    ['a number with a decimal part', 'total 4155552671.50 units'],
    ['an SSN-shaped number', 'ref 536-22-1234'],
    ['a figure after "call" that is no telephone label', 'Call stack size 1234567 exceeded in the worker'],
  ])('ignores %s', (_label, text) => {
    expect(detect(text)).toEqual([]);
  });
});
