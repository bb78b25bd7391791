package clinic.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keycloak from the {@code keycloak-quarkus-dist} tar.gz in the Maven local repository: unpacked once into
 * {@code <keycloakDir>/keycloak-<version>}, built once ({@code kc.sh build}, PostgreSQL, health), then started with
 * {@code kc.sh start --optimized --import-realm} on the embedded database {@code keycloak}. Needs a JDK >= 21.
 */
final class KeycloakComponent extends ProcessComponent {

    static final String REALM = "clinic";
    /** Build-time options; a change triggers a new {@code kc.sh build}. */
    static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true");
    private static final String BUILT_MARKER = ".clinic-built";

    KeycloakComponent(StackConfig config, ProgressListener listener) {
        super(Part.KEYCLOAK, config, listener, Duration.ofSeconds(20));
    }

    int port() {
        return config.port(PortName.KEYCLOAK);
    }

    int managementPort() {
        return config.port(PortName.KEYCLOAK_MANAGEMENT);
    }

    String url() {
        return "http://localhost:" + port();
    }

    @Override
    String startDetail() {
        return "port " + port() + ", management " + managementPort();
    }

    /** Keycloak's java, which kc.sh runs as its child (killing it ends kc.sh too); else kc.sh. */
    @Override
    OptionalLong pid() {
        ChildProcess p = process;
        if (p == null || !p.isAlive()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(p.handle().descendants()
                .filter(d -> d.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(p.pid()));
    }

    @Override
    String healthProblem() throws Exception {
        return httpOk("http://localhost:" + managementPort() + "/health/ready");
    }

    @Override
    String start() throws Exception {
        long started = System.nanoTime();
        Path javaHome;
        try {
            javaHome = JdkFinder.find(config.keycloakJavaHome(), System.getenv(), config.jvmDirectory(), JdkFinder.KEYCLOAK_MINIMUM);
        } catch (JdkFinder.NoSuitableJdkException e) {
            throw new StackStartException(part, e.getMessage(), null, List.of(), e);
        }
        Path realm = config.realmFile();
        if (!Files.isRegularFile(realm)) {
            throw failure("the realm file " + realm + " is missing");
        }
        Path home = distribution();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("JAVA", null);
        env.put("JAVA_OPTS", null);
        env.put("JAVA_OPTS_KC_HEAP", config.keycloakHeap());
        // jboss-threads' thread-local reset on Java 24+ (otherwise IllegalAccessError in worker threads)
        env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        ensureBuilt(home, env);

        Path importDir = home.resolve("data").resolve("import");
        Files.createDirectories(importDir);
        Files.copy(realm, importDir.resolve("clinic-realm.json"), StandardCopyOption.REPLACE_EXISTING);

        String gatewayUrl = "http://localhost:" + config.port(PortName.GATEWAY);
        env.put("GATEWAY_URL", gatewayUrl);
        // the second gateway (--instances 2) signs staff in too; the realm file falls back to GATEWAY_URL without it
        env.put("GATEWAY_2_URL", "http://localhost:" + config.port(PortName.GATEWAY_2));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("KC_DB_URL", "jdbc:postgresql://localhost:" + config.port(PortName.POSTGRES) + "/keycloak");
        env.put("KC_DB_USERNAME", "postgres");
        env.put("KC_DB_PASSWORD", "postgres");
        List<String> command = List.of(home.resolve("bin").resolve("kc.sh").toString(), "start", "--optimized", "--import-realm",
                "--http-enabled=true", "--http-port=" + port(), "--http-management-port=" + managementPort(),
                "--hostname=" + url(), "--cache=local", "--db-pool-max-size=20", "--log-console-color=false");
        launch(command, env, home);
        String health = "http://localhost:" + managementPort() + "/health/ready";
        String discovery = url() + "/realms/" + REALM + "/.well-known/openid-configuration";
        awaitReady(process, started, () -> {
            String notReady = httpOk(health);
            return notReady != null ? notReady : httpOk(discovery);
        });
        return "Java " + JdkFinder.featureVersion(javaHome) + " from " + javaHome + ", realm " + REALM;
    }

    /** The unpacked distribution, unpacking it first if needed (into a temp dir, then renamed, so half-unpacked never counts). */
    private Path distribution() throws IOException, InterruptedException {
        String version = BuildInfo.keycloakVersion();
        Path parent = config.keycloakDir();
        Path home = parent.resolve("keycloak-" + version);
        if (Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            return home;
        }
        Path archive = BuildInfo.keycloakDistArchive();
        if (!Files.isRegularFile(archive)) {
            throw failure("the Keycloak distribution " + archive + " is missing: build the launcher (./mvnw -q -pl launcher package),"
                    + " which downloads org.keycloak:keycloak-quarkus-dist:" + version + ":tar.gz once");
        }
        listener.step(part, "unpacking " + archive.getFileName() + " into " + parent);
        Files.createDirectories(parent);
        Path tmp = parent.resolve(".unpack-" + UUID.randomUUID());
        Files.createDirectories(tmp);
        try {
            int exit = ChildProcess.run(List.of("tar", "-xzf", archive.toString(), "-C", tmp.toString()), Map.of(), parent,
                    logFile(), Duration.ofMinutes(5));
            if (exit != 0) {
                throw failure("unpacking " + archive + " failed (tar exit code " + exit + ")");
            }
            Path unpacked = tmp.resolve("keycloak-" + version);
            if (!Files.isDirectory(unpacked)) {
                throw failure(archive + " does not contain keycloak-" + version + "/");
            }
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(tmp);
        }
        return home;
    }

    private void ensureBuilt(Path home, Map<String, String> env) throws IOException, InterruptedException {
        Path marker = home.resolve(BUILT_MARKER);
        String wanted = String.join(" ", BUILD_OPTIONS);
        if (Files.isRegularFile(marker) && Files.readString(marker).trim().equals(wanted)) {
            return;
        }
        listener.step(part, "building the distribution (kc.sh build " + wanted + "), once");
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        int exit = ChildProcess.run(command, env, home, logFile(), config.startTimeout(part));
        if (exit != 0) {
            throw failure("kc.sh build failed (exit code " + exit + ")");
        }
        Files.writeString(marker, wanted + "\n");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
