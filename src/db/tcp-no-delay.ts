/**
 * TCP_NODELAY for the driver's Bolt sockets. neo4j-driver 5 leaves Nagle's algorithm on and
 * writes a message in chunks of at most 1400 bytes, so a query text (or parameters) longer than
 * that goes out in two writes: the second waits for the ACK of the first, which the server
 * delays by up to 40 ms, longer than the query itself takes.
 *
 * The driver offers no socket option, but it calls `setKeepAlive(true)` on every socket it
 * opens (plain and TLS), so that call also turns Nagle off and corks the socket for the rest of
 * each tick it writes in (below). Other keep-alive sockets in the process get the same (Node's
 * HTTP client already sets no-delay by default).
 */
import net from 'node:net';

const PATCHED = Symbol.for('inspection-graph.tcp-no-delay');

export function disableNagleOnKeepAliveSockets(): void {
  const proto = net.Socket.prototype as net.Socket & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const setKeepAlive = proto.setKeepAlive;
  proto.setKeepAlive = function setKeepAliveAndNoDelay(
    this: net.Socket,
    enable?: boolean,
    initialDelay?: number,
  ) {
    if (enable) {
      this.setNoDelay(true);
      corkEachTick(this);
    }
    return setKeepAlive.call(this, enable, initialDelay);
  };
  proto[PATCHED] = true;
}

const CORKED = Symbol.for('inspection-graph.cork-each-tick');

/**
 * Without Nagle, each of the driver's 1400-byte chunks is its own write and its own TCP segment,
 * so a loader batch's parameters went out as hundreds of small writes. Corked from a tick's
 * first write until the next tick, as Node's docs suggest for many small writes in a row, a
 * message goes out in one writev whatever its size, and a short one as soon as the tick ends.
 */
function corkEachTick(socket: net.Socket & { [CORKED]?: true }): void {
  if (socket[CORKED]) return;
  socket[CORKED] = true;
  const write = socket.write;
  let pending = false;
  const uncork = () => {
    pending = false;
    socket.uncork();
  };
  socket.write = function writeCorked(this: net.Socket, ...args: Parameters<net.Socket['write']>) {
    if (!pending) {
      pending = true;
      this.cork();
      process.nextTick(uncork);
    }
    return write.apply(this, args);
  } as net.Socket['write'];
}
