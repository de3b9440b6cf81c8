package dev.inspectiongraph.neo4j;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First handler of every Bolt connection: refuses a WebSocket upgrade unless its {@code Origin}
 * is allowed.
 *
 * <p>Neo4j's Bolt port also speaks Bolt over WebSocket to anything that opens with an HTTP
 * {@code GET}, whatever its {@code Origin}, and browsers apply no CORS to WebSockets: any web
 * page could talk to a database on 127.0.0.1. Neo4j 5 has no setting for this, so the connection
 * is inspected here before Neo4j's transport selection sees it. Plain Bolt (the drivers,
 * cypher-shell) opens with the Bolt preamble {@code 0x6060B017} and passes untouched.
 */
final class WebSocketOriginGuard extends ChannelInboundHandlerAdapter {
    /** A request head larger than this is refused rather than buffered. */
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private static final String REFUSAL = "Bolt over WebSocket is not allowed from this origin.\r\n";
    private static final byte[] FORBIDDEN = ("HTTP/1.1 403 Forbidden\r\n"
                    + "Content-Type: text/plain\r\n"
                    + "Connection: close\r\n"
                    + "Content-Length: " + REFUSAL.length() + "\r\n\r\n"
                    + REFUSAL)
            .getBytes(StandardCharsets.US_ASCII);

    private final Set<String> allowedOrigins;
    private ByteBuf head;

    WebSocketOriginGuard(Set<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (head == null) {
            if (buf.readableBytes() == 0) {
                buf.release();
                return;
            }
            // Only an HTTP request (GET) becomes a WebSocket; everything else is Neo4j's to judge.
            if (buf.getByte(buf.readerIndex()) != 'G') {
                passOn(ctx, buf);
                return;
            }
            head = ctx.alloc().buffer();
        }
        head.writeBytes(buf);
        buf.release();
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            if (head.readableBytes() > MAX_HEAD_BYTES) refuse(ctx);
            return;
        }
        String origin = headerValue(text.substring(0, end), "origin");
        if (origin != null && allowedOrigins.contains(origin)) {
            ByteBuf request = head;
            head = null;
            passOn(ctx, request);
        } else {
            // Logged, so a person whose own tool was refused learns which origin to allow.
            String shown = origin == null ? "none" : origin.replaceAll("[^\\x20-\\x7e]", "?");
            System.out.println("REFUSED Bolt over WebSocket from Origin "
                    + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown)
                    + " (allow it with NEO4J_WEBSOCKET_ORIGINS)");
            refuse(ctx);
        }
    }

    private void passOn(ChannelHandlerContext ctx, ByteBuf buf) {
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(buf);
    }

    private void refuse(ChannelHandlerContext ctx) {
        releaseHead();
        ctx.writeAndFlush(Unpooled.wrappedBuffer(FORBIDDEN)).addListener(ChannelFutureListener.CLOSE);
    }

    private void releaseHead() {
        if (head != null) {
            head.release();
            head = null;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseHead();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseHead();
        ctx.fireChannelInactive();
    }

    private static String headerValue(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
