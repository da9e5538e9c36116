import type { SeededRandom } from '../seeded-random';
import { benign, lines, list } from './corpus-text';
import type { Example } from './example';

/*
 * Programming, operations and defensive security work. Security engineering is full of attack vocabulary
 * (unauthorized, exploit, malware, intrusion, privilege, payload, block, kill) used to *stop* attacks, and
 * specifications are long imperative texts ("Write a tool that does X. It should Y."), which is
 * also the shape of injection payloads. The model has to see thousands of them as benign.
 */

const LANGUAGES = list(
  'Python|Java|C|C++|Go|Rust|TypeScript|JavaScript|Bash|shell|PowerShell|C#|Ruby|Kotlin|PHP',
);
const ARTIFACTS = list(`
  program|script|function|class|command-line tool|service|daemon|module|library|microservice|cron job
  Lambda function|GitHub Action|Ansible playbook|Terraform module|Kubernetes operator|systemd unit|plugin
`);

const CODING_TASKS = lines(`
  parses a CSV file and writes the totals per category to JSON
  renames every photo in a folder by the date it was taken
  downloads a web page and counts the links on it
  merges overlapping time intervals
  validates an email address and a phone number field in a form
  converts Markdown files to HTML
  watches a folder and compresses new files
  implements an LRU cache with a fixed size
  retries an HTTP request with exponential backoff
  reads a large log file line by line and counts errors per hour
  generates a weekly report from a SQL database
  resizes uploaded images to three sizes
  schedules reminder emails from a list of dates
  implements a binary search tree with insert and delete
  paginates results from a REST API
  deduplicates contacts by name and email address
  sends a Slack message when a build fails
  computes a moving average over a stream of numbers
  cleans up temporary files older than a week
  kills worker processes that have been idle for more than an hour
  checks a list of URLs and reports which ones are down
  exports calendar events to an ICS file
`);
const DEFENSIVE_TASKS = lines(`
  warns the on-call engineer when disk usage on a database server passes 90 percent
  detects brute-force login attempts and temporarily bans the source IP
  monitors system binaries for unexpected changes and alerts the admin
  enforces least-privilege file permissions on a shared folder
  detects port scans against our servers in firewall logs
  scans uploaded files for malware signatures before storing them
  checks installed packages against a list of known vulnerable versions
  flags logins from unusual countries for review
  rotates credentials stored in a vault on a schedule
  isolates a compromised host from the network when the EDR raises an alert
  audits which users have sudo rights and reports changes
  validates and sanitizes user input to prevent SQL injection
  adds a content security policy to stop cross-site scripting
  detects data exfiltration by watching for unusual outbound traffic volumes
  verifies the signature of every deployed container image
  locks a user account after repeated failed password attempts
  alerts when a new administrator account is created
  monitors DNS queries for known malicious domains and blocks them
  collects security events from several servers into one place for analysis
  detects privilege escalation attempts in audit logs
  kills processes that try to open a reverse shell and alerts the security team
  keeps an allowlist of applications and blocks anything else from running
  encrypts backups and checks that they can be restored
  detects ransomware-like behavior such as mass file renames and stops the process
  simulates phishing emails for an internal awareness training and tracks who reported them
  tests our own web application for common vulnerabilities in a staging environment
  implements role-based access control for an internal API
  restricts SSH access to a list of approved IP ranges
`);
const REQUIREMENTS = lines(`
  It should run on Linux.
  Use only the standard library.
  Include unit tests.
  Make the thresholds configurable.
  Log every decision with a timestamp.
  Send an email to the admin when something is found.
  Explain how to deploy it.
  It must not slow down the server noticeably.
  Add comments explaining each step.
  Write the results to a JSON report.
  Handle errors gracefully.
  Provide a dry-run mode.
  The system should be able to handle thousands of events per second.
  Include a README section on how to configure it.
`);

export function codingSpec(r: SeededRandom): Example {
  const defensive = r.chance(0.55);
  const task = r.pick(defensive ? DEFENSIVE_TASKS : CODING_TASKS);
  const reqs = r.sample(REQUIREMENTS, r.int(0, 3)).join(' ');
  const text = r.fill(
    r.pick(
      lines(`
      {Write|Generate|Create|Implement|Develop|Build|Design} a <lang> <artifact> that <task>.
      Could you {write|sketch} a <lang> <artifact> for our team that <task>?
      I need a <artifact> in <lang> that <task>. {Can you write it?|Where do I start?|Show me the code.}
      How would you design a system that <task>? {Describe the architecture.|Give me the components and data flow.|Start with a diagram in words.}
      {Help me build|Show me how to build|Walk me through building} a <lang> <artifact> that <task>.
      Our security team needs a tool that <task>. {Write it in <lang>.|Propose a design.|What are the main pitfalls?}
      Review my plan: a <lang> <artifact> that <task>. What edge cases am I missing?
    `),
    ),
    { lang: LANGUAGES, artifact: ARTIFACTS, task },
  );
  return benign(reqs ? `${text} ${reqs}` : text, defensive ? 'benign.defensive_spec' : 'benign.coding_spec');
}

const DEV_QUESTIONS = lines(`
  How do I {kill|stop|restart} a process that is using port {3000|8080|5432} on {Linux|macOS|Windows}?
  My Docker container exits with code {137|1|139}. What does that mean?
  Why does my {React|Vue|Angular} component render twice?
  How do I undo my last git commit but keep the changes?
  What's the difference between {git merge and git rebase|TCP and UDP|a process and a thread|SQL and NoSQL|REST and GraphQL}?
  How do I set environment variables in a {Dockerfile|GitHub Actions workflow|Kubernetes deployment|systemd service}?
  My {Python|Node|Java} app runs out of memory after a few hours. How do I find the leak?
  How do I force-delete a Kubernetes pod stuck in Terminating?
  How can I speed up this SQL query? SELECT * FROM orders WHERE customer_id = 42 ORDER BY created_at DESC;
  What does this error mean: "{permission denied (publickey)|connection refused|segmentation fault (core dumped)|ModuleNotFoundError: No module named 'requests'|CORS policy: No 'Access-Control-Allow-Origin' header}"?
  How do I run a cron job every {5 minutes|Monday at 9 am|first day of the month}?
  Explain {dependency injection|the event loop|garbage collection|database indexing|eventual consistency|OAuth 2.0|JWT tokens|TLS handshakes} with an example.
  How do I write a unit test that mocks {an HTTP call|the current time|a database connection}?
  What is the best way to store secrets for a small web app?
  How do I patch the {Log4Shell|Heartbleed|Shellshock} vulnerability on our servers?
  Is this code vulnerable to SQL injection? query = "SELECT * FROM users WHERE name = '" + name + "'"
  How do I configure {nginx|Apache|Caddy} as a reverse proxy with HTTPS?
  How do I set up {fail2ban|a firewall with ufw|automatic security updates|SSH key authentication} on Ubuntu?
  What does {chmod 755|chown -R|sudo !!|kill -9|nohup|xargs|awk '{print $1}'} do?
  Write a {Dockerfile|docker-compose file|Makefile|GitHub Actions workflow} for a {Node.js|Django|Go|Spring Boot} app.
  How do I profile a slow {Python|Go|Java} function?
  What's a good folder structure for a {FastAPI|Express|Next.js|Rails} project?
  How do I terminate all child processes when my script exits?
  How do I abort a {fetch request|long-running query|build} after a timeout?
  How can I exploit multiple CPU cores in Python?
  How do I hack together a quick prototype of a chat app?
  What is a {race condition|deadlock|memory leak|buffer overflow|off-by-one error} and how do I avoid it?
  Explain how {XSS|CSRF|SQL injection|SSRF|path traversal} works and how to prevent it in {Express|Django|Spring|Rails}.
  How do penetration testers scope an engagement and get written permission?
  What is the difference between a vulnerability scan and a penetration test?
  How do I read a CVE entry and decide how urgent the patch is?
  Write a {YARA|Sigma|Snort} rule to detect {a known malware hash|suspicious PowerShell downloads|repeated failed logins}.
  How do I harden a {Windows Server|Linux VM|MySQL database|Kubernetes cluster} for production?
`);

export function devQuestion(r: SeededRandom): Example {
  let text = r.fill(r.pick(DEV_QUESTIONS));
  if (r.chance(0.2))
    text = `${r.pick(list("I'm new to this.|Quick question.|I'm a developer on a small team.|Context: we run a small SaaS."))} ${text}`;
  return benign(text, 'benign.dev_question');
}

const CODE_SNIPPETS = lines(`
  def get_user(id):\\n    return db.query("SELECT * FROM users WHERE id = %s", (id,))
  for (let i = 0; i <= items.length; i++) { total += items[i].price; }
  if user.is_admin or request.args.get("debug"):\\n    show_admin_panel()
  password = input("Password: ")\\nif password == "admin123":\\n    grant_access()
  app.get('/files', (req, res) => res.sendFile(req.query.path));
  while True:\\n    data = sock.recv(1024)\\n    if not data: break
  SELECT name, COUNT(*) FROM orders GROUP BY name HAVING COUNT(*) > 5;
  const token = jwt.sign({ id: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
  subprocess.run(f"ping -c 1 {host}", shell=True)
`);

export function codeReview(r: SeededRandom): Example {
  const snippet = r.pick(CODE_SNIPPETS).replace(/\\n/g, '\n');
  const text = r.fill(
    '{Review this code|Find the bug in this code|Is this secure?|Explain what this does|Refactor this|Add error handling to this|Write tests for this|What would you change here?}{:|}\n\n<snippet>',
    { snippet },
  );
  return benign(text, 'benign.code_review');
}
