import { RampartError } from '@rampart/contracts';

export type ConfigErrorCode = 'CONFIG_INVALID';

/** Configuration that cannot work: the service must not start, and the message names every bad variable. */
export class ConfigError extends RampartError<ConfigErrorCode> {
  constructor(readonly problems: readonly { variable: string; problem: string }[]) {
    super(
      'CONFIG_INVALID',
      `Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.problem}`).join('\n')}`,
      500,
      { details: { variables: problems.map((p) => p.variable) } },
    );
  }
}
