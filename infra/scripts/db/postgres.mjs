// Postgres side of the offline migration tooling: throwaway databases, and the driver adapter factory the
// WebAssembly schema engine drives, with the defects of @prisma/adapter-pg 7.10.1 worked around.
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import pg from 'pg';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Postgres OID of the internal one-byte `"char"` type (pg_class.relkind, pg_constraint.contype, ...). */
const CHAR_OID = 18;
const TEXT_OID = 25;

export function assertIdentifier(kind, value) {
  if (!IDENTIFIER.test(value)) throw new Error(`Invalid Postgres ${kind} "${value}"`);
  return value;
}

function quoteIdentifier(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The database named in a connection URL. */
export function databaseNameOf(databaseUrl) {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, '')) || 'postgres';
}

/** The Postgres schema a URL selects with `?schema=`, as Prisma and libs/config read it. */
export function schemaFromUrl(databaseUrl) {
  return new URL(databaseUrl).searchParams.get('schema') ?? undefined;
}

/** node-postgres settings for one database of the server in `databaseUrl`, with `schema` as search_path. */
export function clientConfig(databaseUrl, database, schema) {
  const url = new URL(databaseUrl);
  url.searchParams.delete('schema');
  url.pathname = `/${encodeURIComponent(database)}`;
  const config = { connectionString: url.toString(), application_name: 'rampart-db-migrations' };
  if (schema) config.options = `-c search_path=${assertIdentifier('schema', schema)}`;
  return config;
}

/**
 * adapter-pg 7.10.1 throws "Unsupported column type char" for `"char"` columns, which the schema engine's
 * catalog queries select (pg_constraint.contype, ...). Their values arrive as one-character strings: the
 * adapter is made to accept them as text and to report them as Character, the type the engine reads them as
 * (reported as Text, a CHECK constraint makes the engine panic in its describer).
 */
function reportCharColumnsAsCharacter(adapter) {
  const charColumns = new WeakMap();
  const performIO = adapter.performIO.bind(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.performIO = async (query) => {
    const result = await performIO(query);
    const indexes = [];
    result?.fields?.forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        indexes.push(index);
      }
    });
    if (indexes.length > 0) charColumns.set(query, indexes);
    return result;
  };
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
}

/**
 * An adapter-pg adapter on one database and schema. Its `executeScript` splits scripts on every `;` (inside
 * comments and dollar-quoted function bodies too); migrations are sent whole instead, in one simple-protocol
 * query, which is how Prisma's native schema engine applies them.
 */
async function connectAdapter(databaseUrl, database, schema) {
  const pool = new pg.Pool({ ...clientConfig(databaseUrl, database, schema), max: 2, allowExitOnIdle: true });
  pool.on('error', () => undefined);
  const adapter = await new PrismaPg(pool, { schema, disposeExternalPool: true }).connect();
  reportCharColumnsAsCharacter(adapter);
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

const liveTemporaryDatabases = new Set();

/** Drops the temporary databases of every run in this process: for exits that skip `finally` blocks. */
export async function dropEveryTemporaryDatabase() {
  const results = await Promise.allSettled(
    [...liveTemporaryDatabases].map((databases) => databases.dropAll()),
  );
  const failures = results
    .filter((result) => result.status === 'rejected')
    .map((result) => result.reason.message);
  if (failures.length > 0) throw new Error(failures.join('; '));
}

/**
 * Uniquely named databases created for one run and always dropped: shadow databases the engine applies the
 * migration files to, and scratch databases standing in for a development database. They live on the server
 * of `databaseUrl`, are created from its maintenance database, and never share anything with real data.
 */
export class TemporaryDatabases {
  #databaseUrl;
  #log;
  #live = new Set();
  /** Every database created, in order, dropped or not. */
  created = [];

  constructor({ databaseUrl, log = () => undefined }) {
    this.#databaseUrl = databaseUrl;
    this.#log = log;
  }

  async #admin(sql) {
    // CREATE/DROP DATABASE cannot run in the database they target: use the maintenance database, or the
    // URL's own database where the login user may not connect to `postgres`.
    const candidates = [...new Set(['postgres', databaseNameOf(this.#databaseUrl)])];
    let lastError;
    for (const database of candidates) {
      const client = new pg.Client(clientConfig(this.#databaseUrl, database));
      client.on('error', () => undefined);
      try {
        await client.connect();
      } catch (error) {
        lastError = error;
        continue;
      }
      try {
        return await client.query(sql);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    throw lastError;
  }

  /** Creates an empty database (holding `schema` when it is not public) and returns its name. */
  async create(purpose, schema = 'public') {
    const name = `rampart_tmp_${purpose}_${randomBytes(6).toString('hex')}`;
    await this.#admin(`CREATE DATABASE ${quoteIdentifier(name)}`);
    this.#live.add(name);
    liveTemporaryDatabases.add(this);
    this.created.push(name);
    this.#log(`created temporary database ${name}`);
    if (schema !== 'public') {
      const client = new pg.Client(clientConfig(this.#databaseUrl, name));
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${quoteIdentifier(assertIdentifier('schema', schema))}`);
      } finally {
        await client.end();
      }
    }
    return name;
  }

  /** Drops a database created here, disconnecting whatever still uses it (adapter-pg drops before closing). */
  async drop(name) {
    if (!this.#live.has(name)) return;
    await this.#admin(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    this.#live.delete(name);
    if (this.#live.size === 0) liveTemporaryDatabases.delete(this);
    this.#log(`dropped temporary database ${name}`);
  }

  /** Drops every database still alive; reports, rather than hides, one that could not be dropped. */
  async dropAll() {
    const failures = [];
    for (const name of [...this.#live]) {
      try {
        await this.drop(name);
      } catch (error) {
        failures.push(`${name}: ${error.message}`);
      }
    }
    if (failures.length > 0) throw new Error(`Could not drop temporary database(s): ${failures.join('; ')}`);
  }
}

/**
 * The migration-aware adapter factory the schema engine takes: `connect()` is the engine's main database,
 * `connectToShadowDb()` a fresh temporary database per call, dropped when the engine disposes of it.
 * adapter-pg's own connectToShadowDb is not used: given a connection string it connects to the main database,
 * and it drops the shadow database before closing its pool.
 * Main and shadow use the same schema name: the engine places the datamodel in the main connection's schema
 * and describes the shadow's, so different names would show up as a difference.
 */
export function migrationAwareAdapterFactory({ databaseUrl, mainDatabase, schema, temporaryDatabases }) {
  const open = new Set();
  const track = (adapter, onDispose = async () => undefined) => {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      open.delete(adapter);
      try {
        await dispose();
      } finally {
        await onDispose();
      }
    };
    open.add(adapter);
    return adapter;
  };
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    async connect() {
      return track(await connectAdapter(databaseUrl, mainDatabase, schema));
    },
    async connectToShadowDb() {
      const name = await temporaryDatabases.create('shadow', schema);
      const adapter = await connectAdapter(databaseUrl, name, schema);
      return track(adapter, () => temporaryDatabases.drop(name));
    },
    /** Closes the connections the engine still holds (it does not dispose of its main connection). */
    async disposeAll() {
      await Promise.allSettled([...open].map((adapter) => adapter.dispose()));
    },
  };
}

/** Runs `fn` with a plain client on one database and schema, for read-only probes. */
export async function withClient(databaseUrl, database, schema, fn) {
  const client = new pg.Client(clientConfig(databaseUrl, database, schema));
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
