// The offline drift check and migration generator (infra/scripts/db-migrations.mjs), run as CI and developers
// run it: as a node process against the real Postgres, asserting on exit codes and output. The script loads
// Prisma's WebAssembly schema engine through its ES-module glue, which jest's CommonJS runtime cannot load.
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { applyMigrations, ensureDatabase, readMigrations } from '@rampart/database';
import { infraUrls } from '@rampart/testing';

const ROOT = resolve(__dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'infra', 'scripts', 'db-migrations.mjs');
const SCHEMA = join(ROOT, 'libs', 'database', 'prisma', 'schema.prisma');
const MIGRATIONS = join(ROOT, 'libs', 'database', 'prisma', 'migrations');
const LOCKFILE = join(MIGRATIONS, 'migration_lock.toml');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const databaseUrl = infraUrls().databaseUrl;

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('DATABASE_SCHEMA' in env)) delete childEnv.DATABASE_SCHEMA;
  return new Promise((done) => {
    execFile(
      process.execPath,
      [SCRIPT, ...args, '--database-url', databaseUrl],
      { cwd: ROOT, env: childEnv, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** The temporary databases a --verbose run reports having created. */
function temporaryDatabasesOf(result: Run): string[] {
  return [...result.stderr.matchAll(/created temporary database (\S+)/g)].map((match) => match[1]);
}

async function existingDatabases(names: string[]): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = ANY($1)',
      [names],
    );
    return found.rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

// A self-contained project for the generator: one table, and next to it everything Prisma cannot express that
// our migrations add by hand (role, grants, CHECK constraint, function, trigger, NOTIFY, comments), with
// semicolons inside comments and dollar-quoted bodies.
const FIXTURE_MIGRATION = `-- Notes; a fixture.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rampart_service') THEN
    CREATE ROLE rampart_service NOLOGIN;
  END IF;
END
$$;

CREATE TABLE "note" (
    "id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "author" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "note_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "note_created_at_idx" ON "note"("created_at");

ALTER TABLE "note" ADD CONSTRAINT "note_body_not_blank" CHECK (length(trim("body")) > 0);

CREATE FUNCTION "note_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('note_created', NEW.id::text);
  RETURN NEW;
END
$$;

CREATE TRIGGER "note_notify" AFTER INSERT ON "note" FOR EACH ROW EXECUTE FUNCTION "note_notify"();
REVOKE ALL ON "note" FROM PUBLIC;
GRANT SELECT, INSERT ON "note" TO rampart_service;
COMMENT ON TABLE "note" IS 'Notes; a fixture';
`;

const FIXTURE_SCHEMA = `datasource db {
  provider = "postgresql"
}

model Note {
  id        String   @id @db.Uuid
  body      String
  author    String?
  createdAt DateTime @default(now()) @map("created_at") @db.Timestamptz(3)

  @@index([createdAt])
  @@map("note")
}
`;

describe('schema drift check and migration generator (infra/scripts/db-migrations.mjs)', () => {
  let work: string;

  /** A migrations directory holding `migrations` (name → SQL) and the project's lockfile. */
  function migrationsDir(label: string, migrations: Record<string, string>): string {
    const dir = join(work, label);
    mkdirSync(dir, { recursive: true });
    cpSync(LOCKFILE, join(dir, 'migration_lock.toml'));
    for (const [name, sql] of Object.entries(migrations)) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'migration.sql'), sql);
    }
    return dir;
  }

  function schemaFile(label: string, content: string): string {
    const path = join(work, `${label}.prisma`);
    writeFileSync(path, content);
    return path;
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'rampart-schema-drift-'));
    // The tool itself only needs the server; these tests also read the database in the URL.
    await ensureDatabase({ url: databaseUrl, schema: 'public', poolMax: 1 }).catch(
      (error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error; // created meanwhile by another suite
      },
    );
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('finds that the committed schema.prisma and migrations agree', async () => {
    const result = await run(['check']);

    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('schema.prisma and migrations agree');
    expect(result.code).toBe(0);
  });

  it('fails with the SQL a migration needs when schema.prisma adds a column and a model the migrations lack', async () => {
    const schema = readFileSync(SCHEMA, 'utf8')
      .replace(/(model AuditEntry \{\n)/, '$1  tenant        String?\n')
      .concat('\nmodel DriftProbe {\n  id Int @id\n\n  @@map("drift_probe")\n}\n');
    expect(schema).toContain('tenant        String?');

    const result = await run(['check', '--schema', schemaFile('added-column', schema)]);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('schema.prisma and migrations disagree');
    expect(result.stdout).toContain('[+] Added column `tenant`');
    expect(result.stdout).toContain('ALTER TABLE "audit_log" ADD COLUMN     "tenant" TEXT;');
    expect(result.stdout).toContain('CREATE TABLE "drift_probe"');
  });

  it('ignores the role, grants, CHECK constraint, function, trigger, NOTIFY and comments migrations add by hand', async () => {
    const migrations = migrationsDir('hand-written', { '20260101000000_notes': FIXTURE_MIGRATION });

    const result = await run([
      'check',
      '--verbose',
      '--schema',
      schemaFile('notes', FIXTURE_SCHEMA),
      '--migrations',
      migrations,
    ]);

    expect(result.stdout.trim()).toBe('schema.prisma and migrations agree');
    expect(result.code).toBe(0);
    const temporary = temporaryDatabasesOf(result);
    expect(temporary.length).toBeGreaterThanOrEqual(2);
    await expect(existingDatabases(temporary)).resolves.toEqual([]);
  });

  it('reports an index the migrations create but schema.prisma lacks', async () => {
    const migrations = migrationsDir('extra-index', {
      '20260101000000_notes': `${FIXTURE_MIGRATION}\nCREATE INDEX "note_author_idx" ON "note"("author");\n`,
    });

    const result = await run([
      'check',
      '--schema',
      schemaFile('notes', FIXTURE_SCHEMA),
      '--migrations',
      migrations,
    ]);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('DROP INDEX "note_author_idx";');
  });

  it('exits 2 naming the migration that does not apply, and still drops its temporary databases', async () => {
    const migrations = migrationsDir('broken', {
      '20260101000000_notes': FIXTURE_MIGRATION,
      '20260102000000_broken': 'ALTER TABLE "no_such_table" ADD COLUMN "x" TEXT;\n',
    });

    const result = await run([
      'check',
      '--verbose',
      '--schema',
      schemaFile('notes', FIXTURE_SCHEMA),
      '--migrations',
      migrations,
    ]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('20260102000000_broken');
    expect(result.stderr).toContain('failed to apply cleanly to the shadow database');
    const temporary = temporaryDatabasesOf(result);
    expect(temporary.length).toBeGreaterThanOrEqual(2);
    await expect(existingDatabases(temporary)).resolves.toEqual([]);
  });

  it('creates <UTC yyyyMMddHHmmss>_<name>/migration.sql with the SQL of the difference, after which the check agrees', async () => {
    const migrations = migrationsDir('create', { '20260101000000_notes': FIXTURE_MIGRATION });
    const changed = schemaFile(
      'notes-with-title',
      FIXTURE_SCHEMA.replace(
        '  author    String?\n',
        '  author    String?\n  title     String   @default("")\n',
      ),
    );
    const before = new Date();

    const result = await run(['create', 'add_note_title', '--schema', changed, '--migrations', migrations]);

    expect(result.code).toBe(0);
    const created = readdirSync(migrations).filter((name) => name.endsWith('_add_note_title'));
    expect(created).toHaveLength(1);
    const [directory] = created as [string];
    expect(directory).toMatch(/^\d{14}_add_note_title$/);
    const stamp = directory.slice(0, 14);
    const utc = (date: Date) => date.toISOString().replace(/\D/g, '').slice(0, 14);
    expect(stamp >= utc(new Date(before.getTime() - 1000))).toBe(true);
    expect(stamp <= utc(new Date())).toBe(true);
    const sql = readFileSync(join(migrations, directory, 'migration.sql'), 'utf8');
    expect(sql).toBe(
      '-- AlterTable\nALTER TABLE "note" ADD COLUMN     "title" TEXT NOT NULL DEFAULT \'\';\n',
    );
    expect(result.stdout).toContain(`${directory}/migration.sql`);

    const after = await run(['check', '--schema', changed, '--migrations', migrations]);
    expect(after.stdout.trim()).toBe('schema.prisma and migrations agree');
    expect(after.code).toBe(0);
  });

  it('refuses a bad migration name and an empty difference, writing nothing', async () => {
    const migrations = migrationsDir('refusals', { '20260101000000_notes': FIXTURE_MIGRATION });
    const schema = schemaFile('notes', FIXTURE_SCHEMA);
    const changed = schemaFile('notes-without-author', FIXTURE_SCHEMA.replace('  author    String?\n', ''));

    const badName = await run(['create', 'Drop Author!', '--schema', changed, '--migrations', migrations]);
    const empty = await run(['create', 'nothing', '--schema', schema, '--migrations', migrations]);

    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain('Invalid migration name "Drop Author!"');
    expect(badName.stderr).toContain('"drop_author"');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('already agree');
    expect(readdirSync(migrations).sort()).toEqual(['20260101000000_notes', 'migration_lock.toml']);
  });

  it('warns about data loss with the row counts of a migrated development database, which it leaves unchanged', async () => {
    const migrations = migrationsDir('data-loss', { '20260101000000_notes': FIXTURE_MIGRATION });
    const schema = `t_schema_drift_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA "${schema}"`);
      await applyMigrations(admin, { files: readMigrations(migrations) });
      await admin.query(`INSERT INTO note (id, body, author) VALUES ($1, 'hello', 'ada')`, [randomUUID()]);
      const changed = schemaFile('notes-without-author', FIXTURE_SCHEMA.replace('  author    String?\n', ''));

      const result = await run(
        ['create', 'drop_note_author', '--schema', changed, '--migrations', migrations],
        {
          DATABASE_SCHEMA: schema,
        },
      );

      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`Data loss evaluated against the rows of database`);
      expect(result.stderr).toContain(`schema "${schema}"`);
      expect(result.stderr).toContain(
        'You are about to drop the column `author` on the `note` table, which still contains 1 non-null values.',
      );
      const author = await admin.query(
        `SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'note' AND column_name = 'author'`,
        [schema],
      );
      expect(author.rowCount).toBe(1);
      const applied = await admin.query('SELECT migration_name FROM _prisma_migrations');
      expect(applied.rows).toEqual([{ migration_name: '20260101000000_notes' }]);
      expect(existsSync(migrations)).toBe(true);
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  });
});
