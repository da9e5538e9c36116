import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeText } from '../src/normalize';
import { MODEL_WEIGHTS } from '../src/model/model-weights';
import { loadHandWritten } from './corpus/hand-written';
import { buildModel, renderWeightsModule, SHIPPED_BUILD } from './model-builder';

/*
 * Trains the guardrail's n-gram model from the generated corpus and writes src/model/model-weights.ts.
 *   cd libs/safety && npx swc src training -d training/dist --config-file ../../.swcrc --quiet \
 *     --ignore '**\/*.spec.ts,training/dist/**' && node training/dist/training/train-model.js [--check]
 * With --check nothing is written: the weights are rebuilt and compared with the committed module, and the
 * exit code is 1 when they differ.
 */
/** The weights module, from the sources (under jest) or from training/dist/training (compiled). */
export function weightsModulePath(): string {
  const beside = resolve(__dirname, '..', 'src', 'model', 'model-weights.ts');
  return existsSync(beside)
    ? beside
    : resolve(__dirname, '..', '..', '..', 'src', 'model', 'model-weights.ts');
}

export function main(argv: readonly string[]): number {
  const WEIGHTS_MODULE = weightsModulePath();
  const check = argv.includes('--check');
  const started = Date.now();
  const hand = loadHandWritten();
  const { serialized, corpus } = buildModel({
    ...SHIPPED_BUILD,
    handWritten: { ...SHIPPED_BUILD.handWritten, examples: hand.examples },
    normalize: (text) => analyzeText(text).normalized,
  });
  console.log(
    `hand-written: ${hand.examples.length} prompts in ${hand.files.join(', ')}, digest ${hand.digest}`,
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const attacks = corpus.filter((e) => e.injection || e.jailbreak || e.harmful).length;
  console.log(`corpus: ${corpus.length} examples (${attacks} attacks), digest ${serialized.corpus.digest}`);
  console.log(`weights: digest ${serialized.digest}, trained in ${seconds} s`);
  const rendered = renderWeightsModule(serialized);
  if (check) {
    const committed = readFileSync(WEIGHTS_MODULE, 'utf8');
    const same = serialized.digest === MODEL_WEIGHTS.digest && rendered === committed;
    console.log(
      same
        ? 'check: the committed weights are what the trainer produces'
        : `check FAILED: committed digest ${MODEL_WEIGHTS.digest}`,
    );
    return same ? 0 : 1;
  }
  writeFileSync(WEIGHTS_MODULE, rendered);
  console.log(`wrote ${WEIGHTS_MODULE}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
