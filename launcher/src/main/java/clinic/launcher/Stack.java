package clinic.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The running embedded stack. Start it with {@link #start(StackConfig, ProgressListener)}, stop it with
 * {@link #close()} (also done by a JVM shutdown hook unless the config turns that off).
 *
 * <p>Order: PostgreSQL, Kafka, Keycloak with the mail server, then intake/scheduling/session in parallel, then the gateway; each waits
 * for the previous step's health checks. Stopping goes in reverse. If a part fails to start, everything started
 * before it is stopped and a {@link StackStartException} names the part and its log. Once up, a part that goes away
 * on its own is started again ({@link Supervisor}).
 */
public final class Stack implements AutoCloseable {

    /** Start steps; parts of one step start in parallel. */
    private static final List<Set<Part>> STEPS = List.of(
            EnumSet.of(Part.POSTGRES),
            EnumSet.of(Part.KAFKA),
            EnumSet.of(Part.KEYCLOAK, Part.MAIL),
            EnumSet.of(Part.INTAKE, Part.SCHEDULING, Part.SESSION),
            EnumSet.of(Part.GATEWAY));

    private final StackConfig config;
    private final ProgressListener listener;
    private final RunFiles runFiles;
    /** By instance name ({@link StackConfig#instanceName}): {@code intake-service}, {@code intake-service-2}, ... */
    private final Map<String, Component> components = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final Thread shutdownHook;
    private final Supervisor supervisor;
    private volatile boolean closing;
    private volatile boolean ownsRunFile;
    private volatile Duration startupTime = Duration.ZERO;

    private Stack(StackConfig config, ProgressListener listener) {
        this.config = config;
        this.listener = listener;
        this.runFiles = new RunFiles(config.dataDir());
        this.shutdownHook = config.registerShutdownHook() ? new Thread(this::close, "clinic-stack-shutdown") : null;
        this.supervisor = new Supervisor(this, listener, runFiles);
    }

    /**
     * Starts the selected parts and returns once all are healthy.
     *
     * @throws StackStartException if a part does not start (everything started is stopped again), a port is taken,
     *                             or processes of an earlier run are still alive
     */
    public static Stack start(StackConfig config, ProgressListener listener) {
        Stack stack = new Stack(config, listener);
        stack.startAll();
        return stack;
    }

    private void startAll() {
        long begin = System.nanoTime();
        try {
            Files.createDirectories(config.dataDir().resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + config.dataDir(), e);
        }
        List<String> order = new ArrayList<>();
        for (Set<Part> step : STEPS) {
            for (Part part : step) {
                for (int i = 1; config.includes(part) && i <= config.instances(part); i++) {
                    order.add(StackConfig.instanceName(part, i));
                }
            }
        }
        try {
            preflight();
            runFiles.write(RunFiles.LAUNCHER, ProcessHandle.current());
            ownsRunFile = true;
            runFiles.clearRestarts();
            if (shutdownHook != null) {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
            for (Set<Part> step : STEPS) {
                List<Part> parts = step.stream().filter(config::includes).toList();
                if (!parts.isEmpty()) {
                    startStep(parts, order);
                }
            }
            supervisor.start();
        } catch (StackStartException e) {
            if (!closing) {
                listener.failed(e.part(), e.reason(), e.logFile(), e.logTail());
            }
            close();
            throw e;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        startupTime = Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Refuses to start over a live earlier run or on ports that are taken. */
    private void preflight() {
        Optional<ProcessHandle> owner = runFiles.alive(RunFiles.LAUNCHER);
        if (owner.isPresent() && owner.get().pid() != ProcessHandle.current().pid()) {
            Part first = config.parts().iterator().next();
            throw new StackStartException(first, "a stack is already running from " + config.dataDir() + " ("
                    + RunFiles.describe(owner.get()) + "); stop it with ./clinic down", null, List.of(), null);
        }
        List<String> stale = new ArrayList<>();
        Part stalePart = null;
        for (Part part : Part.values()) {
            for (int i = 1; i <= (part.isService() ? 2 : 1); i++) {
                String name = StackConfig.instanceName(part, i);
                Optional<ProcessHandle> p = runFiles.alive(name);
                if (part == Part.POSTGRES && p.isEmpty()) {
                    p = PostgresComponent.postmasterOf(config.dataDir().resolve("postgres"));
                }
                if (p.isPresent()) {
                    stale.add(name + " (" + RunFiles.describe(p.get()) + ")");
                    stalePart = stalePart == null ? part : stalePart;
                }
            }
        }
        if (!stale.isEmpty()) {
            throw new StackStartException(stalePart, "processes of an earlier run are still alive: " + String.join(", ", stale)
                    + "; stop them with ./clinic down (or kill the pids)", null, List.of(), null);
        }
        for (PortName name : PortName.values()) {
            if (config.includes(name.part()) && name.instance() <= config.instances(name.part())) {
                int port = config.port(name);
                if (!Ports.isFree(port)) {
                    String holder = Ports.holder(port);
                    throw new StackStartException(name.part(), "port " + port + " is already in use"
                            + (holder.isEmpty() ? "" : " by " + holder)
                            + "; free it or choose another with " + name.flag() + " / " + name.envVar(), null, List.of(), null);
                }
            }
        }
    }

    private void startStep(List<Part> stepParts, List<String> order) {
        record Instance(Part part, int instance) {
        }
        List<Instance> parts = new ArrayList<>();
        for (Part part : stepParts) {
            for (int i = 1; i <= config.instances(part); i++) {
                parts.add(new Instance(part, i));
            }
        }
        if (parts.size() == 1) {
            startPart(parts.get(0).part(), 1, order);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parts.size(), r -> {
            Thread t = new Thread(r, "clinic-start");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Instance each : parts) {
                futures.add(pool.submit(() -> startPart(each.part(), each.instance(), order)));
            }
            // fail fast: the first failure aborts the others
            while (true) {
                boolean allDone = true;
                for (Future<?> f : futures) {
                    if (f.isDone()) {
                        try {
                            f.get();
                        } catch (ExecutionException e) {
                            Throwable cause = e.getCause();
                            for (Future<?> other : futures) {
                                other.cancel(true);
                            }
                            if (cause instanceof RuntimeException re) {
                                throw re;
                            }
                            throw new IllegalStateException(cause);
                        }
                    } else {
                        allDone = false;
                    }
                }
                if (allDone) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException(parts.get(0).part(), "interrupted while starting", null, List.of(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void startPart(Part part, int instance, List<String> order) {
        Component component = create(part, instance);
        synchronized (this) {
            if (closing) {
                throw new StackStartException(part, StackStartException.ABORTED, null, List.of(), null);
            }
            components.put(component.name(), component);
        }
        int index = order.indexOf(component.name()) + 1;
        int total = order.size();
        long begin = System.nanoTime();
        LogFiles.rotate(config.logFile(part, instance));
        listener.starting(part, index, total, component.startDetail());
        try {
            String detail = component.start();
            component.ready = true;
            listener.ready(part, index, total, Duration.ofNanos(System.nanoTime() - begin), detail);
        } catch (StackStartException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw component.failure("interrupted while starting", e);
        } catch (Exception e) {
            throw component.failure(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private Component create(Part part, int instance) {
        return switch (part) {
            case POSTGRES -> new PostgresComponent(config, listener);
            case KAFKA -> new KafkaComponent(config, listener);
            case KEYCLOAK -> new KeycloakComponent(config, listener);
            case MAIL -> new MailComponent(config, listener);
            default -> new ServiceComponent(part, instance, config, listener);
        };
    }

    /**
     * Stops everything in reverse order (services, Keycloak, Kafka, PostgreSQL), each with a grace period and then
     * a kill. Idempotent; safe to call while the stack is still starting.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            components.values().forEach(c -> c.stopRequested = true);
        }
        supervisor.stop(); // waits for a restart under way, so that what it started is stopped below
        List<Set<Part>> reverse = new ArrayList<>(STEPS);
        Collections.reverse(reverse);
        for (Set<Part> step : reverse) {
            List<Component> running = components().stream().filter(c -> step.contains(c.part)).toList();
            if (running.size() == 1) {
                stopComponent(running.get(0));
            } else if (!running.isEmpty()) {
                List<Thread> threads = running.stream().map(c -> new Thread(() -> stopComponent(c), "clinic-stop-" + c.name())).toList();
                threads.forEach(Thread::start);
                for (Thread t : threads) {
                    try {
                        t.join(TimeUnit.SECONDS.toMillis(60));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
        if (ownsRunFile) {
            runFiles.delete(RunFiles.LAUNCHER);
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // already shutting down, or never registered
            }
        }
    }

    private void stopComponent(Component c) {
        boolean wasAlive = c.isAlive();
        long begin = System.nanoTime();
        if (wasAlive) {
            listener.stopping(c.part);
        }
        boolean forced = c.stop();
        if (wasAlive) {
            listener.stopped(c.part, Duration.ofNanos(System.nanoTime() - begin), forced);
        }
    }

    /** The components as they are now (a restarted part's is a new one). */
    List<Component> components() {
        return List.copyOf(components.values());
    }

    /** A new component for an instance the supervisor starts again, in place of the one that went away. */
    synchronized Component replace(Component dead) {
        if (closing) {
            throw new StackStartException(dead.part, StackStartException.ABORTED, null, List.of(), null);
        }
        Component fresh = create(dead.part, dead.instance);
        components.put(fresh.name(), fresh);
        return fresh;
    }

    /** The process id of a running part (for PostgreSQL its postmaster), e.g. for a test that kills it. */
    public OptionalLong pid(Part part) {
        return pid(part, 1);
    }

    /** The process id of one instance of a service ({@code --instances 2}: 1 or 2). */
    public OptionalLong pid(Part part, int instance) {
        Component c = components.get(StackConfig.instanceName(part, instance));
        return c == null ? OptionalLong.empty() : c.pid();
    }

    /** How often the supervisor has brought the part (its first instance) back since the stack started. */
    public int restarts(Part part) {
        return restarts(part, 1);
    }

    /** How often the supervisor has brought one instance of a part back since the stack started. */
    public int restarts(Part part, int instance) {
        return supervisor.restarts(StackConfig.instanceName(part, instance));
    }

    /**
     * Waits until the process {@code killedPid} of a part is gone and the part runs again and passes its health
     * check (the supervisor restarts it); returns the new pid.
     *
     * @throws IllegalStateException if that does not happen within {@code timeout}
     */
    public long awaitRestarted(Part part, long killedPid, Duration timeout) throws InterruptedException {
        return awaitRestarted(part, 1, killedPid, timeout);
    }

    /** {@link #awaitRestarted(Part, long, Duration)} for one instance of a service. */
    public long awaitRestarted(Part part, int instance, long killedPid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessHandle.of(killedPid).map(ProcessHandle::isAlive).orElse(false)
                || pid(part, instance).orElse(killedPid) == killedPid) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(StackConfig.instanceName(part, instance) + " was not restarted within "
                        + timeout.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        awaitHealthy(part, instance, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        return pid(part, instance).orElseThrow();
    }

    /**
     * Waits until the part runs, is not being restarted and passes its health check.
     *
     * @throws IllegalStateException if it is not healthy within {@code timeout}
     */
    public void awaitHealthy(Part part, Duration timeout) throws InterruptedException {
        awaitHealthy(part, 1, timeout);
    }

    /** {@link #awaitHealthy(Part, Duration)} for one instance of a service. */
    public void awaitHealthy(Part part, int instance, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "not started";
        String name = StackConfig.instanceName(part, instance);
        while (true) {
            Component c = components.get(name);
            if (c != null && c.ready && c.isAlive() && !supervisor.isRecovering(name)) {
                last = Component.problemOf(c::healthProblem);
                if (last == null) {
                    return;
                }
            } else if (c != null) {
                last = c.isAlive() ? "starting" : c.exitDescription();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " is not healthy within " + timeout.toSeconds() + " s (" + last + ")");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    public boolean isRunning(Part part) {
        Component c = components.get(part.id());
        return c != null && c.isAlive();
    }

    public StackConfig config() {
        return config;
    }

    /** How long {@link #start} took. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The web UI, e.g. {@code http://localhost:8080}. */
    public String gatewayUrl() {
        return gatewayUrl(1);
    }

    /** The web UI at one gateway instance ({@code --instances 2}: 1 or 2), e.g. {@code http://localhost:18080}. */
    public String gatewayUrl(int instance) {
        return "http://localhost:" + config.port(PortName.service(Part.GATEWAY, instance));
    }

    /** The gateway's actuator (loopback only), e.g. {@code http://127.0.0.1:8090/actuator}. */
    public String gatewayManagementUrl() {
        return "http://127.0.0.1:" + config.port(PortName.GATEWAY_MANAGEMENT) + "/actuator";
    }

    /** e.g. {@code http://localhost:8180}. */
    public String keycloakUrl() {
        return "http://localhost:" + config.port(PortName.KEYCLOAK);
    }

    /** e.g. {@code http://localhost:8180/realms/clinic}. */
    public String issuerUri() {
        return keycloakUrl() + "/realms/" + KeycloakComponent.REALM;
    }

    /** e.g. {@code http://localhost:8180/realms/clinic/protocol/openid-connect/token}. */
    public String tokenUri() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    /** Keycloak's admin console (user admin, password admin). */
    public String keycloakAdminUrl() {
        return keycloakUrl() + "/admin/master/console/";
    }

    /** e.g. {@code localhost:19092}. */
    public String kafkaBootstrapServers() {
        return "localhost:" + config.port(PortName.KAFKA);
    }

    /**
     * What a Kafka client needs to log in to the broker as the launcher's administrator (a super user): bootstrap
     * servers, security protocol, SASL mechanism and JAAS config. For tests and tools; the services have their own users.
     */
    public Map<String, Object> kafkaAdminProperties() {
        return kafkaProperties(KafkaCredentials.ADMIN);
    }

    /** What a Kafka client needs to log in as a service's own user (its ACLs only), e.g. to check what it may do. */
    public Map<String, Object> kafkaClientProperties(Part service) {
        if (!KafkaAcls.PUBLISHES.containsKey(service)) {
            throw new IllegalArgumentException(service + " has no Kafka user");
        }
        return kafkaProperties(service.id());
    }

    private Map<String, Object> kafkaProperties(String user) {
        Map<String, Object> props = new java.util.LinkedHashMap<>();
        props.put("bootstrap.servers", kafkaBootstrapServers());
        props.putAll(KafkaCredentials.load(config.dataDir()).clientProperties(user));
        return props;
    }

    /** e.g. {@code jdbc:postgresql://localhost:15432/intake} (user postgres, password postgres). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + config.port(PortName.POSTGRES) + "/" + database;
    }

    /** Base URL of a service, e.g. {@code http://localhost:8081} for {@link Part#INTAKE}. */
    public String serviceUrl(Part service) {
        return serviceUrl(service, 1);
    }

    /** Base URL of one instance of a service, e.g. {@code http://localhost:18081} for the second intake-service. */
    public String serviceUrl(Part service, int instance) {
        return "http://localhost:" + config.port(PortName.service(service, instance));
    }

    public Path logFile(Part part) {
        return config.logFile(part);
    }

    public Path logFile(Part part, int instance) {
        return config.logFile(part, instance);
    }

    @Override
    public String toString() {
        return "Stack" + config;
    }
}
