package io.tastemaker.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh Payara Server Full domain, driven through {@code asadmin}: created with
 * {@code create-domain --portbase} on ports nobody else uses, its heap and HTTP listener set in
 * {@code domain.xml} before the first start, started with an environment that its server JVM
 * inherits, and stopped for sure (killed by the pid in {@code config/pid} if
 * {@code stop-domain} does not finish).
 *
 * <p>Every {@code asadmin} call runs with a deadline; its output goes to
 * {@code asadmin-<n>-<command>.log} in the run directory and, on failure, into the exception.
 */
final class PayaraServerDomain {

    /**
     * Offsets from the port base of every port that {@code create-domain --portbase} assigns:
     * debugger 9, IIOP 37–39, admin 48, Hazelcast DAS 49 and start 59, OSGi shell 66, JMS 76,
     * HTTP 80, HTTPS 81, JMX 86.
     */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};
    private static final int ADMIN_OFFSET = 48;
    private static final int HTTP_OFFSET = 80;
    /** Port bases are multiples of 100 in [20000, 60000): above the usual servers, below the ephemeral range. */
    private static final int LOWEST_BASE = 200;
    private static final int BASES = 400;

    static final Duration CREATE_TIMEOUT = Duration.ofMinutes(3);
    /** Start and deployment take 25 and 45 s on an idle two-core machine, and 50 and 140 s on a busy one. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(10);
    static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration SHORT_TIMEOUT = Duration.ofMinutes(2);

    private final Path payaraHome;
    private final Path runDir;
    private final Path domainsDir;
    private final String name;
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    private int portBase;

    /**
     * @param payaraHome the unpacked {@code payara6} directory
     * @param runDir where the domain, the asadmin logs and nothing else of this run go
     * @param name the domain's name
     */
    PayaraServerDomain(Path payaraHome, Path runDir, String name) {
        this.payaraHome = payaraHome;
        this.runDir = runDir;
        this.domainsDir = runDir.resolve("domains");
        this.name = name;
    }

    /** Creates the domain on a port base whose every port is free now. */
    void create() {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            portBase = freePortBase();
            try {
                asadmin(CREATE_TIMEOUT, "create-domain", "--domaindir", domainsDir.toString(), "--portbase",
                        Integer.toString(portBase), "--nopassword=true", "--checkports=true", name);
                return;
            } catch (IllegalStateException e) {
                // Someone took a port between the check and create-domain's own check: try another base.
                last = e;
                deleteQuietly(domainsDir.resolve(name));
            }
        }
        throw last;
    }

    /**
     * Before the first start: the server's heap ({@code -Xmx512m} becomes {@code maxHeap}) and
     * the HTTP listeners bound to 127.0.0.1 only.
     */
    void configure(String maxHeap) {
        Path domainXml = domainDir().resolve("config").resolve("domain.xml");
        try {
            String xml = Files.readString(domainXml, StandardCharsets.UTF_8);
            String edited = replaceRequired(xml, "<jvm-options>-Xmx512m</jvm-options>",
                    "<jvm-options>-Xmx" + maxHeap + "</jvm-options>");
            for (int offset : new int[] {HTTP_OFFSET, HTTP_OFFSET + 1}) {
                String listener = "<network-listener port=\"" + (portBase + offset) + "\"";
                edited = replaceRequired(edited, listener, "<network-listener address=\"127.0.0.1\" port=\""
                        + (portBase + offset) + "\"");
            }
            Files.writeString(domainXml, edited, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not edit " + domainXml, e);
        }
    }

    /** {@code start-domain}; the server JVM inherits {@code environment} from asadmin. */
    void start(Map<String, String> environment) {
        started.set(true);
        asadmin(START_TIMEOUT, environment, "start-domain", "--domaindir", domainsDir.toString(), name);
    }

    /** {@code deploy} of an archive under an application name. */
    void deploy(Path archive, String applicationName) {
        asadmin(DEPLOY_TIMEOUT, Map.of(), "--port", Integer.toString(adminPort()), "deploy", "--name", applicationName,
                archive.toString());
    }

    /** A remote subcommand against this domain's admin port, such as {@code list-applications}; returns its output. */
    String remote(String... subcommandAndArgs) {
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(adminPort())));
        args.addAll(List.of(subcommandAndArgs));
        return asadmin(SHORT_TIMEOUT, Map.of(), args.toArray(String[]::new));
    }

    /**
     * Stops the domain: {@code stop-domain}, then, if the server's process is still there, a
     * kill. Does nothing if the domain was never started; never throws.
     */
    void stop() {
        if (!started.getAndSet(false)) {
            return;
        }
        Optional<ProcessHandle> server = serverProcess();
        try {
            asadmin(STOP_TIMEOUT, Map.of(), "stop-domain", "--domaindir", domainsDir.toString(), name);
        } catch (RuntimeException e) {
            System.err.println("stop-domain failed: " + e.getMessage());
        }
        server.ifPresent(p -> {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.printf(Locale.ROOT, "Payara (pid %d) is still running after stop-domain: killing it%n", p.pid());
                p.destroyForcibly();
            }
        });
    }

    int adminPort() {
        return portBase + ADMIN_OFFSET;
    }

    int httpPort() {
        return portBase + HTTP_OFFSET;
    }

    Path domainDir() {
        return domainsDir.resolve(name);
    }

    Path serverLog() {
        return domainDir().resolve("logs").resolve("server.log");
    }

    /** The last {@code lines} lines of {@code server.log}, or why there are none. */
    String serverLogTail(int lines) {
        Path log = serverLog();
        if (!Files.isRegularFile(log)) {
            return "(no " + log + ")";
        }
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    private Optional<ProcessHandle> serverProcess() {
        Path pidFile = domainDir().resolve("config").resolve("pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            return ProcessHandle.of(pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String asadmin(Duration timeout, String... args) {
        return asadmin(timeout, Map.of(), args);
    }

    /**
     * Runs {@code asadmin --interactive=false <args>} with the test JVM's Java and returns its
     * output.
     *
     * @throws IllegalStateException if it does not exit with 0 within {@code timeout}
     */
    private String asadmin(Duration timeout, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", payaraHome.resolve("bin").resolve("asadmin").toString(),
                "--interactive=false"));
        command.addAll(List.of(args));
        String subcommand = args[0].startsWith("--") ? args[2] : args[0];
        Path output = runDir.resolve(String.format(Locale.ROOT, "asadmin-%02d-%s.log", commands.incrementAndGet(),
                subcommand));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(runDir.toFile())
                .redirectErrorStream(true)
                // A file, not a pipe: the server JVM that start-domain leaves behind must not hold our pipe open.
                .redirectOutput(output.toFile());
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        long begin = System.nanoTime();
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        }
        boolean exited;
        try {
            exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while running asadmin " + subcommand, e);
        }
        String text = read(output);
        if (!exited) {
            process.destroyForcibly();
            throw new IllegalStateException(String.format(Locale.ROOT, "asadmin %s did not finish within %d s:%n%s",
                    subcommand, timeout.toSeconds(), text));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "asadmin %s exited with %d:%n%s", subcommand,
                    process.exitValue(), text));
        }
        System.out.printf(Locale.ROOT, "asadmin %s: %.1f s%n", subcommand, (System.nanoTime() - begin) / 1e9);
        return text;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    private static String replaceRequired(String text, String target, String replacement) {
        if (!text.contains(target)) {
            throw new IllegalStateException("domain.xml has no " + target + "; has the domain template changed?");
        }
        return text.replace(target, replacement);
    }

    /** A port base none of whose ports is bound now; random, so that parallel builds rarely meet. */
    private static int freePortBase() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = (LOWEST_BASE + random.nextInt(BASES)) * 100;
            boolean free = true;
            for (int offset : PORT_OFFSETS) {
                if (!isFree(base + offset)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("No port base in [20000, 60000) with all its ports free");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for mvn clean
                }
            });
        } catch (IOException e) {
            // left for mvn clean
        }
    }
}
