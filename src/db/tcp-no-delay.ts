/**
 * TCP_NODELAY for the driver's Bolt sockets. neo4j-driver 5 leaves Nagle's algorithm on and
 * writes a message in chunks of at most 1400 bytes, so a query text (or parameters) longer than
 * that goes out in two writes: the second waits for the ACK of the first, which the server
 * delays by up to 40 ms. Measured on the local Neo4j with the bench's nested read (a 1.9 kB
 * query): 50 ms p50 with Nagle, 8 ms without; the 0.8 kB bare query took 7 ms either way.
 *
 * The driver offers no socket option, but it calls `setKeepAlive(true)` on every socket it
 * opens (plain and TLS), so that call also turns Nagle off. Other keep-alive sockets in the
 * process get the same (Node's HTTP client already sets it by default).
 */
import net from 'node:net';

const PATCHED = Symbol.for('inspection-graph.tcp-no-delay');

export function disableNagleOnKeepAliveSockets(): void {
  const proto = net.Socket.prototype as net.Socket & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const setKeepAlive = proto.setKeepAlive;
  proto.setKeepAlive = function setKeepAliveAndNoDelay(this: net.Socket, enable?: boolean, initialDelay?: number) {
    if (enable) this.setNoDelay(true);
    return setKeepAlive.call(this, enable, initialDelay);
  };
  proto[PATCHED] = true;
}
