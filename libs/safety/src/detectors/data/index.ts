import type { Detector } from '../../types';
import { EmailDetector } from './email.detector';
import { IbanDetector } from './iban.detector';
import { IpAddressDetector } from './ip-address.detector';
import { PaymentCardDetector } from './payment-card.detector';
import { PhoneDetector } from './phone.detector';
import { SecretsDetector } from './secrets.detector';
import { SsnDetector } from './ssn.detector';
import { UkNinoDetector } from './uk-nino.detector';

export { EmailDetector, findEmails } from './email.detector';
export { IbanDetector, findIbans, mod97 } from './iban.detector';
export { IpAddressDetector, findIpv4, findIpv6, parseIpv6 } from './ip-address.detector';
export { PaymentCardDetector, findPaymentCards, luhn } from './payment-card.detector';
export { PhoneDetector, findPhones } from './phone.detector';
export { SecretsDetector, findSecrets } from './secrets.detector';
export { SsnDetector, findSsns } from './ssn.detector';
export { UkNinoDetector, findUkNinos } from './uk-nino.detector';
export { shannonEntropy } from './entropy';
export type { DataMatch } from './data-finding';
export type { SecretMatch } from './secret-rules';

/** Every PII detector and the secrets detector, for input and output. */
export function createDataDetectors(): Detector[] {
  return [
    new EmailDetector(),
    new PhoneDetector(),
    new PaymentCardDetector(),
    new IbanDetector(),
    new SsnDetector(),
    new UkNinoDetector(),
    new IpAddressDetector(),
    new SecretsDetector(),
  ];
}
