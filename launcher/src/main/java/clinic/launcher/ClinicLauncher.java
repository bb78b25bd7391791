package clinic.launcher;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;


import clinic.contracts.KafkaTopics;
import clinic.contracts.Roles;
import clinic.launcher.demo.DemoClinic;

/**
 * Command line: {@code up} (start and wait for Ctrl-C), {@code down} (stop a stack started from the same data
 * directory), {@code status}, {@code help}. Run through {@code ./clinic} at the repository root.
 */
public final class ClinicLauncher {

    private static final PrintStream OUT = System.out;

    private ClinicLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String command = rest.isEmpty() ? "help" : rest.remove(0);
        try {
            switch (command) {
                case "up" -> System.exit(up(rest));
                case "down" -> System.exit(down(parse(rest)));
                case "status" -> System.exit(status(parse(rest)));
                case "help", "-h", "--help" -> help();
                default -> {
                    System.err.println("unknown command '" + command + "'\n");
                    help();
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("clinic: " + e.getMessage());
            System.exit(2);
        }
    }

    static void help() {
        OUT.println("""
                usage: ./clinic <command> [options]

                commands:
                  up       build what is stale, start the stack in the foreground; Ctrl-C stops it
                  down     stop a stack started from the same data directory (e.g. from another terminal)
                  status   show which parts run
                  bench    measure a suite of its own on a new data folder (./clinic bench --help; docs/benchmarks.md)
                  help     this text

                options (each also as an environment variable; flags win):
                  --only PARTS                 all (default), infra (postgres,kafka,keycloak,mail), services, or a list of
                                               postgres,kafka,keycloak,mail,intake,scheduling,session,gateway [CLINIC_ONLY]
                  --instances N                1 (default) or 2: run each service and the gateway twice, against the
                                               same databases and Kafka; the second instances on the *-2 ports below,
                                               every gateway routing to every instance               [CLINIC_INSTANCES]
                  --data-dir DIR               data, logs and pid files (default <project>/.clinic)        [CLINIC_DATA_DIR]
                  --project-dir DIR            repository root (default: found from the working directory)
                  --keycloak-java-home DIR     JDK >= 21 for Keycloak (default: JAVA_HOME if >= 21, else /usr/lib/jvm)
                                                                                                [CLINIC_KEYCLOAK_JAVA_HOME]
                  --demo auto|on|off           (up) make the demo clinic through the gateway: site Lakeside, patients
                                               along the path, courses booked from today. auto (default): only when
                                               the data directory is new; on: unless it is there; off: never [CLINIC_DEMO]
                  (environment only)           passwords of the services' database roles, <db>_owner (migrations) and
                                               <db>_app (the service): CLINIC_DB_OWNER_PASSWORD (default clinic-owner-demo),
                                               CLINIC_DB_APP_PASSWORD (default clinic-app-demo)
                  (generated)                  Kafka logins (SASL/SCRAM-SHA-256: one user per service, which its ACLs
                                               keep to its own topics; clinic-admin for the launcher), passwords made
                                               on the first start and kept in <data>/conf/kafka-credentials.properties""");
        for (PortName name : PortName.values()) {
            OUT.printf("  %-28s default %-6d %s%n", name.flag() + " N", name.defaultPort(), "[" + name.envVar() + "]");
        }
        OUT.println("""

                A part that goes away while the stack runs is started again (after 1 s, 2 s, 4 s ... up to 30 s while it
                keeps failing); ./clinic status shows how often. Logs: <data>/logs/<part>.log. Demo users (realm clinic): frontdesk, nurse, clinician, admin, integration;
                password "demo". Keycloak admin console: admin / admin.""");
    }

    /** Parses options into a config builder: defaults, then environment, then flags. */
    static StackConfig.Builder parse(List<String> args) {
        Map<String, String> env = System.getenv();
        StackConfig.Builder builder = StackConfig.builder();
        String projectDir = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--project-dir") && i + 1 < args.size()) {
                projectDir = args.get(i + 1);
            }
        }
        if (projectDir != null) {
            builder.projectDir(Path.of(projectDir));
        }
        builder.fromEnvironment(env);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String flag = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(i + 1);
                i++;
            }
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value (./clinic help)");
            }
            String option = flag;
            switch (option) {
                case "--only" -> builder.parts(Part.parse(value));
                case "--data-dir" -> builder.dataDir(Path.of(value));
                case "--project-dir" -> builder.projectDir(Path.of(value));
                case "--keycloak-java-home" -> builder.keycloakJavaHome(Path.of(value));
                case "--keycloak-dir" -> builder.keycloakDir(Path.of(value));
                case "--instances" -> builder.instances(StackConfig.Builder.parseInstances(flag, value));
                default -> {
                    PortName name = Arrays.stream(PortName.values()).filter(p -> p.flag().equals(option)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("unknown option " + option + " (./clinic help)"));
                    try {
                        builder.port(name, Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(flag + " " + value + " is not a port number");
                    }
                }
            }
        }
        return builder;
    }

    /** When {@code up} makes the demo clinic. */
    enum Demo {
        /** Only on a new data directory: a newcomer's first start. */
        AUTO,
        /** Whenever it is not there yet. */
        ON,
        OFF;

        /** Takes {@code --demo X} (or {@code --demo=X}) out of the arguments; else CLINIC_DEMO; else auto. */
        static Demo take(List<String> args, Map<String, String> env) {
            String value = env.get("CLINIC_DEMO");
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("--demo") && i + 1 < args.size()) {
                    value = args.remove(i + 1);
                    args.remove(i);
                    i--;
                } else if (args.get(i).startsWith("--demo=")) {
                    value = args.remove(i).substring("--demo=".length());
                    i--;
                }
            }
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "auto" -> AUTO;
                case "on", "true", "yes" -> ON;
                case "off", "false", "no" -> OFF;
                default -> throw new IllegalArgumentException("--demo " + value + ": say auto, on or off");
            };
        }
    }

    static int up(List<String> args) throws InterruptedException {
        List<String> options = new ArrayList<>(args);
        Demo demo = Demo.take(options, System.getenv());
        StackConfig config = parse(options).build();
        boolean newData = !Files.isDirectory(config.dataDir().resolve("postgres"));
        OUT.println("Starting " + String.join(", ", config.parts().stream().map(Part::id).toList())
                + "  (data " + config.dataDir() + ")");
        Stack stack;
        try {
            stack = Stack.start(config, ProgressListener.console(OUT));
        } catch (StackStartException e) {
            if (e.aborted()) {
                return 130; // Ctrl-C while starting; the shutdown hook stops what was started
            }
            // the listener has printed the part, the reason and the log tail
            OUT.println("Stopped what was started. Fix the problem above and run ./clinic up again.");
            return 1;
        }
        String demoClinic = makeDemo(demo, newData, stack);
        printSummary(stack);
        if (demoClinic != null) {
            OUT.println(demoClinic);
        }
        // runs until Ctrl-C (the shutdown hook closes the stack); the supervisor restarts a part that goes away
        while (true) {
            TimeUnit.SECONDS.sleep(60);
        }
    }

    /** Makes the demo clinic when asked and possible; returns a line for the summary, or null. */
    static String makeDemo(Demo demo, boolean newData, Stack stack) {
        if (demo == Demo.OFF || (demo == Demo.AUTO && !newData)) {
            return null;
        }
        if (!stack.config().parts().containsAll(Part.ALL)) {
            return "No demo clinic: it is made through the gateway, so it needs every part (--only all).";
        }
        OUT.println("Making the demo clinic through the gateway (--demo off to skip) ...");
        long started = System.nanoTime();
        try {
            String made = DemoClinic.seed(stack.gatewayUrl(), clinicClock(stack.config()), line -> OUT.println("  " + line));
            return "Demo clinic: " + made + "  (" + ProgressListener.seconds(Duration.ofNanos(System.nanoTime() - started)) + ")";
        } catch (IllegalStateException | UncheckedIOException e) {
            return "The demo clinic is incomplete (" + e.getMessage() + "); the suite runs. ./clinic up --demo on tries again.";
        }
    }

    /** The services' clock: the system clock, ahead by CLINIC_CLOCK_OFFSET when the services are given one. */
    static Clock clinicClock(StackConfig config) {
        String offset = config.serviceEnv(Part.INTAKE).getOrDefault("CLINIC_CLOCK_OFFSET", System.getenv("CLINIC_CLOCK_OFFSET"));
        if (offset == null || offset.isBlank()) {
            return Clock.systemUTC();
        }
        return Clock.offset(Clock.systemUTC(), Duration.parse(offset.trim()));
    }

    static void printSummary(Stack stack) {
        StackConfig c = stack.config();
        OUT.println();
        OUT.println("Clinic stack is up in " + ProgressListener.seconds(stack.startupTime())
                + "  (data " + c.dataDir() + ", logs " + c.dataDir().resolve("logs") + ")");
        OUT.println();
        if (c.includes(Part.GATEWAY)) {
            row("Web UI (gateway)", stack.gatewayUrl());
            for (int i = 2; i <= c.instances(); i++) {
                row("", stack.gatewayUrl(i) + "   (gateway instance " + i + ": the same sessions; production puts a load balancer in front)");
            }
        }
        if (c.includes(Part.KEYCLOAK)) {
            row("Keycloak admin console", stack.keycloakAdminUrl() + "   (admin / admin)");
            row("OIDC issuer", stack.issuerUri());
        }
        boolean first = true;
        for (Part service : List.of(Part.INTAKE, Part.SCHEDULING, Part.SESSION)) {
            if (c.includes(service)) {
                // each service serves Swagger UI at /api/<name>/docs and OpenAPI JSON at /api/<name>/openapi
                String docs = "/api/" + service.database() + "/docs";
                row(first ? "API docs (Swagger UI)" : "", c.includes(Part.GATEWAY)
                        ? stack.gatewayUrl() + docs + "   (signed in; direct: " + stack.serviceUrl(service) + docs + ")"
                        : stack.serviceUrl(service) + docs);
                first = false;
            }
        }
        if (!first) {
            row("OpenAPI JSON", "/api/{intake,scheduling,session}/openapi on the same hosts");
        }
        if (c.includes(Part.POSTGRES)) {
            row("PostgreSQL", "jdbc:postgresql://localhost:" + c.port(PortName.POSTGRES)
                    + "/{intake,scheduling,session,gateway,keycloak}   (postgres / postgres; each service as <db>_app)");
        }
        if (c.includes(Part.MAIL)) {
            row("Mail (GreenMail SMTP)", "localhost:" + c.port(PortName.MAIL) + "   every mail (patients' reminders) in "
                    + c.logFile(Part.MAIL, 1));
        }
        if (c.includes(Part.KAFKA)) {
            row("Kafka", stack.kafkaBootstrapServers() + "   topics " + String.join(", ", KafkaTopics.PARTITIONS.keySet()));
            row("", "SASL/SCRAM-SHA-256 logins (" + KafkaCredentials.ADMIN + ", one per service): "
                    + c.dataDir().resolve("conf").resolve(KafkaCredentials.FILE));
        }
        if (c.includes(Part.KEYCLOAK)) {
            OUT.println();
            OUT.println("  Demo logins (realm clinic, password \"demo\" for all):");
            OUT.printf("    %-13s %s%n", "user", "role");
            for (String[] user : new String[][] {{"frontdesk", Roles.FRONT_DESK}, {"nurse", Roles.NURSE},
                    {"clinician", Roles.CLINICIAN}, {"admin", Roles.ADMIN}, {"integration", Roles.INTEGRATION}}) {
                OUT.printf("    %-13s %s%n", user[0], user[1]);
            }
            OUT.println("  Integration client: clinic-integration / clinic-integration-demo-secret (client credentials at "
                    + stack.tokenUri() + ")");
        }
        OUT.println();
        OUT.println("Press Ctrl-C to stop everything (or run ./clinic down in another terminal).");
    }

    private static void row(String label, String value) {
        OUT.printf("  %-24s %s%n", label, value);
    }

    /** Stops the launcher recorded in {@code <data>/run/launcher.pid}, then any part processes still alive. */
    static int down(StackConfig.Builder builder) throws InterruptedException {
        StackConfig config = builder.build();
        RunFiles run = new RunFiles(config.dataDir());
        boolean any = false;
        Optional<ProcessHandle> launcher = run.alive(RunFiles.LAUNCHER);
        if (launcher.isPresent()) {
            any = true;
            OUT.println("Stopping the launcher (" + RunFiles.describe(launcher.get()) + "); it stops its parts in reverse order ...");
            launcher.get().destroy();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (launcher.get().isAlive() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(250);
            }
            if (launcher.get().isAlive()) {
                OUT.println("The launcher did not stop within 150 s; killing it.");
                launcher.get().destroyForcibly();
            }
        }
        List<Part> reverse = new ArrayList<>(List.of(Part.values()));
        java.util.Collections.reverse(reverse);
        for (Part part : reverse) {
            // a second instance may be left from a run with --instances 2, whatever this call's options say
            for (int instance = part.isService() ? 2 : 1; instance >= 1; instance--) {
                String name = StackConfig.instanceName(part, instance);
                Optional<ProcessHandle> p = run.alive(name);
                if (part == Part.POSTGRES && p.isEmpty()) {
                    p = PostgresComponent.postmasterOf(config.dataDir().resolve("postgres"));
                }
                if (p.isPresent()) {
                    any = true;
                    OUT.println("Stopping leftover " + name + " (" + RunFiles.describe(p.get()) + ")");
                    if (part == Part.POSTGRES) {
                        signal(p.get().pid(), "INT"); // fast shutdown; SIGTERM would wait for clients
                    }
                    boolean forced = ChildProcess.stop(p.get(), part == Part.POSTGRES ? Duration.ofSeconds(30) : Duration.ofSeconds(25));
                    OUT.println("  " + (forced ? "killed" : "stopped"));
                }
                run.delete(name);
            }
        }
        run.delete(RunFiles.LAUNCHER);
        OUT.println(any ? "Stopped." : "Nothing running from " + config.dataDir() + ".");
        return 0;
    }

    static int status(StackConfig.Builder builder) {
        StackConfig config = builder.build();
        RunFiles run = new RunFiles(config.dataDir());
        Optional<ProcessHandle> launcher = run.alive(RunFiles.LAUNCHER);
        OUT.println("data " + config.dataDir() + ": launcher " + launcher.map(RunFiles::describe).orElse("not running"));
        for (Part part : Part.values()) {
            for (int i = 1; i <= (part.isService() ? 2 : 1); i++) {
                int instance = i;
                String name = StackConfig.instanceName(part, instance);
                Optional<ProcessHandle> p = part == Part.POSTGRES
                        ? run.alive(name).or(() -> PostgresComponent.postmasterOf(config.dataDir().resolve("postgres")))
                        : run.alive(name);
                if (instance > config.instances(part) && p.isEmpty()) {
                    continue; // a second instance is listed when asked for (--instances 2) or when it runs
                }
                List<String> ports = Arrays.stream(PortName.values()).filter(n -> n.part() == part && n.instance() == instance)
                        .map(n -> config.port(n) + (Ports.isFree(config.port(n)) ? " free" : " in use")).toList();
                String restarts = run.restarts(name)
                        .map(r -> "   restarts " + r.count() + " (last " + java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME
                                .format(r.last().atZone(java.time.ZoneId.systemDefault()).withNano(0)) + ")")
                        .orElse("");
                OUT.printf("  %-20s %-12s ports %s%s%n", name, p.map(h -> "pid " + h.pid()).orElse("-"), String.join(", ", ports),
                        restarts);
            }
        }
        return 0;
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // ChildProcess.stop below still sends SIGTERM and SIGKILL
        }
    }
}
