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

/** PostgreSQL 17 from the zonky binaries, data kept in {@code <data>/postgres}; creates the databases. */
final class PostgresComponent extends Component {

    /** One database per service, plus Keycloak's. */
    static final List<String> DATABASES = List.of("intake", "scheduling", "session", "gateway", "keycloak");

    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;

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
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile().toFile());
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
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setPGStartupWait(config.startTimeout(part))
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
        } catch (IOException | RuntimeException e) {
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
                try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, db);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (!rs.next()) {
                            s.execute("create database \"" + db + "\"");
                        }
                    }
                }
            }
        }
        return "PostgreSQL " + version + ", data " + dir;
    }

    /** The postmaster recorded in {@code postmaster.pid}, if it is alive. */
    static Optional<ProcessHandle> postmasterOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).get(0).trim();
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    boolean stop() {
        stopRequested = true;
        EmbeddedPostgres pg = postgres;
        postgres = null;
        if (pg == null) {
            return false;
        }
        try {
            pg.close(); // pg_ctl stop -m fast, waits
        } catch (IOException e) {
            // fall through to the kill below
        }
        boolean forced = false;
        ProcessHandle pm = postmaster;
        if (pm != null && pm.isAlive()) {
            forced = ChildProcess.stop(pm, Duration.ofSeconds(10));
        }
        runFiles.delete(part.id());
        return forced;
    }

    @Override
    boolean isAlive() {
        ProcessHandle pm = postmaster;
        return postgres != null && pm != null && pm.isAlive();
    }

    @Override
    String exitDescription() {
        return "(the postmaster) is no longer running";
    }
}
