package dev.inspectiongraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community embedded with only a Bolt connector on 127.0.0.1.
 *
 * <p>Arguments: {@code --port N} (default 7687), {@code --data DIR} (default ./.neo4j-data),
 * {@code --pagecache BYTES} (default 256m), {@code --tx-timeout SECONDS} (default 120),
 * {@code --watch-stdin} (stop when standard input closes, so a crashed parent never leaves
 * this process behind).
 *
 * <p>Prints {@code READY bolt://127.0.0.1:PORT} once Bolt accepts connections and records
 * {@code {"pid":..,"port":..}} in {@code DIR/instance.json} so other commands can share it.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) throws Exception {
        int port = 7687;
        Path data = Path.of(".neo4j-data");
        long pageCache = parseBytes("256m");
        long txTimeoutSeconds = 120;
        boolean watchStdin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--pagecache" -> pageCache = parseBytes(args[++i]);
                case "--tx-timeout" -> txTimeoutSeconds = Long.parseLong(args[++i]);
                case "--watch-stdin" -> watchStdin = true;
                default -> {
                    System.err.println("ERROR unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        data = data.toAbsolutePath();
        Files.createDirectories(data);
        Path instanceFile = data.resolve("instance.json");

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(data)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                // Bolt's event loops otherwise wait out a quiet period (5 s, twice) after the
                // databases have closed, which every `npm run ingest` and test run paid at its end.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();

        AtomicBoolean stopped = new AtomicBoolean(false);
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    Files.deleteIfExists(instanceFile);
                } catch (IOException ignored) {
                    // the record is advisory: readers also check that the pid is alive
                }
                service.shutdown();
                System.out.println("STOPPED");
                System.out.flush();
            }
        };
        // SIGTERM and SIGINT run shutdown hooks, so Neo4j always closes its store cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "local-neo4j-shutdown"));

        awaitBolt(port, Duration.ofSeconds(120));
        long pid = ProcessHandle.current().pid();
        Files.writeString(instanceFile,
                "{\"pid\":" + pid + ",\"port\":" + port + "}\n", StandardCharsets.UTF_8);
        System.out.println("READY bolt://127.0.0.1:" + port + " pid " + pid);
        System.out.flush();

        if (watchStdin) {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // the parent writes nothing; EOF means it has gone
            }
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    private static void awaitBolt(int port, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        System.err.println("ERROR Bolt did not accept connections on 127.0.0.1:" + port);
        System.exit(3);
    }

    private static long parseBytes(String value) {
        String v = value.trim().toLowerCase();
        long unit = 1;
        char last = v.charAt(v.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1024L : last == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
            v = v.substring(0, v.length() - 1);
        }
        return Long.parseLong(v) * unit;
    }
}
