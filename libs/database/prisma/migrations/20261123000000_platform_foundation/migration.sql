-- Platform foundation: the tamper-evident audit log, the transactional outbox and the consumers' inbox.
-- Runs in the schema selected by the connection's search_path; grants go to the NOLOGIN group role
-- rampart_service, which every service assumes (DATABASE_ROLE) whatever user it logs in as.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rampart_service') THEN
    CREATE ROLE rampart_service NOLOGIN;
  END IF;
END
$$;

DO $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO rampart_service', current_schema());
END
$$;

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "chain" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "service" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "reason" TEXT,
    "rule" TEXT,
    "evidence" JSONB,
    "correlation_id" TEXT NOT NULL,
    "causation_id" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_chain_head" (
    "chain" TEXT NOT NULL,
    "seq" BIGINT NOT NULL DEFAULT 0,
    "hash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("chain")
);

-- CreateTable
CREATE TABLE "bus_outbox" (
    "id" UUID NOT NULL,
    "service" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "payload" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bus_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bus_inbox" (
    "consumer" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bus_inbox_pkey" PRIMARY KEY ("consumer","message_id")
);

-- CreateIndex
CREATE INDEX "audit_log_correlation_id_idx" ON "audit_log"("correlation_id");

-- CreateIndex
CREATE INDEX "audit_log_resource_occurred_at_idx" ON "audit_log"("resource", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "audit_log_chain_seq_key" ON "audit_log"("chain", "seq");

-- CreateIndex
CREATE INDEX "bus_outbox_service_next_attempt_at_idx" ON "bus_outbox"("service", "next_attempt_at");

-- CreateIndex
CREATE INDEX "bus_inbox_processed_at_idx" ON "bus_inbox"("processed_at");

-- The audit log is append-only for everyone, the table owner included: grants keep the services' role from
-- changing it, and these triggers stop anyone else short of a superuser who disables them, which
-- `rampart audit verify` then detects through the hash chains.
CREATE FUNCTION "audit_log_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_reject_change"();
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_reject_change"();

-- A chain head only moves forward, and only by appends: it is what reveals a truncated chain. Its hash
-- changes only together with its seq (the appender's lock upsert rewrites the row unchanged).
CREATE FUNCTION "audit_chain_head_forward_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.chain = OLD.chain
     AND (NEW.seq > OLD.seq OR (NEW.seq = OLD.seq AND NEW.hash = OLD.hash)) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_chain_head only moves forward: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "audit_chain_head_forward_only" BEFORE UPDATE OR DELETE ON "audit_chain_head"
  FOR EACH ROW EXECUTE FUNCTION "audit_chain_head_forward_only"();
CREATE TRIGGER "audit_chain_head_no_truncate" BEFORE TRUNCATE ON "audit_chain_head"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_chain_head_forward_only"();

-- Wake the outbox relay as soon as a transaction that wrote events commits (NOTIFY is delivered on commit).
CREATE FUNCTION "bus_outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rampart_outbox', TG_TABLE_SCHEMA);
  RETURN NULL;
END
$$;

CREATE TRIGGER "bus_outbox_notify" AFTER INSERT ON "bus_outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION "bus_outbox_notify"();

REVOKE ALL ON "audit_log", "audit_chain_head", "bus_outbox", "bus_inbox" FROM PUBLIC;
GRANT SELECT, INSERT ON "audit_log" TO rampart_service;
GRANT SELECT, INSERT, UPDATE ON "audit_chain_head" TO rampart_service;
GRANT SELECT, INSERT, UPDATE, DELETE ON "bus_outbox", "bus_inbox" TO rampart_service;
-- Services refuse to start on a schema that lacks migrations; they check as this role. rampart db migrate
-- and prisma migrate deploy create the table before this runs; Prisma's shadow database has none.
DO $$
BEGIN
  IF to_regclass('_prisma_migrations') IS NOT NULL THEN
    GRANT SELECT ON "_prisma_migrations" TO rampart_service;
  END IF;
END
$$;
