/** Wraps request handlers so an exception or a cancellation never reaches the client as a crash. */
import { type CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export type Logger = (message: string) => void;

export function formatError(message: string, err: unknown): string {
  if (err instanceof Error) return `${message}: ${err.message}\n${err.stack ?? ''}`;
  return `${message}: ${String(err)}`;
}

/** Runs `fn` unless cancelled; on error logs once and answers `fallback`. */
export function runSafe<T>(
  log: Logger,
  fn: () => T,
  fallback: T,
  what: string,
  token?: CancellationToken,
): T | ResponseError<void> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = fn();
    if (token?.isCancellationRequested) return cancelled();
    return result;
  } catch (err) {
    log(formatError(`podlens: ${what} failed`, err));
    return fallback;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}
