package clinic.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the four Spring Boot services, {@code java -jar <module>/target/<module>.jar} (extracted, with an AOT cache on a
 * JDK chosen for it, {@link ServiceLaunch}) with the settings of docs/runtime.md.
 */
final class ServiceComponent extends ProcessComponent {

    /** A service recording its start-up cache writes it when it stops: up to a minute on a busy small machine. */
    private static final Duration RECORDING_STOP_GRACE = Duration.ofSeconds(120);

    private volatile ServiceLaunch.Aot aot = ServiceLaunch.Aot.none();

    ServiceComponent(Part part, StackConfig config, ProgressListener listener) {
        this(part, 1, config, listener);
    }

    ServiceComponent(Part part, int instance, StackConfig config, ProgressListener listener) {
        super(part, instance, config, listener, Duration.ofSeconds(20));
        if (!part.isService()) {
            throw new IllegalArgumentException(part + " is not a service");
        }
    }

    int port() {
        return config.port(PortName.service(part, instance));
    }

    int managementPort() {
        return config.port(PortName.gatewayManagement(instance));
    }

    String healthUrl() {
        return part == Part.GATEWAY
                ? "http://127.0.0.1:" + managementPort() + "/actuator/health"
                : "http://localhost:" + port() + "/actuator/health";
    }

    @Override
    String startDetail() {
        return (instance > 1 ? "instance " + instance + ", " : "") + "port " + port()
                + (part == Part.GATEWAY ? ", management " + managementPort() : "")
                + (part == Part.INTAKE ? ", HL7 " + config.port(PortName.intakeHl7(instance)) : "");
    }

    /** The environment of docs/runtime.md for this service, then the config's extra variables. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        String issuer = "http://localhost:" + config.port(PortName.KEYCLOAK) + "/realms/" + KeycloakComponent.REALM;
        env.put("SERVER_PORT", Integer.toString(port()));
        env.put("DB_URL", "jdbc:postgresql://localhost:" + config.port(PortName.POSTGRES) + "/" + part.database());
        // the service runs as its application role, its migrations as the database's owner (DatabaseRoles)
        env.put("DB_USER", DatabaseRoles.application(part.database()));
        env.put("DB_PASSWORD", config.databaseAppPassword());
        env.put("DB_OWNER_USER", DatabaseRoles.owner(part.database()));
        env.put("DB_OWNER_PASSWORD", config.databaseOwnerPassword());
        env.put("ISSUER_URI", issuer);
        if (config.instances() > 1) {
            // the static consumer-group membership and the logs tell the instances apart by it
            env.put("CLINIC_INSTANCE_NAME", name());
        }
        if (part == Part.INTAKE) {
            // HL7 v2 in over MLLP; only the demo's sending facility unless the caller's environment names others
            env.put("HL7_PORT", Integer.toString(config.port(PortName.intakeHl7(instance))));
            env.put("HL7_ALLOWED_FACILITIES", System.getenv().getOrDefault("HL7_ALLOWED_FACILITIES", "DEMO-GP"));
            if (config.includes(Part.MAIL)) {
                // reminders to patients go to the embedded GreenMail, which writes each mail to its log
                env.put("REMINDER_EMAIL_TRANSPORT", "smtp");
                env.put("SMTP_HOST", "localhost");
                env.put("SMTP_PORT", Integer.toString(config.port(PortName.MAIL)));
            }
        }
        if (part == Part.GATEWAY) {
            env.put("MANAGEMENT_PORT", Integer.toString(managementPort()));
            env.put("INTAKE_URL", "http://localhost:" + config.port(PortName.INTAKE));
            env.put("SCHEDULING_URL", "http://localhost:" + config.port(PortName.SCHEDULING));
            env.put("SESSION_URL", "http://localhost:" + config.port(PortName.SESSION));
            if (config.instances() > 1) {
                // every gateway routes to every instance of each service (Spring Cloud LoadBalancer, simple discovery)
                for (Part service : List.of(Part.INTAKE, Part.SCHEDULING, Part.SESSION)) {
                    for (int i = 1; i <= config.instances(); i++) {
                        env.put("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_" + service.database().toUpperCase(java.util.Locale.ROOT)
                                + "_" + (i - 1) + "_URI", "http://localhost:" + config.port(PortName.service(service, i)));
                    }
                }
            }
            env.put("GATEWAY_CLIENT_ID", "clinic-gateway");
            env.put("GATEWAY_CLIENT_SECRET", "clinic-gateway-demo-secret");
            env.put("GATEWAY_URL", "http://localhost:" + port());
        } else {
            env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + config.port(PortName.KAFKA));
            // the service's own SCRAM user on the broker (KafkaCredentials), which only its ACLs let do anything
            env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
            env.put("KAFKA_USERNAME", part.id());
            env.put("KAFKA_PASSWORD", KafkaCredentials.load(config.dataDir()).password(part.id()));
            env.put("JWK_SET_URI", issuer + "/protocol/openid-connect/certs");
            env.put("JWT_AUDIENCE", part.id());
        }
        env.putAll(config.serviceEnv(part));
        return env;
    }

    @Override
    Duration stopGrace() {
        return aot.recording().isPresent() ? RECORDING_STOP_GRACE : super.stopGrace();
    }

    @Override
    boolean stop() {
        if (aot.recording().isPresent() && isAlive()) {
            listener.step(part, "writing its start-up cache as it stops (once after a build)");
        }
        boolean killed = super.stop();
        aot.keep(killed);
        return killed;
    }

    @Override
    String healthProblem() throws Exception {
        return httpOk(healthUrl());
    }

    @Override
    String start() throws Exception {
        long started = System.nanoTime();
        Path jar = config.serviceJar(part);
        if (!Files.isRegularFile(jar)) {
            throw failure("the jar " + jar + " is missing: build it first (./mvnw -q -DskipTests package -pl " + part.id() + " -am)");
        }
        String java = ServiceLaunch.javaExecutable();
        Path runnable = ServiceLaunch.runnableJar(jar, java, logFile());
        aot = ServiceLaunch.aot(runnable, java);
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(config.serviceJvmArgs());
        command.addAll(aot.jvmArgs());
        command.addAll(List.of("-jar", runnable.toString()));
        launch(command, environment(), jar.getParent().getParent());
        String health = healthUrl();
        awaitReady(process, started, () -> httpOk(health));
        return "pid " + process.pid();
    }
}
