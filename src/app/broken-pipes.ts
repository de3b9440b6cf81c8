/**
 * A long-running command whose output pipe closes (the terminal or the script that started it
 * went away) must still stop on Ctrl-C or SIGTERM. Without a listener, each write to the closed
 * pipe raises EPIPE as an uncaught exception; the handler's own message raises the next, and the
 * loop keeps the event loop so busy that neither the signal handlers nor the shutdown ever run
 * (seen: `npm start` orphaned by a benchmark, spinning at 90% CPU and deaf to SIGINT).
 */
import type { Writable } from 'node:stream';

/** Drops write errors of `streams` (default stdout and stderr): output that cannot be written is lost, nothing else. */
export function ignoreBrokenPipes(
  streams: readonly Writable[] = [process.stdout, process.stderr],
): void {
  for (const stream of streams) stream.on('error', () => {});
}
