package clinic.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import clinic.contracts.KafkaTopics;

/**
 * A Kafka broker in KRaft mode (combined broker and controller, static single-voter quorum) as a child process,
 * run from the jars in {@code launcher/target/kafka-libs}. Formats {@code <data>/kafka} on the first start and
 * creates the topics of {@link KafkaTopics} if they are missing.
 *
 * <p>Clients must log in: the client listener is SASL_PLAINTEXT with SCRAM-SHA-256 only, the StandardAuthorizer
 * refuses whatever no ACL allows, and the only super users are the launcher's administrator and the controller
 * listener's login ({@link KafkaCredentials}; the controller listener stays on localhost, SASL/PLAIN with a static
 * login, so that the broker's own requests to it are not anonymous). SCRAM users live in the metadata log, so a new
 * storage, and one formatted before SASL, get theirs in a one-time bootstrap start in which the client listener also
 * offers PLAIN to the administrator alone (its password is in the broker's configuration); from the next start on
 * only SCRAM is offered. On every start the administrator writes the SCRAM credentials of all users (the same
 * passwords), creates the topics and makes the services' ACLs those of {@link KafkaAcls}.
 */
final class KafkaComponent extends ProcessComponent {

    KafkaComponent(StackConfig config, ProgressListener listener) {
        super(Part.KAFKA, config, listener, Duration.ofSeconds(30));
    }

    int port() {
        return config.port(PortName.KAFKA);
    }

    int controllerPort() {
        return config.port(PortName.KAFKA_CONTROLLER);
    }

    String bootstrapServers() {
        return "localhost:" + port();
    }

    @Override
    String startDetail() {
        return "port " + port() + ", controller " + controllerPort();
    }

    @Override
    String healthProblem() throws Exception {
        try (Admin admin = Admin.create(adminProperties(bootstrapServers(), credentials()))) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return null;
        }
    }

    private KafkaCredentials credentials() {
        return KafkaCredentials.load(config.dataDir());
    }

    @Override
    String start() throws Exception {
        long started = System.nanoTime();
        Path libs = config.kafkaLibsDir();
        if (!hasKafkaJar(libs)) {
            throw failure("the Kafka libraries are missing in " + libs + ": build the launcher first (./mvnw -q -pl launcher package)");
        }
        Path logDir = config.dataDir().resolve("kafka");
        Path confDir = config.dataDir().resolve("conf");
        Files.createDirectories(logDir);
        Files.createDirectories(confDir);
        Path serverProperties = confDir.resolve("kafka-server.properties");
        Path log4j = confDir.resolve("kafka-log4j2.properties");
        KafkaCredentials credentials = credentials();
        boolean fresh = !Files.exists(logDir.resolve("meta.properties"));
        // a new storage, one formatted before SASL, or a password new in the file: the broker does not know the SCRAM
        // users yet, so for this one start the administrator may also log in with PLAIN (its password is in the
        // broker's configuration, not in the metadata log) to write them; from the next start on only SCRAM is offered.
        // (Not StorageTool's --add-scram: that would put the password on a command line, visible in ps.)
        boolean bootstrap = fresh || !credentials.scramUsersSet();
        // holds the administrator's and the controller login's passwords: readable by the owner only
        if (!Files.exists(serverProperties)) {
            KafkaCredentials.createOwnerOnly(serverProperties);
        }
        try {
            Files.setPosixFilePermissions(serverProperties, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        Files.writeString(serverProperties, serverProperties(logDir, credentials, bootstrap));
        Files.writeString(log4j, LOG4J2);

        List<String> java = new ArrayList<>(List.of(javaExecutable()));
        java.addAll(List.of(config.kafkaHeap().trim().split("\\s+")));
        java.addAll(List.of("-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-cp", libs.resolve("*").toString()));

        if (fresh) {
            listener.step(part, "formatting " + logDir);
            List<String> format = new ArrayList<>(java);
            format.addAll(List.of("kafka.tools.StorageTool", "format",
                    "--cluster-id", Uuid.randomUuid().toString(),
                    "--config", serverProperties.toString()));
            int exit = ChildProcess.run(format, Map.of(), config.dataDir(), logFile(), Duration.ofSeconds(120));
            if (exit != 0) {
                throw failure("formatting the Kafka storage failed (exit code " + exit + ")");
            }
        }
        if (bootstrap) {
            listener.step(part, "giving the broker its SCRAM users (once)");
        }

        List<String> server = new ArrayList<>(java);
        server.addAll(List.of("kafka.Kafka", serverProperties.toString()));
        launch(server, Map.of(), config.dataDir());
        Properties setup = bootstrap ? bootstrapAdminProperties(bootstrapServers(), credentials)
                : adminProperties(bootstrapServers(), credentials);
        try (Admin admin = Admin.create(setup)) {
            awaitReady(process, started, () -> {
                upsertScramUsers(admin, credentials);
                return null;
            });
        }
        KafkaCredentials.markScramUsersSet(config.dataDir());
        try (Admin admin = Admin.create(adminProperties(bootstrapServers(), credentials))) {
            awaitReady(process, started, () -> {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return null;
            });
            int created = ensureTopics(admin);
            String acls = KafkaAcls.ensure(admin);
            return "SASL/SCRAM, " + acls + ", " + (created == 0 ? "topics present" : created + " topics created");
        }
    }

    /** Sets the SCRAM-SHA-256 credential of the administrator and of each service (the same password every start). */
    static void upsertScramUsers(Admin admin, KafkaCredentials credentials) throws Exception {
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        for (String user : KafkaCredentials.scramUsers()) {
            upserts.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 8192), credentials.password(user)));
        }
        admin.alterUserScramCredentials(upserts).all().get(10, TimeUnit.SECONDS);
    }

    /** The launcher's administrator on the client listener (SASL/SCRAM). */
    static Properties adminProperties(String bootstrapServers, KafkaCredentials credentials) {
        Properties props = baseAdminProperties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putAll(credentials.clientProperties(KafkaCredentials.ADMIN));
        return props;
    }

    /** The administrator's PLAIN login, offered by the broker only during the one-time bootstrap. */
    static Properties bootstrapAdminProperties(String bootstrapServers, KafkaCredentials credentials) {
        Properties props = baseAdminProperties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putAll(credentials.bootstrapClientProperties());
        return props;
    }

    private static Properties baseAdminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "clinic-launcher");
        return props;
    }

    /** Creates missing topics, and adds partitions where a topic has fewer than configured. Returns how many were created. */
    static int ensureTopics(Admin admin) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        KafkaTopics.PARTITIONS.forEach((name, partitions) -> {
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, partitions, (short) 1));
            }
        });
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        }
        List<String> present = KafkaTopics.PARTITIONS.keySet().stream().filter(existing::contains).toList();
        if (!present.isEmpty()) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<String, NewPartitions> grow = new HashMap<>();
            descriptions.forEach((name, d) -> {
                int wanted = KafkaTopics.PARTITIONS.get(name);
                if (d.partitions().size() < wanted) {
                    grow.put(name, NewPartitions.increaseTo(wanted));
                }
            });
            if (!grow.isEmpty()) {
                admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
            }
        }
        return missing.size();
    }

    private String serverProperties(Path logDir, KafkaCredentials credentials, boolean bootstrap) {
        return String.join("\n",
                "# written by the clinic launcher on every start; edit StackConfig / the launcher instead",
                "# (holds passwords: readable by the owner only; they come from " + KafkaCredentials.FILE + ")",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort(),
                "listeners=SASL_PLAINTEXT://localhost:" + port() + ",CONTROLLER://localhost:" + controllerPort(),
                "advertised.listeners=SASL_PLAINTEXT://localhost:" + port(),
                "inter.broker.listener.name=SASL_PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "# clients: SCRAM-SHA-256 (users in the metadata log, written by the launcher); the broker logs in as the administrator",
                "listener.name.sasl_plaintext.sasl.enabled.mechanisms=" + KafkaCredentials.MECHANISM + (bootstrap ? ",PLAIN" : ""),
                bootstrap ? "# this start only: the administrator may log in with PLAIN to write the SCRAM users\n"
                        + "listener.name.sasl_plaintext.plain.sasl.jaas.config=" + credentials.bootstrapServerJaas() : "#",
                "sasl.mechanism.inter.broker.protocol=" + KafkaCredentials.MECHANISM,
                "listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=" + credentials.scramJaas(KafkaCredentials.ADMIN),
                "# controller: PLAIN with one static login (the broker's; SCRAM users cannot log in to the quorum that stores them)",
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + credentials.controllerServerJaas(),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=" + KafkaAcls.principal(KafkaCredentials.ADMIN) + ";" + KafkaAcls.principal(KafkaCredentials.CONTROLLER),
                "log.dirs=" + logDir,
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=4",
                "log.retention.hours=168",
                "# the compaction buffer (of __consumer_offsets and the like) is allocated whole at start: Kafka's 128 MiB",
                "# default was most of the broker's memory at rest; 16 MiB holds the offsets of this suite's compacted topics",
                "log.cleaner.dedupe.buffer.size=16777216",
                "") ;
    }

    private static final String LOG4J2 = String.join("\n",
            "# Kafka broker logging: to stdout, which the launcher writes to <data>/logs/kafka.log",
            "status = warn",
            "appender.out.type = Console",
            "appender.out.name = STDOUT",
            "appender.out.layout.type = PatternLayout",
            "appender.out.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.out.ref = STDOUT",
            "logger.kafka.name = kafka",
            "logger.kafka.level = info",
            "logger.state.name = state.change.logger",
            "logger.state.level = warn",
            "logger.request.name = kafka.request.logger",
            "logger.request.level = warn",
            "logger.cleaner.name = kafka.log.LogCleaner",
            "logger.cleaner.level = warn",
            "");

    private static boolean hasKafkaJar(Path libs) {
        if (!Files.isDirectory(libs)) {
            return false;
        }
        try (Stream<Path> files = Files.list(libs)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
