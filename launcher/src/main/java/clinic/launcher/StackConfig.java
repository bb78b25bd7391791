package clinic.launcher;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to start and where: project directory (jars, realm file), data directory, parts, ports.
 * Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * StackConfig config = StackConfig.builder()
 *         .dataDir(tempDir)          // default <project>/.clinic
 *         .randomPorts()             // default: the fixed ports of docs/runtime.md
 *         .parts(Part.ALL)           // default: all
 *         .build();
 * }</pre>
 *
 * @param projectDir Repository root: holds {@code keycloak/clinic-realm.json}, {@code launcher/target/kafka-libs},
 *        the service jars.
 * @param dataDir Everything the stack writes: {@code postgres/}, {@code kafka/}, {@code keycloak/}, {@code logs/},
 *        {@code run/}.
 * @param keycloakJavaHome Explicit JDK (>= 21) for Keycloak, or empty to search {@code CLINIC_KEYCLOAK_JAVA_HOME},
 *        {@code JAVA_HOME}, /usr/lib/jvm.
 * @param keycloakDir Where the unpacked, built Keycloak distribution lives (default {@code <data>/keycloak}); can be
 *        shared by test runs.
 * @param jvmDirectory Directory scanned for JDKs (default /usr/lib/jvm).
 * @param serviceJars Jars given instead of {@code <project>/<part>/target/<part>.jar}: see {@link #serviceJar(Part)}.
 * @param serviceEnvs Extra environment variables per service: see {@link #serviceEnv(Part)}.
 * @param keycloakHeap Heap flags for Keycloak ({@code JAVA_OPTS_KC_HEAP}).
 * @param databaseOwnerPassword Password of each service's owner role ({@code <database>_owner}), which its migrations
 *        run as.
 * @param databaseAppPassword Password of each service's application role ({@code <database>_app}), which the service
 *        runs as.
 * @param instances How many instances of each of the four services run (1, the default, or 2: {@code --instances 2});
 *        PostgreSQL, Kafka and Keycloak always run once.
 */
public record StackConfig(Path projectDir, Path dataDir, Set<Part> parts, Map<PortName, Integer> ports,
        Optional<Path> keycloakJavaHome, Path keycloakDir, Path jvmDirectory, Map<Part, Path> serviceJars,
        Map<Part, Map<String, String>> serviceEnvs, List<String> serviceJvmArgs, String keycloakHeap,
        String kafkaHeap, Map<Part, Duration> startTimeouts, boolean registerShutdownHook,
        String databaseOwnerPassword, String databaseAppPassword, int instances) {

    public StackConfig {
        Objects.requireNonNull(keycloakJavaHome, "keycloakJavaHome: Optional.empty() to search for a JDK");
        Objects.requireNonNull(jvmDirectory, "jvmDirectory");
        requireParts(parts);
        requireInstances(instances);
        requirePasswords(databaseOwnerPassword, databaseAppPassword);
        projectDir = projectDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        keycloakDir = keycloakDir.toAbsolutePath().normalize();
        parts = Collections.unmodifiableSet(EnumSet.copyOf(parts));
        ports = Collections.unmodifiableMap(new EnumMap<>(ports));
        serviceJars = Collections.unmodifiableMap(new EnumMap<>(serviceJars));
        Map<Part, Map<String, String>> env = new EnumMap<>(Part.class);
        serviceEnvs.forEach((part, vars) -> env.put(part, Collections.unmodifiableMap(new LinkedHashMap<>(vars))));
        serviceEnvs = Collections.unmodifiableMap(env);
        serviceJvmArgs = List.copyOf(serviceJvmArgs);
        startTimeouts = Collections.unmodifiableMap(new EnumMap<>(startTimeouts));
        Set<Integer> seen = new java.util.HashSet<>();
        for (Map.Entry<PortName, Integer> e : ports.entrySet()) {
            if (e.getKey().instance() > instances) {
                continue; // the port of an instance that is not started
            }
            if (e.getValue() < 1 || e.getValue() > 65535) {
                throw new IllegalArgumentException(e.getKey().flag() + " " + e.getValue() + " is not a valid port");
            }
            if (!seen.add(e.getValue())) {
                throw new IllegalArgumentException("port " + e.getValue() + " is configured twice (" + e.getKey().flag() + ")");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean includes(Part part) {
        return parts.contains(part);
    }

    public int port(PortName name) {
        return ports.get(name);
    }

    public Path realmFile() {
        return projectDir.resolve("keycloak").resolve("clinic-realm.json");
    }

    public Path kafkaLibsDir() {
        return projectDir.resolve("launcher").resolve("target").resolve("kafka-libs");
    }

    /** The executable jar of a service, default {@code <project>/<part>/target/<part>.jar}. */
    public Path serviceJar(Part part) {
        Path jar = serviceJars.get(part);
        return jar != null ? jar : projectDir.resolve(part.id()).resolve("target").resolve(part.id() + ".jar");
    }

    /** Extra environment variables for one service (added to, or overriding, the ones from docs/runtime.md). */
    public Map<String, String> serviceEnv(Part part) {
        return serviceEnvs.getOrDefault(part, Map.of());
    }

    public Duration startTimeout(Part part) {
        return startTimeouts.get(part);
    }

    public Path logFile(Part part) {
        return logFile(part, 1);
    }

    /** The log of one instance of a part: {@code <part>.log} for the first, {@code <part>-2.log} for the second. */
    public Path logFile(Part part, int instance) {
        return dataDir.resolve("logs").resolve(instanceName(part, instance) + ".log");
    }

    /** How many instances of this part run: {@link #instances()} for a service, 1 for the infrastructure. */
    public int instances(Part part) {
        return part.isService() ? instances : 1;
    }

    /**
     * The name of one instance of a part in pid files, logs and its {@code CLINIC_INSTANCE_NAME}: the part's id for the
     * first ({@code intake-service}), with the instance number after it for the others ({@code intake-service-2}).
     */
    public static String instanceName(Part part, int instance) {
        return instance == 1 ? part.id() : part.id() + "-" + instance;
    }

    /** Walks up from the working directory to the directory holding {@code keycloak/clinic-realm.json}. */
    static Path findProjectDir() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("keycloak/clinic-realm.json")) && Files.isDirectory(dir.resolve("launcher"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project directory (with keycloak/clinic-realm.json) from " + start
                + "; set it with StackConfig.builder().projectDir(...) or --project-dir");
    }

    private static void requireParts(Set<Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no parts selected");
        }
    }

    private static void requireInstances(int instances) {
        if (instances < 1 || instances > 2) {
            throw new IllegalArgumentException("--instances " + instances + ": the suite runs 1 or 2 instances of each service");
        }
    }

    private static void requirePasswords(String owner, String application) {
        if (owner == null || owner.isBlank() || application == null || application.isBlank()) {
            throw new IllegalArgumentException("a database role needs a password");
        }
    }

    @Override
    public String toString() {
        return "StackConfig{project=" + projectDir + ", data=" + dataDir + ", parts=" + parts + ", ports=" + ports + "}";
    }

    public static final class Builder {
        private Path projectDir;
        private Path dataDir;
        private Set<Part> parts = EnumSet.allOf(Part.class);
        private final Map<PortName, Integer> ports = new EnumMap<>(PortName.class);
        private Path keycloakJavaHome;
        private Path keycloakDir;
        private Path jvmDirectory = Path.of("/usr/lib/jvm");
        private final Map<Part, Path> serviceJars = new EnumMap<>(Part.class);
        private final Map<Part, Map<String, String>> serviceEnv = new EnumMap<>(Part.class);
        private List<String> serviceJvmArgs = List.of("-Xms64m", "-Xmx320m", "-Xss512k", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=256m", "-Dfile.encoding=UTF-8");
        private String keycloakHeap = "-Xms64m -Xmx640m";
        private String kafkaHeap = "-Xms64m -Xmx384m";
        private final Map<Part, Duration> startTimeouts = new EnumMap<>(Part.class);
        private boolean registerShutdownHook = true;
        private String databaseOwnerPassword = "clinic-owner-demo";
        private String databaseAppPassword = "clinic-app-demo";
        private int instances = 1;

        private Builder() {
            for (PortName name : PortName.values()) {
                ports.put(name, name.defaultPort());
            }
            startTimeouts.put(Part.POSTGRES, Duration.ofSeconds(90));
            startTimeouts.put(Part.KAFKA, Duration.ofSeconds(120));
            // first start unpacks (165 MB) and builds the distribution
            startTimeouts.put(Part.KEYCLOAK, Duration.ofSeconds(360));
            startTimeouts.put(Part.MAIL, Duration.ofSeconds(30));
            for (Part service : Part.SERVICES) {
                startTimeouts.put(service, Duration.ofSeconds(240));
            }
        }

        public Builder projectDir(Path projectDir) {
            this.projectDir = projectDir;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder parts(Set<Part> parts) {
            requireParts(parts);
            this.parts = EnumSet.copyOf(parts);
            return this;
        }

        public Builder parts(Part first, Part... more) {
            return parts(EnumSet.of(first, more));
        }

        public Builder port(PortName name, int port) {
            ports.put(name, port);
            return this;
        }

        /** Picks a free ephemeral port for every {@link PortName} (for tests running next to a dev stack). */
        public Builder randomPorts() {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (PortName name : PortName.values()) {
                    ServerSocket socket = new ServerSocket(0);
                    sockets.add(socket);
                    ports.put(name, socket.getLocalPort());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find free ports", e);
            } finally {
                for (ServerSocket socket : sockets) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // nothing to do
                    }
                }
            }
            return this;
        }

        /**
         * Reads {@code CLINIC_<NAME>_PORT} (see {@link PortName#envVar()}), {@code CLINIC_DATA_DIR},
         * {@code CLINIC_KEYCLOAK_JAVA_HOME}, {@code CLINIC_KEYCLOAK_DIR}, {@code CLINIC_ONLY},
         * {@code CLINIC_DB_OWNER_PASSWORD} and {@code CLINIC_DB_APP_PASSWORD} from the given environment.
         */
        public Builder fromEnvironment(Map<String, String> env) {
            for (PortName name : PortName.values()) {
                String value = env.get(name.envVar());
                if (value != null && !value.isBlank()) {
                    try {
                        ports.put(name, Integer.parseInt(value.trim()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(name.envVar() + "=" + value + " is not a port number");
                    }
                }
            }
            if (notBlank(env.get("CLINIC_DATA_DIR"))) {
                dataDir = Path.of(env.get("CLINIC_DATA_DIR"));
            }
            if (notBlank(env.get("CLINIC_KEYCLOAK_JAVA_HOME"))) {
                keycloakJavaHome = Path.of(env.get("CLINIC_KEYCLOAK_JAVA_HOME"));
            }
            if (notBlank(env.get("CLINIC_KEYCLOAK_DIR"))) {
                keycloakDir = Path.of(env.get("CLINIC_KEYCLOAK_DIR"));
            }
            if (notBlank(env.get("CLINIC_ONLY"))) {
                parts = Part.parse(env.get("CLINIC_ONLY"));
            }
            if (notBlank(env.get("CLINIC_DB_OWNER_PASSWORD"))) {
                databaseOwnerPassword = env.get("CLINIC_DB_OWNER_PASSWORD");
            }
            if (notBlank(env.get("CLINIC_DB_APP_PASSWORD"))) {
                databaseAppPassword = env.get("CLINIC_DB_APP_PASSWORD");
            }
            if (notBlank(env.get("CLINIC_INSTANCES"))) {
                instances(parseInstances("CLINIC_INSTANCES", env.get("CLINIC_INSTANCES")));
            }
            return this;
        }

        public Builder keycloakJavaHome(Path javaHome) {
            this.keycloakJavaHome = javaHome;
            return this;
        }

        /**
         * Directory for the unpacked and built Keycloak distribution. Tests can point several temporary stacks
         * at one directory (one at a time) so the distribution is unpacked and built only once.
         */
        public Builder keycloakDir(Path dir) {
            this.keycloakDir = dir;
            return this;
        }

        public Builder jvmDirectory(Path dir) {
            this.jvmDirectory = Objects.requireNonNull(dir);
            return this;
        }

        public Builder serviceJar(Part service, Path jar) {
            requireService(service);
            serviceJars.put(service, jar);
            return this;
        }

        /** Extra environment variable for one service, e.g. a Spring property in env form. */
        public Builder serviceEnv(Part service, String name, String value) {
            requireService(service);
            serviceEnv.computeIfAbsent(service, p -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** Extra environment variable for all four services. */
        public Builder serviceEnv(String name, String value) {
            for (Part service : Part.SERVICES) {
                serviceEnv(service, name, value);
            }
            return this;
        }

        public Builder serviceJvmArgs(List<String> args) {
            this.serviceJvmArgs = List.copyOf(args);
            return this;
        }

        /** Heap flags for Keycloak ({@code JAVA_OPTS_KC_HEAP}), default {@code -Xms64m -Xmx640m}. */
        public Builder keycloakHeap(String heapFlags) {
            this.keycloakHeap = heapFlags;
            return this;
        }

        public Builder kafkaHeap(String heapFlags) {
            this.kafkaHeap = heapFlags;
            return this;
        }

        public Builder startTimeout(Part part, Duration timeout) {
            startTimeouts.put(part, timeout);
            return this;
        }

        /** Passwords of the services' database roles: the owner roles (migrations) and the application roles. */
        public Builder databasePasswords(String owner, String application) {
            requirePasswords(owner, application);
            this.databaseOwnerPassword = owner;
            this.databaseAppPassword = application;
            return this;
        }

        /**
         * How many instances of each service and of the gateway to run: 1 (default) or 2. The second instances listen
         * on their own ports ({@link PortName#INTAKE_2} ...), share the databases and Kafka with the first, and the
         * gateways route to every instance of a service.
         */
        public Builder instances(int instances) {
            requireInstances(instances);
            this.instances = instances;
            return this;
        }

        static int parseInstances(String what, String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " " + value + " is not a number (1 or 2)");
            }
        }

        /** Stop the stack when the JVM exits (default true). */
        public Builder registerShutdownHook(boolean register) {
            this.registerShutdownHook = register;
            return this;
        }

        public StackConfig build() {
            Path project = projectDir != null ? projectDir : findProjectDir();
            Path data = dataDir != null ? dataDir : project.resolve(".clinic");
            return new StackConfig(project, data, parts, ports, Optional.ofNullable(keycloakJavaHome),
                    keycloakDir != null ? keycloakDir : data.toAbsolutePath().resolve("keycloak"), jvmDirectory,
                    serviceJars, serviceEnv, serviceJvmArgs, keycloakHeap, kafkaHeap, startTimeouts,
                    registerShutdownHook, databaseOwnerPassword, databaseAppPassword, instances);
        }

        private static void requireService(Part part) {
            if (!part.isService()) {
                throw new IllegalArgumentException(part + " is not a service");
            }
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }
}
