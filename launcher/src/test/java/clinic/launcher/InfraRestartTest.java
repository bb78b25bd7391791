package clinic.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.contracts.KafkaTopics;

/**
 * Starts the real PostgreSQL and Kafka on random ports in a temp dir, stops them, and starts them again on the same data;
 * what an earlier version made as the superuser is the database's owner role's after the restart.
 */
class InfraRestartTest {

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void postgresAndKafkaStartStopAndKeepTheirDataAcrossRestarts(@TempDir Path data) throws Exception {
        StackConfig config = StackConfig.builder()
                .dataDir(data)
                .randomPorts()
                .parts(Part.POSTGRES, Part.KAFKA)
                .databasePasswords("owner-pw-Q7ZK", "app-pw-M3XR") // distinctive, for the search of the server's log
                .build();
        List<String> events = new ArrayList<>();
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void ready(Part part, int index, int total, Duration took, String detail) {
                events.add(part.id() + " ready " + index + "/" + total + ": " + detail);
            }
        };

        try (Stack stack = Stack.start(config, recorder)) {
            assertEquals(List.of("postgres", "kafka"), events.stream().map(e -> e.split(" ")[0]).toList());
            assertTrue(events.get(1).endsWith("6 topics created"), events.toString());
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl("postgres"), "postgres", "postgres");
                 Statement s = c.createStatement()) {
                ResultSet version = s.executeQuery("select version()");
                version.next();
                assertTrue(version.getString(1).startsWith("PostgreSQL 17."), version.getString(1));
                Set<String> dbs = new HashSet<>();
                ResultSet rs = s.executeQuery("select datname from pg_database");
                while (rs.next()) {
                    dbs.add(rs.getString(1));
                }
                assertTrue(dbs.containsAll(List.of("intake", "scheduling", "session", "gateway", "keycloak")), dbs.toString());
            }
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl("intake"), "postgres", "postgres");
                 Statement s = c.createStatement()) {
                // as a launcher before the database roles did: the superuser owns the tables
                s.execute("create table survivor (id bigserial primary key, note text)");
                s.execute("create function survivor_note() returns text language sql as $$ select 'kept' $$");
                s.execute("insert into survivor values (1, 'written before the restart')");
            }
            try (Admin admin = Admin.create(stack.kafkaAdminProperties())) {
                Map<String, TopicDescription> topics = admin.describeTopics(KafkaTopics.PARTITIONS.keySet())
                        .allTopicNames().get(30, TimeUnit.SECONDS);
                KafkaTopics.PARTITIONS.forEach((name, partitions) ->
                        assertEquals(partitions, topics.get(name).partitions().size(), name));
                assertEquals(6, topics.get("clinic.intake").partitions().size());
                assertEquals(1, topics.get("session-service.dlt").partitions().size());
            }
            Map<String, Object> producerProps = new HashMap<>(stack.kafkaClientProperties(Part.INTAKE));
            producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(KafkaTopics.INTAKE, "patient-1", "before restart")).get(30, TimeUnit.SECONDS);
            }
            assertTrue(Files.size(stack.logFile(Part.KAFKA)) > 0);
            assertTrue(Files.size(stack.logFile(Part.POSTGRES)) > 0);
            assertTrue(Files.exists(data.resolve("run/launcher.pid")));
        }
        assertTrue(Ports.isFree(config.port(PortName.POSTGRES)), "PostgreSQL port still taken after close");
        assertTrue(Ports.isFree(config.port(PortName.KAFKA)), "Kafka port still taken after close");
        assertFalse(Files.exists(data.resolve("run/launcher.pid")));

        events.clear();
        try (Stack again = Stack.start(config, recorder)) {
            assertTrue(events.get(1).endsWith("topics present"), events.toString());
            try (Connection c = DriverManager.getConnection(again.jdbcUrl("intake"), "postgres", "postgres");
                 Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("select note from survivor where id = 1");
                assertTrue(rs.next(), "the row written before the restart is gone");
                assertEquals("written before the restart", rs.getString(1));
                ResultSet owners = s.executeQuery("""
                        select (select datdba::regrole::text from pg_database where datname = 'intake'),
                               (select relowner::regrole::text from pg_class where relname = 'survivor'),
                               (select relowner::regrole::text from pg_class where relname = 'survivor_id_seq'),
                               (select proowner::regrole::text from pg_proc where proname = 'survivor_note')""");
                owners.next();
                for (int column = 1; column <= 4; column++) {
                    assertEquals("intake_owner", owners.getString(column), "owner " + column);
                }
            }
            try (Connection c = DriverManager.getConnection(again.jdbcUrl("intake"), "intake_app", config.databaseAppPassword());
                 Statement s = c.createStatement()) {
                ResultSet role = s.executeQuery("select current_user, rolsuper from pg_roles where rolname = current_user");
                role.next();
                assertEquals("intake_app", role.getString(1));
                assertFalse(role.getBoolean(2));
            }
            SQLException wrongPassword = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(again.jdbcUrl("intake"), "intake_app", "guessed"));
            assertEquals("28P01", wrongPassword.getSQLState(), wrongPassword.getMessage());
            SQLException otherDatabase = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(again.jdbcUrl("scheduling"), "intake_app", config.databaseAppPassword()));
            assertEquals("42501", otherDatabase.getSQLState(), otherDatabase.getMessage());
            for (String closed : PostgresComponent.CLOSED_DATABASES) {
                for (String role : List.of("intake_app", "intake_owner")) {
                    String password = role.endsWith("_app") ? config.databaseAppPassword() : config.databaseOwnerPassword();
                    SQLException refused = assertThrows(SQLException.class,
                            () -> DriverManager.getConnection(again.jdbcUrl(closed), role, password), role + " in " + closed);
                    assertEquals("42501", refused.getSQLState(), refused.getMessage());
                }
            }
            try (Connection c = DriverManager.getConnection(again.jdbcUrl("postgres"), "postgres", "postgres");
                 Statement s = c.createStatement()) {
                // over the Unix socket too, only the superuser comes in without a password
                List<String> local = new ArrayList<>();
                ResultSet rules = s.executeQuery("""
                        select type, database, user_name, auth_method, error from pg_hba_file_rules
                        where type = 'local' order by rule_number""");
                while (rules.next()) {
                    assertEquals(null, rules.getString(5));
                    local.add(rules.getString(2) + " " + rules.getString(3) + " " + rules.getString(4));
                }
                assertEquals(List.of("{all} {postgres} trust", "{all} {all} scram-sha-256", "{replication} {postgres} trust"), local);

                // a server that logs every statement (log_statement = all, or a failing one: log_min_error_statement)
                // must still not see the roles' passwords: they are set as SCRAM verifiers computed by the driver
                s.execute("set log_statement = 'all'");
                DatabaseRoles.ensure(c, "jdbc:postgresql://localhost:" + config.port(PortName.POSTGRES) + "/", "intake",
                        config.databaseOwnerPassword(), config.databaseAppPassword());
            }
            String serverLog = Files.readString(again.logFile(Part.POSTGRES));
            assertTrue(serverLog.contains("PASSWORD 'SCRAM-SHA-256$"), "no password statement logged, so the check below proves nothing");
            assertFalse(serverLog.contains(config.databaseOwnerPassword()), "the owner role's password is in PostgreSQL's log");
            assertFalse(serverLog.contains(config.databaseAppPassword()), "the application role's password is in PostgreSQL's log");
            try (Connection c = DriverManager.getConnection(again.jdbcUrl("intake"), "intake_app", config.databaseAppPassword())) {
                assertTrue(c.isValid(5), "the application role's password no longer works after it was set again");
            }
            Map<String, Object> consumerProps = new HashMap<>(again.kafkaAdminProperties());
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(KafkaTopics.INTAKE));
                List<String> values = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        values.add(record.value());
                    }
                }
                assertEquals(List.of("before restart"), values);
            }
        }
    }
}
