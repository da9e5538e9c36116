import type { SeededRandom } from '../seeded-random';
import { list } from './corpus-text';

/*
 * Open-class vocabulary of ordinary assistant traffic: people, contact details, places, organisations,
 * products and subjects. Benign families draw slots from here so that names, e-mail addresses and phone
 * numbers show up in thousands of harmless texts, and the model cannot learn that an address or a name
 * is itself a sign of an attack.
 */

export const FIRST_NAMES = list(`
  Anna|Ben|Chloe|Daniel|Elena|Farah|George|Hana|Ivan|Julia|Kenji|Laura|Mateo|Nadia|Oscar|Paula|Quentin|Rosa
  Samuel|Tara|Umar|Valeria|William|Ximena|Yusuf|Zoe|Aaliyah|Bruno|Camille|Dmitri|Esther|Felix|Gabriela|Hiro
  Isabel|Jonas|Keisha|Lars|Mariam|Nikhil|Olga|Pedro|Ruth|Stefan|Thandiwe|Uma|Victor|Wen|Yara|Ahmed|Bianca
  Connor|Deepa|Emil|Fatima|Grace|Hassan|Ingrid|Jorge|Kaito|Leila|Marcus|Nora|Omar|Priya|Rafael|Sofia|Theo
  Linda|Kevin|Sarah|Michael|Jennifer|David|Jessica|Robert|Emily|James|Maria|Thomas|Lucy|Peter|Helen|Jack
`);

export const LAST_NAMES = list(`
  Smith|Garcia|Müller|Rossi|Nakamura|Okafor|Kowalski|Johansson|Dubois|Silva|Patel|Kim|Nguyen|Ivanova|Haddad
  Andersen|Fischer|Moreau|Santos|Chen|Tanaka|Mensah|Novak|Lindqvist|Ferreira|Gupta|Park|Tran|Petrov|Rahman
  Brown|Lopez|Weber|Bianchi|Suzuki|Adeyemi|Horvat|Eklund|Laurent|Costa|Shah|Lee|Pham|Volkov|Aziz|Taylor
  Martin|Clarke|Jensen|O'Brien|Schmidt|Romano|Yamamoto|Diallo|Wright|Hughes|Reyes|Murphy|Baker|Evans
`);

const DOMAINS = list(`
  example.com|example.org|example.net|mail.com|outlook.com|gmail.com|yahoo.com|proton.me|fastmail.com
  company.com|acme.io|northwind.co|brightlabs.io|globex.com|initech.net|contoso.com|fabrikam.org|umbrella.co
  university.edu|school.org|cityhall.gov|clinic.health|shop.store|studio.design|agency.co.uk|firma.de
`);

export function fullName(r: SeededRandom): string {
  const first = r.pick(FIRST_NAMES);
  return r.chance(0.15) ? first : `${first} ${r.pick(LAST_NAMES)}`;
}

/** An address of a made-up person or a role mailbox, in the shapes people really use. */
export function emailAddress(r: SeededRandom, name?: string): string {
  const [first, last] = (name ?? `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .split(' ');
  const surname =
    last ??
    r
      .pick(LAST_NAMES)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  const local = r.pick([
    `${first}.${surname}`,
    `${first}${surname}`,
    `${first.charAt(0)}${surname}`,
    `${first}_${surname}${r.int(1, 99)}`,
    `${first}`,
    r.pick(list('info|billing|support|hr|sales|accounts|hello|orders|office|team|bookings|admin|careers')),
  ]);
  return `${local}@${r.pick(DOMAINS)}`;
}

export function phoneNumber(r: SeededRandom): string {
  const d = (n: number) => Array.from({ length: n }, () => String(r.int(0, 9))).join('');
  return r.pick([
    `(${r.int(201, 989)}) 555-${d(4)}`,
    `${r.int(201, 989)}-555-${d(4)}`,
    `+1 ${r.int(201, 989)} 555 ${d(4)}`,
    `+44 20 ${d(4)} ${d(4)}`,
    `+49 30 ${d(8)}`,
    `+33 1 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`,
    `07${d(3)} ${d(6)}`,
    `+61 4${d(2)} ${d(3)} ${d(3)}`,
  ]);
}

export const CITIES = list(`
  Portland|Chicago|Toronto|Mexico City|Lisbon|Barcelona|Prague|Vienna|Copenhagen|Reykjavik|Dublin|Edinburgh
  Amsterdam|Berlin|Munich|Rome|Florence|Athens|Istanbul|Cairo|Nairobi|Cape Town|Marrakesh|Dubai|Mumbai|Delhi
  Bangkok|Hanoi|Singapore|Bali|Tokyo|Kyoto|Osaka|Seoul|Beijing|Shanghai|Hong Kong|Taipei|Sydney|Melbourne
  Auckland|Queenstown|Honolulu|San Francisco|Los Angeles|New York|Boston|Austin|New Orleans|Miami|Denver
  Vancouver|Montreal|Havana|Bogotá|Lima|Cusco|Santiago|Buenos Aires|Rio de Janeiro|Porto|Seville|Paris|Nice
  London|Manchester|Oslo|Stockholm|Helsinki|Tallinn|Kraków|Budapest|Zagreb|Dubrovnik|Split|Valletta|Naples
`);

export const COUNTRIES = list(`
  Japan|Italy|Portugal|Mexico|Canada|Kenya|Peru|Vietnam|Norway|Greece|Morocco|Iceland|Chile|Thailand|India
  Brazil|Spain|Germany|France|Ireland|Scotland|New Zealand|Australia|Croatia|Turkey|Egypt|South Korea|Poland
`);

export const COMPANIES = list(`
  Northwind Traders|Acme Corp|Bluepeak Software|Greenfield Farms|Harbor Dental|Lumen Labs|Oakridge Realty
  Riverside Bakery|Summit Outdoor Gear|Pixel & Co|Brightpath Tutoring|Cedar Health Clinic|Metro Plumbing
  Sunrise Yoga Studio|Atlas Logistics|Nimbus Cloud Services|Golden Fork Bistro|Evergreen Landscaping
  Polar Freight|Maple Street Books|Quantum Analytics|Coastal Insurance|Redwood Legal|Sparrow Design Studio
`);

export const PRODUCTS = list(`
  wireless headphones|standing desk|espresso machine|running shoes|air purifier|mechanical keyboard|stroller
  robot vacuum|electric kettle|yoga mat|smartwatch|office chair|camping tent|blender|e-reader|dishwasher
  winter jacket|backpack|desk lamp|phone case|coffee grinder|bike helmet|water bottle|router|monitor|sofa
`);

export const FOODS = list(`
  lasagna|banana bread|chicken curry|vegetable soup|sourdough bread|pancakes|guacamole|risotto|ramen|tacos
  apple pie|lentil stew|pad thai|falafel|chocolate chip cookies|roast chicken|paella|hummus|brownies|quiche
  shakshuka|pho|dumplings|mac and cheese|Caesar salad|lemon cake|chili con carne|gazpacho|tiramisu|curry
`);

export const HOBBIES = list(`
  gardening|knitting|rock climbing|photography|baking|chess|birdwatching|woodworking|running|painting
  playing the guitar|learning Japanese|pottery|yoga|cycling|hiking|calligraphy|board games|sewing|swimming
`);

export const SCHOOL_SUBJECTS = list(`
  algebra|geometry|biology|chemistry|physics|world history|economics|statistics|English literature
  Spanish grammar|geography|computer science|music theory|art history|psychology|philosophy|calculus
`);

export const TOPICS = list(`
  remote work|electric cars|climate change|urban gardening|renewable energy|the Roman Empire|jazz|bees
  space exploration|healthy sleep|personal finance|social media|artificial intelligence|recycling|tea
  volcanoes|coral reefs|the Olympic Games|public transport|minimalism|coffee culture|board games|podcasts
  the printing press|video games|dinosaurs|the human brain|ocean plastics|vegetarian cooking|meditation
`);

export const JOBS = list(`
  nurse|software engineer|teacher|accountant|graphic designer|electrician|pharmacist|project manager
  marketing coordinator|data analyst|chef|paralegal|dental hygienist|sales associate|librarian|architect
  social worker|mechanic|barista|HR specialist|product designer|physiotherapist|customer service agent
`);

export const RELATIONS = list(`
  my manager|my landlord|a client|our customers|my team|a new hire|my neighbor|the school principal
  my kid's teacher|a recruiter|the HR department|my coworkers|a supplier|the city council|my professor
  my parents|my best friend|my sister|a potential investor|the hiring manager|our volunteers|the board
`);

export const WEEKDAYS = list('Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday');
export const MONTHS = list(
  'January|February|March|April|May|June|July|August|September|October|November|December',
);

export function date(r: SeededRandom): string {
  return r.pick([
    `${r.pick(MONTHS)} ${r.int(1, 28)}`,
    `${r.int(1, 28)} ${r.pick(MONTHS)}`,
    `${r.pick(WEEKDAYS)}, ${r.pick(MONTHS)} ${r.int(1, 28)}`,
    `${r.int(1, 12)}/${r.int(1, 28)}/202${r.int(3, 7)}`,
    `202${r.int(3, 7)}-0${r.int(1, 9)}-${r.int(10, 28)}`,
    `next ${r.pick(WEEKDAYS)}`,
  ]);
}

export function money(r: SeededRandom): string {
  return r.pick([`$${r.int(5, 2500)}`, `€${r.int(5, 900)}.${r.int(10, 99)}`, `£${r.int(10, 400)}`]);
}

export function orderNumber(r: SeededRandom): string {
  return r.pick([`#${r.int(10000, 99999)}`, `INV-${r.int(1000, 9999)}`, `A${r.int(100000, 999999)}`]);
}
