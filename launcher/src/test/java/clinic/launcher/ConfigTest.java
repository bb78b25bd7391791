package clinic.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigTest {

    @Test
    void partSelections() {
        assertEquals(Part.INFRA, Part.parse("infra"));
        assertEquals(Part.ALL, Part.parse("all"));
        assertEquals(EnumSet.of(Part.POSTGRES, Part.KAFKA, Part.INTAKE), Part.parse("kafka, postgres,intake"));
        assertEquals(EnumSet.of(Part.SESSION, Part.GATEWAY), Part.parse("session-service,gateway"));
        assertThrows(IllegalArgumentException.class, () -> Part.parse("redis"));
    }

    @Test
    void theDemoOptionIsTakenOutOfTheArgumentsAndFlagsWinOverTheEnvironment() {
        List<String> args = new java.util.ArrayList<>(List.of("--only", "all", "--demo", "off", "--gateway-port", "9080"));
        assertEquals(ClinicLauncher.Demo.OFF, ClinicLauncher.Demo.take(args, Map.of("CLINIC_DEMO", "on")));
        assertEquals(List.of("--only", "all", "--gateway-port", "9080"), args);
        assertEquals(ClinicLauncher.Demo.ON, ClinicLauncher.Demo.take(new java.util.ArrayList<>(List.of("--demo=on")), Map.of()));
        assertEquals(ClinicLauncher.Demo.ON, ClinicLauncher.Demo.take(new java.util.ArrayList<>(), Map.of("CLINIC_DEMO", "on")));
        assertEquals(ClinicLauncher.Demo.AUTO, ClinicLauncher.Demo.take(new java.util.ArrayList<>(), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ClinicLauncher.Demo.take(new java.util.ArrayList<>(List.of("--demo", "maybe")), Map.of()));
    }

    @Test
    void theDemoClinicRunsOnTheServicesClock() {
        StackConfig config = StackConfig.builder().projectDir(Path.of("/repo")).serviceEnv("CLINIC_CLOCK_OFFSET", "P3D").build();
        long ahead = ClinicLauncher.clinicClock(config).millis() - System.currentTimeMillis();
        assertEquals(3 * 24 * 3600 * 1000L, ahead, 60_000L);
    }

    @Test
    void defaultsFollowTheRuntimeContract() {
        StackConfig config = StackConfig.builder().projectDir(Path.of("/repo")).build();
        assertEquals(Path.of("/repo/.clinic"), config.dataDir());
        assertEquals(Path.of("/repo/.clinic/keycloak"), config.keycloakDir());
        assertEquals(Path.of("/repo/.clinic/logs/keycloak.log"), config.logFile(Part.KEYCLOAK));
        assertEquals(Path.of("/repo/intake-service/target/intake-service.jar"), config.serviceJar(Part.INTAKE));
        assertEquals(Path.of("/repo/keycloak/clinic-realm.json"), config.realmFile());
        assertEquals(15432, config.port(PortName.POSTGRES));
        assertEquals(19092, config.port(PortName.KAFKA));
        assertEquals(19093, config.port(PortName.KAFKA_CONTROLLER));
        assertEquals(8180, config.port(PortName.KEYCLOAK));
        assertEquals(9180, config.port(PortName.KEYCLOAK_MANAGEMENT));
        assertEquals(List.of(8081, 8082, 8083, 8080, 8090), List.of(config.port(PortName.INTAKE), config.port(PortName.SCHEDULING),
                config.port(PortName.SESSION), config.port(PortName.GATEWAY), config.port(PortName.GATEWAY_MANAGEMENT)));
    }

    @Test
    void randomPortsAreDistinct() {
        StackConfig config = StackConfig.builder().projectDir(Path.of("/repo")).randomPorts().build();
        assertEquals(PortName.values().length, new HashSet<>(config.ports().values()).size());
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverDefaults() {
        StackConfig fromEnv = StackConfig.builder().projectDir(Path.of("/repo"))
                .fromEnvironment(Map.of("CLINIC_GATEWAY_PORT", "9999", "CLINIC_ONLY", "infra", "CLINIC_DATA_DIR", "/tmp/x"))
                .build();
        assertEquals(9999, fromEnv.port(PortName.GATEWAY));
        assertEquals(Part.INFRA, fromEnv.parts());
        assertEquals(Path.of("/tmp/x"), fromEnv.dataDir());

        StackConfig flags = ClinicLauncher.parse(List.of("--project-dir", "/repo", "--gateway-port=7777", "--only", "postgres",
                "--keycloak-management-port", "9999")).build();
        assertEquals(7777, flags.port(PortName.GATEWAY));
        assertEquals(9999, flags.port(PortName.KEYCLOAK_MANAGEMENT));
        assertEquals(EnumSet.of(Part.POSTGRES), flags.parts());
        assertThrows(IllegalArgumentException.class, () -> ClinicLauncher.parse(List.of("--project-dir", "/repo", "--bogus", "1")));
        assertThrows(IllegalArgumentException.class, () -> StackConfig.builder().projectDir(Path.of("/repo"))
                .port(PortName.GATEWAY, 8081).build());
    }

    @Test
    void intakeListensForHl7OnItsOwnPortPerInstance() {
        StackConfig config = ClinicLauncher.parse(List.of("--project-dir", "/repo", "--instances", "2")).build();
        Map<String, String> intake = new ServiceComponent(Part.INTAKE, 1, config, ProgressListener.silent()).environment();
        Map<String, String> intake2 = new ServiceComponent(Part.INTAKE, 2, config, ProgressListener.silent()).environment();
        Map<String, String> session = new ServiceComponent(Part.SESSION, 1, config, ProgressListener.silent()).environment();

        assertEquals("2575", intake.get("HL7_PORT"));
        assertEquals("12575", intake2.get("HL7_PORT"));
        assertEquals("DEMO-GP", intake.get("HL7_ALLOWED_FACILITIES"));
        assertEquals(null, session.get("HL7_PORT"));
        assertEquals("CLINIC_INTAKE_HL7_PORT", PortName.INTAKE_HL7.envVar());
        assertEquals("--intake-hl7-port", PortName.INTAKE_HL7.flag());
    }

    @Test
    void intakeSendsItsRemindersToTheEmbeddedMailServerWhenItRuns() {
        StackConfig all = StackConfig.builder().projectDir(Path.of("/repo")).build();
        Map<String, String> intake = new ServiceComponent(Part.INTAKE, 1, all, ProgressListener.silent()).environment();
        assertEquals("smtp", intake.get("REMINDER_EMAIL_TRANSPORT"));
        assertEquals("localhost", intake.get("SMTP_HOST"));
        assertEquals("3025", intake.get("SMTP_PORT"));
        assertEquals("--mail-port", PortName.MAIL.flag());
        assertEquals(true, Part.INFRA.contains(Part.MAIL));

        StackConfig withoutMail = ClinicLauncher.parse(List.of("--project-dir", "/repo", "--only", "postgres,kafka,keycloak,intake"))
                .build();
        Map<String, String> alone = new ServiceComponent(Part.INTAKE, 1, withoutMail, ProgressListener.silent()).environment();
        assertEquals(null, alone.get("REMINDER_EMAIL_TRANSPORT"));
    }

    @Test
    void serviceEnvironmentFollowsTheRuntimeContract() {
        StackConfig config = StackConfig.builder().projectDir(Path.of("/repo"))
                .serviceEnv(Part.SESSION, "SPRING_PROFILES_ACTIVE", "e2e").build();
        Map<String, String> session = new ServiceComponent(Part.SESSION, config, ProgressListener.silent()).environment();
        assertEquals("8083", session.get("SERVER_PORT"));
        assertEquals("jdbc:postgresql://localhost:15432/session", session.get("DB_URL"));
        assertEquals("localhost:19092", session.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("http://localhost:8180/realms/clinic", session.get("ISSUER_URI"));
        assertEquals("http://localhost:8180/realms/clinic/protocol/openid-connect/certs", session.get("JWK_SET_URI"));
        assertEquals("session-service", session.get("JWT_AUDIENCE"));
        assertEquals("e2e", session.get("SPRING_PROFILES_ACTIVE"));

        Map<String, String> gateway = new ServiceComponent(Part.GATEWAY, config, ProgressListener.silent()).environment();
        assertEquals("8080", gateway.get("SERVER_PORT"));
        assertEquals("8090", gateway.get("MANAGEMENT_PORT"));
        assertEquals("jdbc:postgresql://localhost:15432/gateway", gateway.get("DB_URL"));
        assertEquals("http://localhost:8082", gateway.get("SCHEDULING_URL"));
        assertEquals("clinic-gateway", gateway.get("GATEWAY_CLIENT_ID"));
        assertEquals("clinic-gateway-demo-secret", gateway.get("GATEWAY_CLIENT_SECRET"));
    }

    @Test
    void oneInstanceOfEachByDefaultWithNothingOfTheSecondInItsSettings() {
        StackConfig config = StackConfig.builder().projectDir(Path.of("/repo")).build();
        assertEquals(1, config.instances());
        Map<String, String> gateway = new ServiceComponent(Part.GATEWAY, config, ProgressListener.silent()).environment();
        assertEquals(null, gateway.get("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_INTAKE_0_URI"));
        assertEquals(null, gateway.get("CLINIC_INSTANCE_NAME"));
        // a second instance's default port may be taken by something else while only one instance runs
        StackConfig.builder().projectDir(Path.of("/repo")).port(PortName.INTAKE_2, 8081).port(PortName.INTAKE, 8081).build();
    }

    @Test
    void secondInstancesHaveTheirOwnPortsNamesLogsAndEveryGatewayRoutesToBoth() {
        StackConfig config = ClinicLauncher.parse(List.of("--project-dir", "/repo", "--instances", "2")).build();
        assertEquals(2, config.instances());
        assertEquals(1, config.instances(Part.KAFKA));
        assertEquals(List.of(18081, 18082, 18083, 18080, 18090), List.of(config.port(PortName.INTAKE_2),
                config.port(PortName.SCHEDULING_2), config.port(PortName.SESSION_2), config.port(PortName.GATEWAY_2),
                config.port(PortName.GATEWAY_MANAGEMENT_2)));
        assertEquals(Path.of("/repo/.clinic/logs/intake-service-2.log"), config.logFile(Part.INTAKE, 2));
        assertEquals("--intake-2-port", PortName.INTAKE_2.flag());
        assertEquals("CLINIC_GATEWAY_2_PORT", PortName.GATEWAY_2.envVar());

        Map<String, String> gateway2 = new ServiceComponent(Part.GATEWAY, 2, config, ProgressListener.silent()).environment();
        assertEquals("18080", gateway2.get("SERVER_PORT"));
        assertEquals("18090", gateway2.get("MANAGEMENT_PORT"));
        assertEquals("gateway-2", gateway2.get("CLINIC_INSTANCE_NAME"));
        assertEquals("http://localhost:8081", gateway2.get("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_INTAKE_0_URI"));
        assertEquals("http://localhost:18081", gateway2.get("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_INTAKE_1_URI"));
        assertEquals("http://localhost:18083", gateway2.get("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_SESSION_1_URI"));
        Map<String, String> gateway1 = new ServiceComponent(Part.GATEWAY, 1, config, ProgressListener.silent()).environment();
        assertEquals("http://localhost:18082", gateway1.get("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_SCHEDULING_1_URI"));

        assertEquals(2, StackConfig.builder().projectDir(Path.of("/repo")).fromEnvironment(Map.of("CLINIC_INSTANCES", "2"))
                .build().instances());
        assertThrows(IllegalArgumentException.class, () -> ClinicLauncher.parse(List.of("--instances", "3")));
        assertThrows(IllegalArgumentException.class, () -> StackConfig.builder().projectDir(Path.of("/repo")).instances(2)
                .port(PortName.INTAKE_2, 8081).build());
    }
}
