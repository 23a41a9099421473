package io.tastemaker.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Tastemaker server per test JVM: Payara Micro running the WAR under test, started by the
 * {@code tastemaker} launcher's {@code serve} command exactly as an operator starts it, over
 * HTTPS only on a free port of 127.0.0.1, with the self-signed certificate that the launcher
 * generates in the data directory ({@link #certificate()}: every client of the tests trusts that
 * one certificate and nothing else), with a fresh data directory under {@code tastemaker.it.work}
 * and a fresh database (an H2 file in the data directory, or a new PostgreSQL database
 * {@code tastemaker_it_<millis>} when {@code tastemaker.it.database=postgresql}, dropped when the
 * JVM exits).
 *
 * <p>A start is complete when the application answers {@code GET /ping} with 200. The operator
 * account gets fixed credentials, so that tests can sign requests without reading the
 * first-start credentials file. Console sign-in locks last {@link #SIGN_IN_LOCKOUT} instead of
 * 15 minutes, so that a test can watch a lock run out. The server's output goes to
 * {@code server.log} in its data directory; Payara's root directory is {@code payara/} there, made
 * afresh at every start by the launcher. A start that fails or times out throws with the first
 * errors and the end of that log (after a thread dump, {@code threads-*.txt}, if the server hangs).
 *
 * <p>System properties (set by the Failsafe configuration of this module):
 * <ul>
 *   <li>{@code tastemaker.it.launcher} (default: the {@code tastemaker} script in the current
 *       directory or the nearest one above it): the launcher;</li>
 *   <li>{@code tastemaker.it.payara}: the Payara Micro jar;</li>
 *   <li>{@code tastemaker.it.war}: the Tastemaker WAR;</li>
 *   <li>{@code tastemaker.it.work}: where data directories are created;</li>
 *   <li>{@code tastemaker.it.database} (default {@code h2}): {@code h2} or {@code postgresql};</li>
 *   <li>{@code tastemaker.it.pg.url} (default
 *       {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}): a database on the
 *       PostgreSQL server in which new databases may be created;</li>
 *   <li>{@code tastemaker.it.pg.datasource} (default {@code org.postgresql.ds.PGSimpleDataSource},
 *       what the {@code tastemaker} launcher sets): the data source class for PostgreSQL;</li>
 *   <li>{@code tastemaker.it.java.opts} (default {@code -Xmx2g}): the server JVM's options.</li>
 * </ul>
 */
public final class TastemakerServer {

    /** The operator's access key id; fixed so that every run signs the same way. */
    public static final String ACCESS_KEY_ID = "AKIAITTESTOPERATOR01";
    /** The operator's secret access key: 40 characters, as AWS's. */
    public static final String SECRET_ACCESS_KEY = "itSecretKey0123456789abcdefghijklmnopqrs";
    /** The console password of the operator's {@code admin} user; it meets the password policy. */
    public static final String ADMIN_PASSWORD = "It-Operator-Passw0rd-2024";
    /** How long a console user stays locked after too many failed sign-ins, on this server. */
    public static final Duration SIGN_IN_LOCKOUT = Duration.ofSeconds(30);

    /**
     * The application's own readiness endpoint, which the {@code tastemaker} launcher waits on too.
     * Not {@code /health}: Payara Micro answers that itself, before the application is deployed.
     */
    static final String READINESS_PATH = "/ping";
    /**
     * How long a start may take before it counts as failed; 30–50 s is usual on two cores. The
     * system property {@code tastemaker.it.start.timeout} (seconds) raises it on a busy machine.
     */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("tastemaker.it.start.timeout", 180));
    /** How long a stop may take before the process is killed. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_TAIL_LINES = 80;
    private static final Pattern READY_LINE = Pattern.compile("Payara Micro \\S+ \\(build \\d+\\) ready in");
    /** Payara's message when the WAR fails to deploy; the server keeps running without it. */
    private static final Pattern DEPLOYMENT_FAILED = Pattern.compile("Exception while loading the app");
    private static final Pattern APPLICATION_LOADED = Pattern.compile("Loading application \\[[^\\]]*\\] at \\[/\\]");
    private static final Pattern ERROR_LINE = Pattern.compile("SEVERE|Caused by: ");
    private static final int MAX_ERROR_LINES = 12;

    private static TastemakerServer shared;
    private static RuntimeException startFailure;

    private final Path launcher;
    private final Path payaraJar;
    private final Path war;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Database database;
    private final Map<String, String> extraEnvironment = new java.util.LinkedHashMap<>();
    private Process process;
    /** Read from the data directory once the launcher has made it; the same across restarts. */
    private ServerCertificate certificate;
    private HttpClient http;
    private HttpClient http11;
    /** The size of the log when the current process started: where its own lines begin. */
    private long logOffset;

    private TastemakerServer(Path launcher, Path payaraJar, Path war, Path dataDir, int port, Database database) {
        this.launcher = launcher;
        this.payaraJar = payaraJar;
        this.war = war;
        this.dataDir = dataDir;
        this.log = dataDir.resolve("server.log");
        this.port = port;
        this.database = database;
    }

    /**
     * The server of this JVM, started on first use and stopped (its PostgreSQL database dropped)
     * when the JVM exits.
     */
    public static synchronized TastemakerServer shared() {
        if (startFailure != null) {
            throw new IllegalStateException("Tastemaker failed to start earlier in this JVM: " + startFailure.getMessage(),
                    startFailure);
        }
        if (shared == null) {
            TastemakerServer server = create(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "tastemaker-it-server-shutdown"));
            try {
                server.start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            shared = server;
        }
        return shared;
    }

    /**
     * A server of its own, started with extra environment variables (e.g. shorter schedules for
     * a test of timers); the caller stops it with {@link #close()}.
     */
    public static TastemakerServer dedicated(Map<String, String> extraEnvironment) {
        TastemakerServer server = create(extraEnvironment);
        try {
            server.start();
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        return server;
    }

    /** Stops a {@link #dedicated} server and drops its database. */
    public void close() {
        shutdown();
    }

    private static TastemakerServer create(Map<String, String> extraEnvironment) {
        Path launcher = launcher();
        Path payara = requiredFile("tastemaker.it.payara");
        Path war = requiredFile("tastemaker.it.war");
        Path work = Path.of(System.getProperty("tastemaker.it.work", "target/it-work")).toAbsolutePath();
        long millis = System.currentTimeMillis();
        Path dataDir = work.resolve("server-" + millis);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String kind = System.getProperty("tastemaker.it.database", "h2").toLowerCase(Locale.ROOT);
        Database database = switch (kind) {
            case "h2" -> Database.h2(dataDir);
            case "postgresql" -> Database.postgresql(System.getProperty("tastemaker.it.pg.url",
                    "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"), "tastemaker_it_" + millis);
            default -> throw new IllegalStateException("tastemaker.it.database must be h2 or postgresql, was " + kind);
        };
        TastemakerServer server = new TastemakerServer(launcher, payara, war, dataDir, freePort(), database);
        server.extraEnvironment.putAll(extraEnvironment);
        return server;
    }

    /** The base URL of every API (control plane, runtime and events) and of the console: HTTPS. */
    public URI endpoint() {
        return URI.create("https://127.0.0.1:" + port);
    }

    /**
     * The server's certificate, generated by the launcher at the first start in
     * {@code <data dir>/tls/certificate.pem}; the only one the tests' clients trust.
     */
    public synchronized ServerCertificate certificate() {
        if (certificate == null) {
            Path pem = dataDir.resolve("tls").resolve("certificate.pem");
            if (!Files.isRegularFile(pem)) {
                throw new IllegalStateException("The launcher has not made " + pem + " (yet)");
            }
            certificate = ServerCertificate.read(pem);
        }
        return certificate;
    }

    /** A {@code java.net.http} client that trusts only {@link #certificate()}. */
    public synchronized HttpClient httpClient() {
        if (http == null) {
            http = certificate().httpClient();
        }
        return http;
    }

    /**
     * A {@code java.net.http} client that trusts only {@link #certificate()} and speaks HTTP/1.1 only:
     * what the wire-level attack tests send their hand-made requests with.
     */
    public synchronized HttpClient http11Client() {
        if (http11 == null) {
            http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(certificate().sslContext()).connectTimeout(Duration.ofSeconds(10)).build();
        }
        return http11;
    }

    public String accessKeyId() {
        return ACCESS_KEY_ID;
    }

    public String secretAccessKey() {
        return SECRET_ACCESS_KEY;
    }

    public String adminPassword() {
        return ADMIN_PASSWORD;
    }

    /** The server's data directory (database, master key, staged files, {@code server.log}). */
    public Path dataDir() {
        return dataDir;
    }

    /** The server's combined stdout and stderr. */
    public Path logFile() {
        return log;
    }

    /** {@code h2} or {@code postgresql}. */
    public String databaseKind() {
        return database.kind;
    }

    /**
     * Stops the server and starts it again on the same data directory, database and port, as an
     * operator would with the {@code tastemaker} launcher. Returns when {@code GET /ping} answers
     * 200, as the launcher's readiness check does.
     */
    public synchronized void restart() {
        stop();
        start();
    }

    /**
     * Waits until Payara Micro logs that the current start is complete ({@code Payara Micro ...
     * ready in ... ms}). It should come with the first 200 of {@code /ping}; it came ~25 s later
     * when a reused root directory made Payara load the application, then deploy the WAR again.
     */
    public synchronized void awaitBootCompleted() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!isBootCompleted()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Payara Micro did not log that it is ready within " + START_TIMEOUT.toSeconds()
                        + " s; the end of " + log + ":\n" + logTail());
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /**
     * Whether Payara Micro has logged that the current start is complete (see
     * {@link #awaitBootCompleted()}).
     *
     * @throws IllegalStateException if the server process is not running
     */
    public synchronized boolean isBootCompleted() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Tastemaker is not running; the end of " + log + ":\n" + logTail());
        }
        return logSinceStartContains(READY_LINE);
    }

    private boolean logSinceStartContains(Pattern pattern) {
        return pattern.matcher(logSinceStart()).find();
    }

    private String logSinceStart() {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            channel.position(logOffset);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void start() {
        List<String> command = List.of("bash", launcher.toString(), "serve");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TASTEMAKER_JAVA_OPTS", System.getProperty("tastemaker.it.java.opts", "-Xmx2g").trim());
        env.put("TASTEMAKER_PAYARA_MICRO_JAR", payaraJar.toString());
        env.put("TASTEMAKER_WAR", war.toString());
        env.put("TASTEMAKER_DATA_DIR", dataDir.toString());
        env.put("TASTEMAKER_BIND_ADDRESS", "127.0.0.1");
        env.put("TASTEMAKER_HTTPS_PORT", Integer.toString(port));
        env.remove("TASTEMAKER_HTTP_PORT");
        env.remove("TASTEMAKER_TLS_KEYSTORE");
        env.remove("TASTEMAKER_HOSTNAME");
        env.putAll(database.environment());
        env.put("TASTEMAKER_ADMIN_ACCESS_KEY_ID", ACCESS_KEY_ID);
        env.put("TASTEMAKER_ADMIN_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        env.put("TASTEMAKER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("TASTEMAKER_SIGNIN_LOCKOUT_SECONDS", Long.toString(SIGN_IN_LOCKOUT.toSeconds()));
        env.putAll(extraEnvironment);
        long started = System.nanoTime();
        try {
            logOffset = Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf(Locale.ROOT, "Starting Tastemaker on %s (%s database, data %s)%n", endpoint(), database.kind, dataDir);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
        awaitHealthy(started);
        System.out.printf(Locale.ROOT, "Tastemaker is up after %.1f s (pid %d)%n", (System.nanoTime() - started) / 1e9,
                process.pid());
    }

    private void awaitHealthy(long started) {
        long deadline = started + START_TIMEOUT.toNanos();
        HttpRequest readiness = HttpRequest.newBuilder(endpoint().resolve(READINESS_PATH)).timeout(Duration.ofSeconds(5)).GET()
                .build();
        Path pem = dataDir.resolve("tls").resolve("certificate.pem");
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Tastemaker exited with status " + process.exitValue()
                        + " while starting" + failureDetails());
            }
            if (logSinceStartContains(DEPLOYMENT_FAILED)) {
                stop();
                throw new IllegalStateException("Payara Micro could not deploy " + war + failureDetails());
            }
            if (!Files.isRegularFile(pem)) {
                last = "no certificate yet at " + pem;
                sleep(Duration.ofSeconds(1));
                continue;
            }
            try {
                HttpResponse<String> response = httpClient().send(readiness, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Tastemaker", e);
            }
            sleep(Duration.ofSeconds(1));
        }
        Path dump = threadDump();
        stop();
        throw new IllegalStateException("Tastemaker did not answer GET " + READINESS_PATH + " with 200 within " + START_TIMEOUT.toSeconds()
                + " s (last: " + last + "; server threads dumped to " + dump + ")" + failureDetails());
    }

    private synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    private void shutdown() {
        stop();
        database.drop();
    }

    /**
     * How many times the current start has loaded the application ({@code Loading application
     * [...] at [/]} in the log): once, unless Payara deploys it again.
     */
    public synchronized int applicationLoadsSinceStart() {
        Matcher m = APPLICATION_LOADED.matcher(logSinceStart());
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** Writes the server's threads (jcmd Thread.print) next to its log; for diagnosing a hang. */
    private Path threadDump() {
        Path dump = dataDir.resolve("threads-" + System.currentTimeMillis() + ".txt");
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return dump;
    }

    /** The first error lines this start logged and the end of the log, for failure messages. */
    private String failureDetails() {
        StringBuilder out = new StringBuilder("; the first errors in ").append(log).append(":\n");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            long offset = 0;
            int shown = 0;
            for (String line : lines) {
                offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (offset > logOffset && shown < MAX_ERROR_LINES && ERROR_LINE.matcher(line).find()) {
                    out.append("  ").append(line.length() > 400 ? line.substring(0, 400) + "..." : line).append('\n');
                    shown++;
                }
            }
        } catch (IOException e) {
            out.append("  (could not read the log: ").append(e).append(")\n");
        }
        return out.append("and its end:\n").append(logTail()).toString();
    }

    /** The last lines of the server log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    /** The {@code tastemaker} launcher: {@code tastemaker.it.launcher}, or the nearest one above the current directory. */
    private static Path launcher() {
        String configured = System.getProperty("tastemaker.it.launcher");
        if (configured != null && !configured.isBlank()) {
            return requiredFile("tastemaker.it.launcher");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tastemaker");
            if (Files.isRegularFile(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No tastemaker launcher in " + Path.of("").toAbsolutePath()
                + " or above it; set tastemaker.it.launcher.");
    }

    private static Path requiredFile(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests with "
                    + "`mvn verify -pl system-tests`, which sets it.");
        }
        Path path = Path.of(value).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + " names " + path + ", which is not a file.");
        }
        return path;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The server's database: the environment that points the server at it, and its removal. */
    private static final class Database {

        final String kind;
        private final Map<String, String> environment;
        private final String adminUrl;
        private final String name;

        private Database(String kind, Map<String, String> environment, String adminUrl, String name) {
            this.kind = kind;
            this.environment = environment;
            this.adminUrl = adminUrl;
            this.name = name;
        }

        static Database h2(Path dataDir) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("TASTEMAKER_DB_URL", "jdbc:h2:file:" + dataDir.resolve("db").resolve("tastemaker"));
            env.put("TASTEMAKER_DB_DATASOURCE", "org.h2.jdbcx.JdbcDataSource");
            env.put("TASTEMAKER_DB_USER", "sa");
            env.put("TASTEMAKER_DB_PASSWORD", "");
            return new Database("h2", env, null, null);
        }

        /** Creates database {@code name} on the server of {@code adminUrl}. */
        static Database postgresql(String adminUrl, String name) {
            if (!name.matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException("Unsafe database name " + name);
            }
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the database " + name + " through " + adminUrl + ": "
                        + e.getMessage(), e);
            }
            int query = adminUrl.indexOf('?');
            String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String params = query < 0 ? "" : adminUrl.substring(query + 1);
            String url = base.substring(0, base.lastIndexOf('/') + 1) + name;
            Map<String, String> env = new LinkedHashMap<>();
            env.put("TASTEMAKER_DB_URL", url);
            env.put("TASTEMAKER_DB_DATASOURCE", System.getProperty("tastemaker.it.pg.datasource",
                    "org.postgresql.ds.PGSimpleDataSource"));
            env.put("TASTEMAKER_DB_USER", queryParameter(params, "user", "postgres"));
            env.put("TASTEMAKER_DB_PASSWORD", queryParameter(params, "password", ""));
            System.out.println("Created PostgreSQL database " + name);
            return new Database("postgresql", env, adminUrl, name);
        }

        Map<String, String> environment() {
            return environment;
        }

        void drop() {
            if (name == null) {
                return;
            }
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                System.out.println("Dropped PostgreSQL database " + name);
            } catch (SQLException e) {
                System.err.println("Could not drop the database " + name + ": " + e.getMessage());
            }
        }

        private static String queryParameter(String query, String key, String otherwise) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(key)) {
                    return pair.substring(eq + 1);
                }
            }
            return otherwise;
        }
    }
}
