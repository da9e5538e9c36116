-- CreateTable
CREATE TABLE "guardrail_policy_version" (
    "version" SERIAL NOT NULL,
    "label" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "canary_percent" INTEGER NOT NULL DEFAULT 0,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stage_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stage_reason" TEXT,

    CONSTRAINT "guardrail_policy_version_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "guardrail_false_positive" (
    "id" UUID NOT NULL,
    "decision_id" TEXT NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "reported_by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guardrail_false_positive_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "guardrail_policy_version_digest_key" ON "guardrail_policy_version"("digest");

-- CreateIndex
CREATE INDEX "guardrail_policy_version_stage_idx" ON "guardrail_policy_version"("stage");

-- CreateIndex
CREATE INDEX "guardrail_false_positive_policy_version_created_at_idx" ON "guardrail_false_positive"("policy_version", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "guardrail_false_positive_decision_id_reported_by_key" ON "guardrail_false_positive"("decision_id", "reported_by");

-- At most one stable version and one candidate (shadow or canary) at any time, whatever the API does.
CREATE UNIQUE INDEX "guardrail_policy_version_one_stable" ON "guardrail_policy_version" ((true)) WHERE "stage" = 'stable';
CREATE UNIQUE INDEX "guardrail_policy_version_one_candidate" ON "guardrail_policy_version" ((true)) WHERE "stage" IN ('shadow', 'canary');

ALTER TABLE "guardrail_policy_version" ADD CONSTRAINT "guardrail_policy_version_canary_percent_range"
  CHECK ("canary_percent" BETWEEN 0 AND 100);

REVOKE ALL ON "guardrail_policy_version", "guardrail_false_positive" FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON "guardrail_policy_version" TO rampart_service;
GRANT USAGE ON SEQUENCE "guardrail_policy_version_version_seq" TO rampart_service;
GRANT SELECT, INSERT ON "guardrail_false_positive" TO rampart_service;
