/** Exhaustiveness guard for discriminated unions: a programmer error, never user input. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
