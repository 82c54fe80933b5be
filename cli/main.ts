// The terminal front end: `npm run <command> -- ...` lands here with the command name first.
import type { Command } from './command';
import type { StreamingCliIO } from './commands/ask';

const commands: Record<string, () => Promise<Command>> = {
  ask: async () => (await import('./commands/ask')).askCommand,
  capture: async () => (await import('./commands/capture')).captureCommand,
  sandbox: async () => (await import('./commands/sandbox')).sandboxCommand,
  skill: async () => (await import('./commands/skill')).skillCommand,
  suggest: async () => (await import('./commands/suggest')).suggestCommand,
};

// `write` lets `ask` stream the answer's text without waiting for a line break.
const io: StreamingCliIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  write: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(`${text}\n`),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    io.err(`usage: tandem <${Object.keys(commands).join('|')}> [arguments]`);
    return 2;
  }
  return (await load())(args, io);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.err(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    process.exitCode = 1;
  },
);
