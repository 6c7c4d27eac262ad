/** The CLI's only contact with the terminal, so commands are testable and errors stay one line. */

export interface CliIo {
  stdout(text: string): void;
  /** One line, without the trailing newline. */
  stderr(line: string): void;
}

/** Bad arguments: printed as one line plus the usage hint, exit code 2. */
export class UsageError extends Error {}

/**
 * `podlens lint . | head`: when the reader goes away, stop at once and quietly with exit code 0, as ripgrep does
 * (crates/core/main.rs: a broken pipe is a graceful exit). Node ignores SIGPIPE, so without this the failed write
 * surfaces later as an unhandled EPIPE 'error' event with a stack trace. Any other stream error is still thrown.
 */
function stopWhenReaderLeaves(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (stream.listenerCount('error') === 0) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
  return stream;
}

export const nodeIo: CliIo = {
  stdout: (text) => stopWhenReaderLeaves(process.stdout).write(text),
  stderr: (line) => stopWhenReaderLeaves(process.stderr).write(`${line}\n`),
};
