import { Command, CommanderError } from 'commander';
import { isRampartError } from '@rampart/contracts';
import { registerAttackCommands } from './commands/attack.command';
import { registerAuditCommands } from './commands/audit.command';
import { registerDbCommands } from './commands/db.command';
import { registerGuardCommands } from './commands/guard.command';
import { registerStatusCommand } from './commands/status.command';
import { registerUpCommand } from './commands/up.command';

/** Thrown by commands to end with a given exit code after they printed their own result. */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function buildProgram(): Command {
  const program = new Command('rampart')
    .description('Rampart: security operations for LLM products')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerStatusCommand(program);
  registerAuditCommands(program);
  registerDbCommands(program);
  registerGuardCommands(program);
  registerAttackCommands(program);
  registerUpCommand(program);
  return program;
}

/** Runs the CLI and returns the process exit code; errors are printed without stack traces. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof ExitCode) return error.code;
    if (error instanceof CommanderError) return error.exitCode;
    const message = isRampartError(error) ? `${error.code}: ${error.message}` : (error as Error).message;
    process.stderr.write(`rampart: ${message}\n`);
    return 1;
  }
}
