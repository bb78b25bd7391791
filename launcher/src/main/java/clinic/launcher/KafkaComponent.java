package clinic.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Kafka broker in KRaft mode (combined broker and controller, static single-voter quorum) as a child process,
 * run from the jars in {@code launcher/target/kafka-libs}. Formats {@code <data>/kafka} on the first start and
 * creates the topics of {@link KafkaTopics} if they are missing.
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
        try (Admin admin = Admin.create(adminProperties(bootstrapServers()))) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return null;
        }
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
        Files.writeString(serverProperties, serverProperties(logDir));
        Files.writeString(log4j, LOG4J2);

        List<String> java = new ArrayList<>(List.of(javaExecutable()));
        java.addAll(List.of(config.kafkaHeap().trim().split("\\s+")));
        java.addAll(List.of("-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-cp", libs.resolve("*").toString()));

        if (!Files.exists(logDir.resolve("meta.properties"))) {
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

        List<String> server = new ArrayList<>(java);
        server.addAll(List.of("kafka.Kafka", serverProperties.toString()));
        launch(server, Map.of(), config.dataDir());
        try (Admin admin = Admin.create(adminProperties(bootstrapServers()))) {
            awaitReady(process, started, () -> {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return null;
            });
            int created = ensureTopics(admin);
            return created == 0 ? "topics present" : created + " topics created";
        }
    }

    static Properties adminProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
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

    private String serverProperties(Path logDir) {
        return String.join("\n",
                "# written by the clinic launcher on every start; edit StackConfig / the launcher instead",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort(),
                "listeners=PLAINTEXT://localhost:" + port() + ",CONTROLLER://localhost:" + controllerPort(),
                "advertised.listeners=PLAINTEXT://localhost:" + port(),
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
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
