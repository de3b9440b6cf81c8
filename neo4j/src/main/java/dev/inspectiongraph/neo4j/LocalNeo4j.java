package dev.inspectiongraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.neo4j.bolt.BoltServer;
import org.neo4j.bolt.protocol.common.connector.Connector;
import org.neo4j.bolt.protocol.common.connector.connection.Connection;
import org.neo4j.bolt.protocol.common.connector.listener.ConnectorListener;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs Neo4j Community embedded with only a Bolt connector on 127.0.0.1, authentication on.
 *
 * <p>Arguments: {@code --port N} (default 7687), {@code --data DIR} (default ./.neo4j-data),
 * {@code --pagecache BYTES} (default 256m), {@code --tx-timeout SECONDS} (default 120),
 * {@code --password-file FILE} (the password of the {@code neo4j} user, set at every start;
 * without it the user keeps whatever password it has), {@code --lease-dir DIR} (stop once no
 * process named by a lease file there is alive), {@code --websocket-origins A,B} (the only
 * {@code Origin}s allowed to open Bolt over WebSocket; default none), {@code --watch-stdin}
 * (stop when standard input closes), {@code --train FILE} (a training run for the JVM's AOT cache:
 * run the queries of FILE, a {@code first-queries.json}, over Bolt, then exit).
 *
 * <p>Prints {@code READY bolt://127.0.0.1:PORT} once Bolt accepts connections and records
 * {@code {"pid":..,"port":..}} in {@code DIR/instance.json} so other commands can share it. When
 * another process holds the store it prints {@code ERROR STORE_LOCKED} and exits with code 4.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    /** When the process started (the JVM's own start included), for the STAGE lines. */
    private static final long STARTED_MS = ProcessHandle.current().info().startInstant()
            .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis());

    /**
     * One progress line, {@code STAGE <seconds since the process started> <what is done>}: the
     * command starting this Neo4j relays these while it waits (src/db/local-neo4j-launch.ts).
     */
    private static void stage(String what) {
        System.out.printf("STAGE %.1f %s%n", (System.currentTimeMillis() - STARTED_MS) / 1000.0, what);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        stage("JVM started");
        int port = 7687;
        Path data = Path.of(".neo4j-data");
        long pageCache = parseBytes("256m");
        long txTimeoutSeconds = 120;
        boolean watchStdin = false;
        Path passwordFile = null;
        Path leaseDir = null;
        Path train = null;
        Set<String> websocketOrigins = Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--pagecache" -> pageCache = parseBytes(args[++i]);
                case "--tx-timeout" -> txTimeoutSeconds = Long.parseLong(args[++i]);
                case "--watch-stdin" -> watchStdin = true;
                case "--password-file" -> passwordFile = Path.of(args[++i]);
                case "--lease-dir" -> leaseDir = Path.of(args[++i]);
                case "--train" -> train = Path.of(args[++i]);
                case "--websocket-origins" -> websocketOrigins = Arrays.stream(args[++i].split(","))
                        .map(String::trim)
                        .filter(origin -> !origin.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
                default -> {
                    System.err.println("ERROR unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        data = data.toAbsolutePath();
        Files.createDirectories(data);
        Path instanceFile = data.resolve("instance.json");
        String password = passwordFile == null ? null : readPassword(passwordFile);
        if (password != null) writeInitialPassword(data, password);

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(data)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                // Bolt's event loops otherwise wait out a quiet period (5 s, twice) after the
                // databases have closed, which every `npm run ingest` and test run paid at its end.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        DatabaseManagementService service;
        try {
            service = builder.build();
            stage("store opened (system and neo4j databases online)");
        } catch (RuntimeException failure) {
            if (causedByStoreLock(failure)) {
                // Another Neo4j (one still stopping, or one started beside us) holds this folder.
                System.out.println("ERROR STORE_LOCKED " + data + " is in use by another Neo4j process");
                System.out.flush();
                System.exit(4);
            }
            throw failure;
        }
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

        refuseForeignWebSockets(service, websocketOrigins);
        if (password != null) setPassword(service, password);
        stage("password checked");

        awaitBolt(port, Duration.ofSeconds(120));
        stage("Bolt accepting connections");
        long pid = ProcessHandle.current().pid();
        // Written whole then renamed, so a reader never sees half a record.
        Path partial = data.resolve("instance.json.partial");
        Files.writeString(partial,
                "{\"pid\":" + pid + ",\"port\":" + port + "}\n", StandardCharsets.UTF_8);
        Files.move(partial, instanceFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("READY bolt://127.0.0.1:" + port + " pid " + pid);
        System.out.flush();

        if (train != null) {
            train(port, password, train);
            System.exit(0);
        }
        warmUpCypher(service);
        if (leaseDir != null) watchLeases(leaseDir);
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

    /**
     * Plans and runs two small statements in the background once Bolt is open: the first Cypher
     * statement of a JVM loads and compiles the parser, planner and runtime (seconds, more on a
     * busy machine), and the command that started this Neo4j is meanwhile still loading its own
     * modules, so its first queries (the migration checks, the first answer) find Cypher warm.
     */
    private static void warmUpCypher(DatabaseManagementService service) {
        Thread warmer = new Thread(() -> {
            try {
                service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
                        .executeTransactionally("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name");
                service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
                        .executeTransactionally("MATCH (n:GraphState) RETURN count(n) AS n");
                stage("Cypher warmed up");
            } catch (RuntimeException ignored) {
                // only a warm-up: the first real query pays what this did not
            }
        }, "local-neo4j-warm-up");
        warmer.setDaemon(true);
        warmer.start();
    }

    /** The statements every start runs first: the migration checks and the warm-up's. */
    private static final List<String> START_STATEMENTS = List.of(
            "SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name",
            "SHOW CONSTRAINTS YIELD name RETURN name",
            "MATCH (n:GraphState) RETURN count(n) AS n");

    /**
     * A training run for the JVM's AOT cache (src/db/local-neo4j-aot.ts): the statements every
     * start runs and the queries a server answered first, over Bolt as the API sends them, three
     * times (the first plans, the others run the cached plan), so the cache holds the classes and
     * the method profiles of what a start does before its first answer. Failures are ignored: the
     * store is a scratch one, and a query that fails still trains the parser and planner.
     */
    private static void train(int port, String password, Path queriesFile) {
        List<Map<String, Object>> queries = List.of();
        try {
            if (Files.exists(queriesFile)) {
                queries = new ObjectMapper().readValue(queriesFile.toFile(), new TypeReference<List<Map<String, Object>>>() {});
            }
        } catch (IOException | RuntimeException unreadable) {
            // only the start statements then
        }
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + port,
                AuthTokens.basic("neo4j", password == null ? "" : password))) {
            for (int round = 0; round < 3; round++) {
                try (Session session = driver.session()) {
                    for (String statement : START_STATEMENTS) runIgnoringFailure(session, statement, Map.of());
                    for (Map<String, Object> query : queries) {
                        if (!(query.get("cypher") instanceof String cypher)) continue;
                        @SuppressWarnings("unchecked")
                        Map<String, Object> params = query.get("params") instanceof Map<?, ?> given
                                ? (Map<String, Object>) given : Map.of();
                        runIgnoringFailure(session, cypher, params);
                    }
                }
            }
        } catch (RuntimeException failure) {
            System.err.println("training stopped early: " + failure.getMessage());
        }
        stage("training run done");
    }

    private static void runIgnoringFailure(Session session, String cypher, Map<String, Object> params) {
        try {
            session.executeRead(tx -> tx.run(cypher, params).list());
        } catch (RuntimeException ignored) {
            // a statement this scratch store cannot answer still trained the parser and planner
        }
    }

    /** True when the failure comes from the store's file lock being held by another process. */
    private static boolean causedByStoreLock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            if (name.equals("FileLockException") || name.equals("StoreLockException")) return true;
        }
        return false;
    }

    private static String readPassword(Path passwordFile) throws IOException {
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) throw new IllegalArgumentException("the password file " + passwordFile + " is empty");
        return password;
    }

    /**
     * Before the very first start of a folder, leaves the password where Neo4j reads the initial
     * user's credentials from (what {@code neo4j-admin dbms set-initial-password} does), so Bolt
     * never accepts the default password, not even for the moment before {@link #setPassword}.
     */
    private static void writeInitialPassword(Path home, String password) throws Exception {
        Config config = Config.defaults(GraphDatabaseSettings.neo4j_home, home);
        if (Files.exists(config.get(GraphDatabaseInternalSettings.databases_root_path).resolve(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))) {
            return;
        }
        Path authFile = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        Files.createDirectories(authFile.getParent());
        Files.deleteIfExists(authFile);
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            FileUserRepository users = new FileUserRepository(fs, authFile, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            users.start();
            users.create(new User("neo4j", null,
                    SystemGraphCredential.createCredentialForPassword(password.getBytes(StandardCharsets.UTF_8), new SecureHasher()),
                    false, false));
            users.shutdown();
        }
    }

    /**
     * Sets the {@code neo4j} user's password to the file's content. The embedded API runs with
     * full rights, so this needs no password itself; Neo4j refuses to set the password it
     * already has, which is the usual case from the second start on.
     */
    private static void setPassword(DatabaseManagementService service, String password) {
        if (hasPassword(service, password)) return;
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException failure) {
            if (!String.valueOf(failure.getMessage()).contains("cannot be the same")) throw failure;
        }
    }

    /**
     * True when the {@code neo4j} user already has this password and need not change it: read
     * from the system graph through the core API, because the first Cypher statement of a JVM
     * (ALTER USER) loads and compiles the Cypher parser and planner, seconds a second start
     * waited for before Bolt opened. Any doubt (a layout this code does not know) says false.
     */
    private static boolean hasPassword(DatabaseManagementService service, String password) {
        try (Transaction tx = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", "neo4j");
            if (user == null || Boolean.TRUE.equals(user.getProperty("passwordChangeRequired", true))) return false;
            if (!(user.getProperty("credentials", null) instanceof String credentials)) return false;
            return SystemGraphCredential.deserialize(credentials, new SecureHasher())
                    .matchesPassword(password.getBytes(StandardCharsets.UTF_8));
        } catch (Exception unknownLayout) {
            return false;
        }
    }

    /** Puts a {@link WebSocketOriginGuard} in front of every Bolt connection opened from now on. */
    private static void refuseForeignWebSockets(DatabaseManagementService service, Set<String> allowedOrigins) {
        GraphDatabaseAPI system = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        BoltServer bolt = system.getDependencyResolver().resolveDependency(BoltServer.class);
        ConnectorListener guard = new ConnectorListener() {
            @Override
            public void onConnectionCreated(Connection connection) {
                connection.modifyPipeline(pipeline ->
                        pipeline.addFirst("websocket-origin-guard", new WebSocketOriginGuard(allowedOrigins)));
            }
        };
        for (Connector<?> connector : bolt.getConnectors()) connector.registerListener(guard);
    }

    /**
     * Every command using this Neo4j keeps a lease file {@code <pid>-<anything>.json} in the
     * lease folder. A lease whose process has gone (a crash, kill -9) is removed; once no lease
     * is left on two checks in a row, this Neo4j stops, so the last command to finish takes it
     * down and a crashed one never leaves it behind.
     */
    private static void watchLeases(Path leaseDir) {
        Thread watcher = new Thread(() -> {
            int emptyChecks = 0;
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
                emptyChecks = countLiveLeases(leaseDir) == 0 ? emptyChecks + 1 : 0;
                if (emptyChecks >= 2) {
                    System.out.println("STOPPING no command uses this Neo4j any more");
                    System.out.flush();
                    System.exit(0);
                }
            }
        }, "local-neo4j-leases");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static int countLiveLeases(Path leaseDir) {
        int live = 0;
        try (DirectoryStream<Path> leases = Files.newDirectoryStream(leaseDir, "*.json")) {
            for (Path lease : leases) {
                String name = lease.getFileName().toString();
                int dash = name.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash > 0 ? name.substring(0, dash) : name.replace(".json", ""));
                } catch (NumberFormatException notALease) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    live++;
                } else {
                    Files.deleteIfExists(lease);
                }
            }
        } catch (IOException unreadable) {
            // A folder that cannot be read (removed with the data) counts as no lease.
        }
        return live;
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
