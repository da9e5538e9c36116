export * from './audit-error';
export { canonicalJson, type CanonicalJsonOptions, type JsonValue } from './canonical-json';
export {
  DEFAULT_ENTRY_LIMITS,
  type AuditEntryInput,
  type AuditRecord,
  type EntryLimits,
  type StoredAuditEntry,
} from './audit-entry';
export {
  GENESIS_HASH,
  MAX_CHAIN_SHARDS,
  chainFor,
  computeEntryHash,
  hashMaterial,
  type ChainHead,
  type HashedFields,
} from './audit-chain';
export { AuditLog, type AuditLogOptions } from './audit-log';
export { AuditChainWalker, type VerifyProblem, type VerifyProblemKind } from './audit-chain-walker';
export {
  AuditVerifier,
  verifyAuditLog,
  type AuditVerifierOptions,
  type VerifyOptions,
  type VerifyResult,
} from './audit-verifier';
export { formatVerifyReport } from './audit-verify-report';
export { anchorKey, KvAuditAnchorStore, type AuditAnchor, type AuditAnchorStore } from './audit-anchor.store';
export { AuditAnchorer, type AuditAnchorerOptions } from './audit-anchorer';
