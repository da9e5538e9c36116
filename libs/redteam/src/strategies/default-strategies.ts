import { Base64Mutator } from './encoding/base64.mutator';
import { HexMutator } from './encoding/hex.mutator';
import { Rot13Mutator } from './encoding/rot13.mutator';
import { UrlEncodeMutator } from './encoding/url-encode.mutator';
import { AdversarialSuffixMutator } from './framing/adversarial-suffix.mutator';
import { AsResponseMutator } from './framing/as-response.mutator';
import { AuthorityMutator } from './framing/authority.mutator';
import { FictionMutator } from './framing/fiction.mutator';
import { ManyShotMutator } from './framing/many-shot.mutator';
import { PlainMutator } from './framing/plain.mutator';
import { RefusalSuppressionMutator } from './framing/refusal-suppression.mutator';
import { RoleplayMutator } from './framing/roleplay.mutator';
import { IndirectCodeMutator } from './injection/indirect-code.mutator';
import { IndirectDocumentMutator } from './injection/indirect-document.mutator';
import { IndirectEmailMutator } from './injection/indirect-email.mutator';
import { IndirectTableMutator } from './injection/indirect-table.mutator';
import { IndirectMutator } from './injection/indirect.mutator';
import { ContextSwitchPlanner } from './multi-turn/context-switch.planner';
import { CrescendoPlanner } from './multi-turn/crescendo.planner';
import { TrustBuildingPlanner } from './multi-turn/trust-building.planner';
import { CasingNoiseMutator } from './obfuscation/casing-noise.mutator';
import { HomoglyphMutator } from './obfuscation/homoglyph.mutator';
import { LeetspeakMutator } from './obfuscation/leetspeak.mutator';
import { PayloadSplitMutator } from './obfuscation/payload-split.mutator';
import { SpacingNoiseMutator } from './obfuscation/spacing-noise.mutator';
import { UnicodeTagsMutator } from './obfuscation/unicode-tags.mutator';
import { ZeroWidthMutator } from './obfuscation/zero-width.mutator';
import type { Strategy } from './strategy';
import { StrategyRegistry } from './strategy-registry';

/** Every strategy the platform ships. Stateless, so one shared instance of each is enough. */
export const DEFAULT_STRATEGIES: readonly Strategy[] = Object.freeze([
  new PlainMutator(),
  new Base64Mutator(),
  new HexMutator(),
  new Rot13Mutator(),
  new UrlEncodeMutator(),
  new LeetspeakMutator(),
  new HomoglyphMutator(),
  new ZeroWidthMutator(),
  new UnicodeTagsMutator(),
  new CasingNoiseMutator(),
  new SpacingNoiseMutator(),
  new PayloadSplitMutator(),
  new RoleplayMutator(),
  new FictionMutator(),
  new RefusalSuppressionMutator(),
  new AuthorityMutator(),
  new ManyShotMutator(),
  new AdversarialSuffixMutator(),
  new AsResponseMutator(),
  new IndirectEmailMutator(),
  new IndirectDocumentMutator(),
  new IndirectTableMutator(),
  new IndirectCodeMutator(),
  new IndirectMutator(),
  new CrescendoPlanner(),
  new TrustBuildingPlanner(),
  new ContextSwitchPlanner(),
]);

export function createDefaultStrategyRegistry(): StrategyRegistry {
  return new StrategyRegistry(DEFAULT_STRATEGIES);
}
