package clinic.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.contracts.KafkaTopics;

/**
 * The embedded broker lets only the clinic's users in, and each service only at its own topics: a client without
 * credentials (or with a wrong password) can neither produce nor read; the session service's user cannot publish
 * to intake's topic (so it cannot forge a CLEARED eligibility decision) but can to its own. The storage is formatted
 * the way a launcher before SASL did (no SCRAM users, plaintext listener), so this also shows that such a data
 * directory comes up.
 */
class KafkaAccessTest {

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void onlyTheClinicsUsersGetInAndEachServiceOnlyAtItsOwnTopics(@TempDir Path data) throws Exception {
        StackConfig config = StackConfig.builder().dataDir(data).randomPorts().parts(Part.KAFKA).build();
        formatAsBeforeSasl(config);

        try (Stack stack = Stack.start(config, new ProgressListener() { })) {
            Set<PosixFilePermission> ownerOnly = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertEquals(ownerOnly, Files.getPosixFilePermissions(data.resolve("conf").resolve(KafkaCredentials.FILE)));
            assertEquals(ownerOnly, Files.getPosixFilePermissions(data.resolve("conf").resolve("kafka-server.properties")));

            // a record the session service is meant to read
            try (KafkaProducer<String, String> intake = producer(stack.kafkaClientProperties(Part.INTAKE))) {
                intake.send(new ProducerRecord<>(KafkaTopics.INTAKE, "patient-1", "cleared by intake")).get(30, TimeUnit.SECONDS);
            }

            // no credentials: the plaintext client never gets past the SASL listener, neither to write nor to read
            Map<String, Object> anonymous = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
            try (KafkaProducer<String, String> nobody = producer(anonymous)) {
                assertThrows(Exception.class, () -> nobody.send(new ProducerRecord<>(KafkaTopics.INTAKE, "patient-1",
                        "{\"decision\":\"CLEARED\"}")).get(10, TimeUnit.SECONDS));
            }
            try (KafkaConsumer<String, String> nobody = consumer(anonymous, "session-service")) {
                nobody.subscribe(List.of(KafkaTopics.INTAKE));
                assertTrue(pollFor(nobody, Duration.ofSeconds(8)).isEmpty(), "read without credentials");
            }

            // a known user with a wrong password
            Map<String, Object> guessed = new HashMap<>(stack.kafkaClientProperties(Part.SESSION));
            guessed.put("sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"session-service\" password=\"guessed\";");
            try (KafkaProducer<String, String> impostor = producer(guessed)) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> impostor.send(
                        new ProducerRecord<>(KafkaTopics.INTAKE, "patient-1", "forged")).get(10, TimeUnit.SECONDS));
                assertInstanceOf(SaslAuthenticationException.class, e.getCause(), e.toString());
            }
            try (KafkaConsumer<String, String> impostor = consumer(guessed, "session-service")) {
                impostor.subscribe(List.of(KafkaTopics.INTAKE));
                assertThrows(SaslAuthenticationException.class, () -> pollFor(impostor, Duration.ofSeconds(8)));
            }

            // the session service's own user: not on intake's topic, yes on its own
            try (KafkaProducer<String, String> session = producer(stack.kafkaClientProperties(Part.SESSION))) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> session.send(
                        new ProducerRecord<>(KafkaTopics.INTAKE, "patient-1", "forged eligibility")).get(10, TimeUnit.SECONDS));
                assertInstanceOf(TopicAuthorizationException.class, e.getCause(), e.toString());
                session.send(new ProducerRecord<>(KafkaTopics.SESSION, "patient-1", "session completed")).get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> session = producer(stack.kafkaClientProperties(Part.SESSION))) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> session.send(
                        new ProducerRecord<>(KafkaTopics.INTAKE_DLT, "patient-1", "someone else's dead letter")).get(10, TimeUnit.SECONDS));
                assertInstanceOf(TopicAuthorizationException.class, e.getCause(), e.toString());
                session.send(new ProducerRecord<>(KafkaTopics.SESSION_DLT, "patient-1", "parked")).get(30, TimeUnit.SECONDS);
            }

            // it reads what it consumes, in its own group; not in another service's group, not a topic it does not consume
            try (KafkaConsumer<String, String> session = consumer(stack.kafkaClientProperties(Part.SESSION), "session-service")) {
                session.subscribe(List.of(KafkaTopics.INTAKE));
                List<String> values = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    values.addAll(pollFor(session, Duration.ofMillis(500)));
                }
                assertEquals(List.of("cleared by intake"), values);
            }
            try (KafkaConsumer<String, String> session = consumer(stack.kafkaClientProperties(Part.SESSION), "scheduling-service")) {
                session.subscribe(List.of(KafkaTopics.INTAKE));
                assertThrows(GroupAuthorizationException.class, () -> pollFor(session, Duration.ofSeconds(10)));
            }
            try (KafkaConsumer<String, String> intake = consumer(stack.kafkaClientProperties(Part.INTAKE), "intake-service")) {
                intake.subscribe(List.of(KafkaTopics.INTAKE));
                assertThrows(TopicAuthorizationException.class, () -> pollFor(intake, Duration.ofSeconds(10)));
            }

            try (Admin admin = Admin.create(stack.kafkaAdminProperties())) {
                Collection<AclBinding> acls = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
                assertEquals(KafkaAcls.wanted(), Set.copyOf(acls));
                Map<String, UserScramCredentialsDescription> users = admin.describeUserScramCredentials().all().get(30, TimeUnit.SECONDS);
                assertEquals(Set.copyOf(KafkaCredentials.scramUsers()), users.keySet());
                users.values().forEach(u -> assertEquals(ScramMechanism.SCRAM_SHA_256, u.credentialInfos().get(0).mechanism()));
            }
        }

        // a second start on the same data: same passwords, nothing to create
        List<String> ready = new ArrayList<>();
        try (Stack again = Stack.start(config, new ProgressListener() {
            @Override
            public void ready(Part part, int index, int total, Duration took, String detail) {
                ready.add(detail);
            }
        })) {
            assertEquals(List.of("SASL/SCRAM, ACLs present, topics present"), ready);
            try (KafkaProducer<String, String> session = producer(again.kafkaClientProperties(Part.SESSION))) {
                session.send(new ProducerRecord<>(KafkaTopics.SESSION, "patient-1", "after restart")).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Formats {@code <data>/kafka} as the launcher did before SASL: plaintext listener, no SCRAM users. */
    private static void formatAsBeforeSasl(StackConfig config) throws Exception {
        Path logDir = config.dataDir().resolve("kafka");
        Path conf = Files.createDirectories(config.dataDir().resolve("conf")).resolve("old-kafka-server.properties");
        Files.createDirectories(logDir);
        Files.createDirectories(config.dataDir().resolve("logs"));
        Files.writeString(conf, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + config.port(PortName.KAFKA_CONTROLLER),
                "listeners=PLAINTEXT://localhost:" + config.port(PortName.KAFKA) + ",CONTROLLER://localhost:" + config.port(PortName.KAFKA_CONTROLLER),
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir, ""));
        List<String> format = List.of(KafkaComponent.javaExecutable(), "-cp", config.kafkaLibsDir().resolve("*").toString(),
                "kafka.tools.StorageTool", "format", "--cluster-id", org.apache.kafka.common.Uuid.randomUuid().toString(),
                "--config", conf.toString());
        int exit = ChildProcess.run(format, Map.of(), config.dataDir(), config.dataDir().resolve("logs").resolve("format.log"),
                Duration.ofSeconds(120));
        assertEquals(0, exit, "formatting as before failed");
        assertTrue(Files.exists(logDir.resolve("meta.properties")));
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> login) {
        Map<String, Object> props = new HashMap<>(login);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "8000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "8000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> login, String group) {
        Map<String, Object> props = new HashMap<>(login);
        props.putIfAbsent(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, login.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** Polls for {@code time}; the values read. */
    private static List<String> pollFor(KafkaConsumer<String, String> consumer, Duration time) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                values.add(record.value());
            }
            if (!values.isEmpty()) {
                return values;
            }
        }
        return values;
    }
}
