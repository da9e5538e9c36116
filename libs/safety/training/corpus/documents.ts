import type { SeededRandom } from '../seeded-random';

/*
 * Content a user asks a model to process — emails, web pages, tables, code, tool output, reviews — with a
 * slot where an indirect injection can be planted. The same generators with the slot empty make the benign
 * documents that teach the model that processing content is normal.
 */

const NAMES = [
  'Alice Martin',
  'Bob Chen',
  'Carla Diaz',
  'David Okafor',
  'Eva Novak',
  'Farid Haddad',
  'Grace Kim',
  'Hugo Weber',
  'Ines Costa',
  'Jon Berg',
];
const COMPANIES = [
  'Northwind Ltd',
  'Acme Logistics',
  'Bluepeak Software',
  'Greenfield Farms',
  'Orbit Dental',
  'Harbor Bank',
  'Lumen Labs',
];
const PRODUCTS = [
  'wireless earbuds',
  'standing desk',
  'espresso machine',
  'hiking boots',
  'air purifier',
  'mechanical keyboard',
  'baby stroller',
];
const TOPICS = [
  'quarterly budget',
  'office move',
  'product launch',
  'hiring plan',
  'server migration',
  'customer survey',
  'holiday schedule',
  'security training',
];

export interface DocumentParts {
  /** The request that frames the content, e.g. "Summarize this email:". */
  task: string;
  /** The content with `<<SLOT>>` where planted text may go. */
  body: string;
  /** How the slot hides what is put in it. */
  wrap: (text: string) => string;
}

const SLOT = '<<SLOT>>';

export function fillSlot(parts: DocumentParts, planted: string | undefined): string {
  const body = parts.body.replace(SLOT, planted === undefined ? '' : parts.wrap(planted));
  return `${parts.task}${body}`;
}

export function randomDocument(r: SeededRandom): DocumentParts {
  return r.pick(GENERATORS)(r);
}

type Generator = (r: SeededRandom) => DocumentParts;

const visible = (text: string) => ` ${text} `;

const email: Generator = (r) => {
  const from = r.pick(NAMES);
  const to = r.pick(NAMES);
  const topic = r.pick(TOPICS);
  return {
    task: r.fill(
      '{Summarize this email|Write a short reply to this email|Create action items based on this email|Classify this email as urgent or not urgent|Translate this email into French|Extract the dates from this email|What does the sender want? Email}:\n\n',
    ),
    body: r.fill(
      `From: ${from}\nTo: ${to}\nSubject: <topic> update\n\nHi ${to.split(' ')[0]},\n\n{Just a quick note about the|Following up on our call about the|Here is where we are with the} <topic>. {We are on track for the end of the month|The vendor asked for two more weeks|Finance approved the revised numbers|We still need sign-off from legal}.${SLOT}{Please review the attached plan by Friday.|Let me know if Thursday works for a meeting.|Can you send me the updated figures?|Thanks for your patience.}\n\nBest,\n${from}`,
      { topic },
    ),
    wrap: r.pick([
      visible,
      (t: string) => `\n\nP.S. ${t}\n\n`,
      (t: string) => `\n\n<!-- ${t} -->\n\n`,
      (t: string) => `\n\n[${t}]\n\n`,
    ]),
  };
};

const webpage: Generator = (r) => {
  const company = r.pick(COMPANIES);
  return {
    task: r.fill(
      '{Summarize this webpage|What is this page about? Here is the HTML|Extract the opening hours from this page|Translate the main text of this page into Spanish|List the products mentioned on this page|Describe the layout of this page}:\n',
    ),
    body: `<html><head><title>${company}</title></head><body><h1>Welcome to ${company}</h1><p>${r.fill('{We have served our community since 1998.|Our team builds tools for small businesses.|Visit our store for seasonal offers.|We are open Monday to Saturday, 9am to 6pm.}')}</p>${SLOT}<p>${r.fill('{Contact us at the front desk.|Follow us for news and updates.|All prices include tax.|Free parking is available behind the building.}')}</p></body></html>`,
    wrap: r.pick([
      (t: string) => `<!-- ${t} -->`,
      (t: string) => `<div style="display:none">${t}</div>`,
      (t: string) => `<span style="color:white;font-size:0">${t}</span>`,
      (t: string) => `<img src="banner.png" alt="${t.replace(/"/g, "'")}">`,
      (t: string) => `<p>${t}</p>`,
      (t: string) => `<meta name="description" content="${t.replace(/"/g, "'")}">`,
    ]),
  };
};

const table: Generator = (r) => {
  const rows = r.sample(
    ['Berlin|3.6', 'Madrid|3.3', 'Rome|2.8', 'Paris|2.1', 'Vienna|1.9', 'Warsaw|1.8', 'Lisbon|0.5'],
    4,
  );
  const markdown = r.chance(0.5);
  const render = (cells: string[]) =>
    markdown ? `| ${cells.join(' | ')} |` : `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const lines = [render(['City', 'Population (millions)']), ...rows.map((row) => render(row.split('|')))];
  return {
    task: r.fill(
      '{What is the total population in this table|Which city is the largest, given this table|Sort these cities by population|Convert this table to CSV|Compute the average population from this table}:\n',
    ),
    body: markdown ? `${lines.join('\n')}\n${SLOT}` : `<table>${lines.join('')}${SLOT}</table>`,
    wrap: markdown ? (t: string) => `| Note | ${t} |` : (t: string) => `<tr><td>Note</td><td>${t}</td></tr>`,
  };
};

const code: Generator = (r) => {
  const python = r.chance(0.6);
  return {
    task: r.fill(
      '{What is the output of this code|Explain what this function does|Find the bug in this code|Add type hints to this code|Write unit tests for this code|Review this code}:\n',
    ),
    body: python
      ? `def ${r.pick(['area', 'average', 'total_price', 'normalize'])}(values):\n    ${SLOT}\n    return sum(values) / len(values)\n\nprint(${r.pick(['area', 'average', 'total_price', 'normalize'])}([2, 4, 6]))`
      : `function ${r.pick(['formatDate', 'sumItems', 'parseQuery'])}(items) {\n  ${SLOT}\n  return items.reduce((a, b) => a + b, 0);\n}`,
    wrap: python ? (t: string) => `# ${t}` : r.pick([(t: string) => `// ${t}`, (t: string) => `/* ${t} */`]),
  };
};

const toolOutput: Generator = (r) => {
  const query = r.pick([
    'weather in Oslo',
    'flights to Lisbon',
    'best pizza near me',
    'python list comprehension',
    'exchange rate EUR USD',
  ]);
  return {
    task: r.fill(
      "{Here is the result from the search tool, answer the user's question|Tool output follows. Summarize it for the user|Use this API response to answer|Observation from the browser tool}:\n",
    ),
    body: `{"tool": "web_search", "query": "${query}", "results": [{"title": "${r.pick(['Guide', 'Overview', 'Top results', 'Forecast'])}", "snippet": "${r.pick(['Mild and cloudy with light rain.', 'Several options from 120 EUR.', 'Open until 11pm daily.', 'Use brackets with a for clause.'])}"}, {"title": "More", "snippet": "${SLOT}"}]}`,
    wrap: (t: string) => t.replace(/"/g, "'"),
  };
};

const review: Generator = (r) => {
  const product = r.pick(PRODUCTS);
  return {
    task: r.fill(
      '{Is this review positive or negative|Summarize this customer review|Extract the main complaint from this review|Rate this review from 1 to 5}:\n',
    ),
    body: r.fill(
      `"{I bought the|We have been using the|Got the} ${product} {last month|two weeks ago|for my dad}. {It works well but the battery could be better.|Setup was easy and it looks great.|Shipping was slow, the product itself is fine.|Honestly disappointed with the build quality.}${SLOT}"`,
    ),
    wrap: visible,
  };
};

const resume: Generator = (r) => {
  const name = r.pick(NAMES);
  return {
    task: r.fill(
      "{Write a personalized outreach email based on this resume|Summarize this candidate's experience|Does this candidate fit a senior backend role? Resume|List the skills in this CV}:\n",
    ),
    body: `${name} — ${r.pick(['Software Engineer', 'Data Analyst', 'Product Designer', 'Nurse', 'Accountant'])}. ${r.int(2, 12)} years of experience ${r.pick(['building web services in Go and TypeScript', 'in hospital care', 'with financial reporting', 'designing mobile apps'])}.${SLOT} Education: ${r.pick(['BSc Computer Science', 'MSc Statistics', 'BA Design', 'BSN Nursing'])}.`,
    wrap: visible,
  };
};

const article: Generator = (r) => ({
  task: r.fill(
    '{What are the main conclusions of this article|Summarize this paper abstract|Give three key points from this text|Translate this paragraph into German}:\n',
  ),
  body: r.fill(
    `'{Regular exercise|A diet rich in fiber|Urban green space|Remote work} {improves|is associated with better} {mental health|sleep quality|productivity|heart health} in adults, according to a {ten-year|large|multi-country} study.${SLOT} The authors call for further research.'`,
  ),
  wrap: visible,
});

const transaction: Generator = (r) => ({
  task: r.fill(
    '{Categorize this bank transaction|Which budget category fits this transaction|Flag this transaction if it looks unusual}:\n',
  ),
  body: `TRANSACTION ID: ${r.int(1000, 9999)}; AMOUNT: ${r.int(5, 400)}.${r.int(10, 99)} EUR; DESCRIPTION: ${r.pick(['GROCERY MARKET', 'CITY PARKING', 'ONLINE BOOKSTORE', 'COFFEE BAR'])}${SLOT}`,
  wrap: (t: string) => ` ${t}`,
});

const GENERATORS: readonly Generator[] = [
  email,
  webpage,
  table,
  code,
  toolOutput,
  review,
  resume,
  article,
  transaction,
];
