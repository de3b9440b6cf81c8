import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableNagleOnKeepAliveSockets } from './tcp-no-delay.ts';

describe('keep-alive sockets: no Nagle, one write per tick', () => {
  let server: net.Server;
  let received: Promise<Buffer>;
  let port = 0;
  beforeAll(async () => {
    disableNagleOnKeepAliveSockets();
    received = new Promise((resolve) => {
      server = net.createServer((socket) => {
        const chunks: Buffer[] = [];
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('end', () => resolve(Buffer.concat(chunks)));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('corks from the first write of a tick until the next, and every byte arrives in order', async () => {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.setKeepAlive(true);
    expect(socket.writableCorked).toBe(0);
    const parts = Array.from({ length: 700 }, (_, index) => Buffer.alloc(1400, index % 251));
    for (const part of parts) socket.write(part);
    // Still held: the driver's 700 chunks of one message leave together, in one writev.
    expect(socket.writableCorked).toBe(1);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(socket.writableCorked).toBe(0);
    socket.write('tail');
    expect(socket.writableCorked).toBe(1);
    socket.end();
    const all = await received;
    expect(all.equals(Buffer.concat([...parts, Buffer.from('tail')]))).toBe(true);
  });

  it('leaves sockets without keep-alive as they were', async () => {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write('x');
    expect(socket.writableCorked).toBe(0);
    socket.destroy();
  });
});
