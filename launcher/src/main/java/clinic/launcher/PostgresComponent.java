package clinic.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * PostgreSQL 17 from the zonky binaries, data kept in {@code <data>/postgres}; creates the databases and the
 * services' roles ({@link DatabaseRoles}). Restartable on the same data directory and port after its postmaster was
 * killed: the old handle's lock is released, the killed server's backends are waited for (they hold its shared
 * memory) and a stale {@code postmaster.pid} is removed.
 */
final class PostgresComponent extends Component {

    /** zonky's lock file in the data directory (EmbeddedPostgres.LOCK_FILE_NAME). */
    private static final String ZONKY_LOCK = "epg-lock";

    /** One database per service, plus Keycloak's. */
    static final List<String> DATABASES = List.of("intake", "scheduling", "session", "gateway", "keycloak");

    /**
     * Client authentication: the superuser from this machine without a password (zonky's own checks, Keycloak,
     * {@code ./clinic} tools, backups), every other role with its password (scram), over TCP and over the Unix socket
     * alike: the services' roles get no way in without their password.
     */
    static final String PG_HBA = String.join("\n",
            "# written by the clinic launcher on every start (PostgresComponent)",
            "local   all           postgres                  trust",
            "local   all           all                       scram-sha-256",
            "host    all           postgres   127.0.0.1/32   trust",
            "host    all           postgres   ::1/128        trust",
            "host    all           all        127.0.0.1/32   scram-sha-256",
            "host    all           all        ::1/128        scram-sha-256",
            "local   replication   postgres                  trust",
            "host    replication   postgres   127.0.0.1/32   trust",
            "host    replication   postgres   ::1/128        trust",
            "");

    /** Databases no service role has any business in: PUBLIC may not connect (the superuser still may). */
    static final List<String> CLOSED_DATABASES = List.of("postgres", "keycloak");

    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;
    /** Set once this component has asked zonky to start a server (so stop() may look for one it left). */
    private volatile boolean launched;

    PostgresComponent(StackConfig config, ProgressListener listener) {
        super(Part.POSTGRES, config, listener);
    }

    Path dataDirectory() {
        return config.dataDir().resolve("postgres");
    }

    int port() {
        return config.port(PortName.POSTGRES);
    }

    @Override
    String startDetail() {
        return "port " + port();
    }

    @Override
    String start() throws Exception {
        Path dir = dataDirectory();
        Optional<ProcessHandle> stale = postmasterOf(dir);
        if (stale.isPresent()) {
            throw failure("a PostgreSQL server from an earlier run still uses " + dir + " (" + RunFiles.describe(stale.get())
                    + "); stop it with ./clinic down, or: kill -INT " + stale.get().pid());
        }
        Files.createDirectories(dir.getParent());
        clearAfterCrash(dir);
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile().toFile());
        launched = true;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // the stack stops it, after the services
                    .setPort(port())
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "localhost")
                    // zonky is tuned for throw-away test databases; this one keeps a clinic's records
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // what each statement costs, for an administrator (and ./clinic bench) to see where the time goes
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setPGStartupWait(config.startTimeout(part))
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
        } catch (IOException | RuntimeException e) {
            if (isLockFailure(e)) {
                // another EmbeddedPostgres holds the data directory: nothing here is ours to stop or unlock
                launched = false;
            } else {
                // zonky gives up waiting after pg_ctl has started the server (a slow start); that server is ours to stop
                stopLeftover();
            }
            throw failure("PostgreSQL did not start: " + e.getMessage(), e);
        }
        postmaster = postmasterOf(dir).orElse(null);
        if (postmaster != null) {
            runFiles.write(part.id(), postmaster);
            ChildProcess.watch(postmaster.pid(), "INT", 30); // SIGINT = fast shutdown
        }
        if (stopRequested) {
            stop();
            throw failure(StackStartException.ABORTED);
        }
        String version;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("show server_version")) {
                rs.next();
                version = rs.getString(1);
            }
            for (String db : DATABASES) {
                if (DatabaseRoles.SERVICE_DATABASES.contains(db)) {
                    DatabaseRoles.ensure(c, "jdbc:postgresql://localhost:" + port() + "/", db,
                            config.databaseOwnerPassword(), config.databaseAppPassword());
                    continue;
                }
                try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, db);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (!rs.next()) {
                            s.execute("create database \"" + db + "\"");
                        }
                    }
                }
            }
            for (String db : CLOSED_DATABASES) {
                s.execute("revoke connect, temporary on database \"" + db + "\" from public");
            }
            Files.writeString(dir.resolve("pg_hba.conf"), PG_HBA);
            s.execute("select pg_reload_conf()");
        }
        return "PostgreSQL " + version + ", data " + dir;
    }

    /**
     * After a crash (the postmaster killed): waits for the killed server's backends, which notice their postmaster's
     * death and exit, and kills those still there after 10 s; removes a {@code postmaster.pid} whose pid now belongs
     * to another program (PostgreSQL would refuse to start over it).
     */
    private void clearAfterCrash(Path dir) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<ProcessHandle> left = processesIn(dir);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            ChildProcess.sleep(100);
            left = processesIn(dir);
        }
        left.forEach(ProcessHandle::destroyForcibly);
        Path pidFile = dir.resolve("postmaster.pid");
        if (Files.isRegularFile(pidFile) && postmasterOf(dir).isEmpty()) {
            Files.deleteIfExists(pidFile);
        }
    }

    /**
     * PostgreSQL server processes whose working directory is {@code dir}: a server's postmaster and backends (Linux).
     * Nothing else, whatever its working directory (a shell someone opened in the data directory).
     */
    static List<ProcessHandle> processesIn(Path dir) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        return ProcessHandle.allProcesses().filter(PostgresComponent::isPostgres).filter(p -> {
            try {
                return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd")).equals(real);
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }).toList();
    }

    /** The postmaster recorded in {@code postmaster.pid}, if it is alive. */
    static Optional<ProcessHandle> postmasterOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).get(0).trim();
            // a pid reused by another program after a crash is not our server
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code p} runs the PostgreSQL server binary (a postmaster or a backend). */
    static boolean isPostgres(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    }

    /**
     * zonky's {@code pg_ctl -w start} for {@code dir} while it still runs: a child of this JVM, parent of the
     * postmaster until the server is up or has failed.
     */
    static List<ProcessHandle> pgCtlsFor(Path dir) {
        String path = dir.toString();
        return ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("/pg_ctl")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(path)).orElse(false))
                .toList();
    }

    /**
     * Stops what a start that did not finish may have left running: zonky's {@code pg_ctl} (given a moment to end on
     * its own, so that the server it started is in {@code postmaster.pid}) and the postmaster with its backends. Also
     * removes zonky's lock file: the failed handle never releases its lock, and this JVM could not take it again.
     * @return true if something had to be killed
     */
    private boolean stopLeftover() {
        Path dir = dataDirectory();
        boolean forced = false;
        for (ProcessHandle ctl : pgCtlsFor(dir)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (ctl.isAlive() && System.nanoTime() < deadline) {
                ChildProcess.sleep(100);
            }
            forced |= ChildProcess.stop(ctl, Duration.ofSeconds(5)); // and the postmaster, still its child
        }
        // only a PostgreSQL server running in this data directory, never whatever program now has a recorded pid
        Optional<ProcessHandle> pm = postmasterOf(dir).filter(p -> processesIn(dir).contains(p));
        if (pm.isPresent()) {
            forced |= ChildProcess.stop(pm.get(), Duration.ofSeconds(10));
        }
        try {
            Files.deleteIfExists(dir.resolve(ZONKY_LOCK));
        } catch (IOException e) {
            // the next start reports it
        }
        return forced;
    }

    /**
     * Whether zonky failed because it could not take its lock on the data directory: another handle (in this JVM or
     * another) has it, so the directory, its server and its lock file are not this component's.
     */
    static boolean isLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.OverlappingFileLockException
                    || (t instanceof IllegalStateException && String.valueOf(t.getMessage()).startsWith("could not lock"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    boolean stop() {
        stopRequested = true;
        // a stop is also what an interrupted thread does last (the supervisor's worker when the stack closes):
        // pg_ctl stop and the grace period must not be cut short by the interrupt
        boolean interrupted = Thread.interrupted();
        try {
            EmbeddedPostgres pg = postgres;
            postgres = null;
            boolean forced = false;
            if (pg != null) {
                try {
                    pg.close(); // pg_ctl stop -m fast, waits
                } catch (IOException e) {
                    // fall through to the kill below
                }
                ProcessHandle pm = postmaster;
                if (pm != null && pm.isAlive()) {
                    forced = ChildProcess.stop(pm, Duration.ofSeconds(10));
                }
            }
            if (launched) {
                // a start that failed, or is still under way (zonky has not handed over its handle), or was cut short
                // (zonky returns early when interrupted, maybe before the server wrote postmaster.pid): a server
                // pg_ctl started anyway would otherwise run on with nobody to stop it
                forced |= stopLeftover();
            }
            runFiles.delete(part.id());
            return forced;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    boolean isAlive() {
        ProcessHandle pm = postmaster;
        return postgres != null && pm != null && pm.isAlive();
    }

    @Override
    OptionalLong pid() {
        ProcessHandle pm = postmaster;
        return pm != null && pm.isAlive() ? OptionalLong.of(pm.pid()) : OptionalLong.empty();
    }

    @Override
    String healthProblem() throws Exception {
        EmbeddedPostgres pg = postgres;
        if (pg == null) {
            return "not started";
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("select 1");
            return null;
        }
    }

    @Override
    String exitDescription() {
        // pg_ctl starts the postmaster, so it is no child of ours and its exit code is not ours to read
        ProcessHandle pm = postmaster;
        return "(the postmaster" + (pm == null ? "" : ", pid " + pm.pid()) + ") is no longer running";
    }
}
