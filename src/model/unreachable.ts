/** The default branch of an exhaustive switch: a compile error when a case is missing, a throw if one slips through at run time. */
export function unreachable(value: never, what: string): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
