// The shape every `npm run <command>` of the terminal front end implements (cli/main.ts dispatches).

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs one command with its arguments (after the command name); resolves to the process exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;
