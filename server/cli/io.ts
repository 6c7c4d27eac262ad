/** The CLI's only contact with the terminal, so commands are testable and errors stay one line. */

export interface CliIo {
  stdout(text: string): void;
  /** One line, without the trailing newline. */
  stderr(line: string): void;
}

/** Bad arguments: printed as one line plus the usage hint, exit code 2. */
export class UsageError extends Error {}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${line}\n`),
};
