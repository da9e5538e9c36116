import { analyzeText } from '../../normalize/analyze-text';
import { luhn, PaymentCardDetector } from './payment-card.detector';

const detector = new PaymentCardDetector();
const detect = (text: string) => detector.detect(analyzeText(text), { direction: 'output' });
const evidence = (text: string) => detect(text).map((f) => text.slice(f.span!.start, f.span!.end));

describe('PaymentCardDetector', () => {
  it('finds Luhn-valid numbers in issuer ranges, grouped or not, with the network in the reason', () => {
    const text =
      'Visa 4929 1234 5678 9015, MC 5425-2334-3010-9903, Amex 3714 496353 98431 and 6011000990139424.';
    expect(evidence(text)).toEqual([
      '4929 1234 5678 9015',
      '5425-2334-3010-9903',
      '3714 496353 98431',
      '6011000990139424',
    ]);
    const [visa] = detect(text);
    expect(visa).toMatchObject({ detector: 'pii.payment_card', redaction: 'PAYMENT_CARD' });
    expect(visa.score).toBeGreaterThanOrEqual(0.95);
    expect(visa.reason).toMatch(/Visa/);
  });

  it('finds a card followed by its CVV and one written with fullwidth digits behind emoji', () => {
    expect(evidence('card 4929 1234 5678 9015 123 exp 12/27')).toEqual(['4929 1234 5678 9015']);
    expect(evidence('💳 ４９２９１２３４５６７８９０１５')).toEqual(['４９２９１２３４５６７８９０１５']);
  });

  it('scores published test numbers lower than real-looking ones', () => {
    const [test, real] = detect('4111 1111 1111 1111 and 4929 1234 5678 9015');
    expect(test.score).toBeLessThan(real.score);
  });

  it.each([
    [
      'an article about card fraud with no number',
      'Card fraud rose 12% in 2023; issuers use the Luhn check digit.',
    ],
    ['a number that fails Luhn', 'my order number is 4111 1111 1111 1112'],
    ['a short order number', 'my order number is 4111 1111'],
    ['a Luhn-valid number outside any issuer range', 'number 1234 5678 9012 3452'],
    ['a Luhn-valid number labelled as an order number', 'order number: 4929123456789015'],
    ['a phone-like grouping', 'call 4929 12 34 56 78 90 15'],
    ['part of a longer number', 'id 49291234567890151234'],
    ['a decimal', 'pi is 3.14159265358979323'],
  ])('ignores %s', (_label, text) => {
    expect(detect(text)).toEqual([]);
  });

  it('implements Luhn', () => {
    expect(luhn('79927398713')).toBe(true);
    expect(luhn('79927398710')).toBe(false);
  });
});
