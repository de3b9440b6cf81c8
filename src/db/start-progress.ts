/**
 * Progress lines of a slow start (the Maven build of the local Neo4j, its JVM and store), one
 * per stage with the seconds since this process started, so a first start that takes minutes
 * says what it is doing. Silent until a command asks for them (`npm start` does, on stderr):
 * tests and the bench start Neo4j many times and want no such lines.
 */
let sink: ((line: string) => void) | null = null;

export function showStartProgress(write: (line: string) => void): void {
  sink = write;
}

/** Seconds since this process started (Node's own start and module loading included). */
export function secondsSinceStart(): string {
  return (performance.now() / 1000).toFixed(1);
}

export function reportStartProgress(stage: string): void {
  sink?.(`[start ${secondsSinceStart()} s] ${stage}`);
}
