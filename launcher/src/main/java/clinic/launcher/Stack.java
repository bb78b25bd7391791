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
 * <p>Order: PostgreSQL, Kafka, Keycloak, then intake/scheduling/session in parallel, then the gateway; each waits
 * for the previous step's health checks. Stopping goes in reverse. If a part fails to start, everything started
 * before it is stopped and a {@link StackStartException} names the part and its log. Once up, a part that goes away
 * on its own is started again ({@link Supervisor}).
 */
public final class Stack implements AutoCloseable {

    /** Start steps; parts of one step start in parallel. */
    private static final List<Set<Part>> STEPS = List.of(
            EnumSet.of(Part.POSTGRES),
            EnumSet.of(Part.KAFKA),
            EnumSet.of(Part.KEYCLOAK),
            EnumSet.of(Part.INTAKE, Part.SCHEDULING, Part.SESSION),
            EnumSet.of(Part.GATEWAY));

    private final StackConfig config;
    private final ProgressListener listener;
    private final RunFiles runFiles;
    private final Map<Part, Component> components = Collections.synchronizedMap(new EnumMap<>(Part.class));
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
        List<Part> order = new ArrayList<>(config.parts());
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
            Optional<ProcessHandle> p = runFiles.alive(part.id());
            if (part == Part.POSTGRES && p.isEmpty()) {
                p = PostgresComponent.postmasterOf(config.dataDir().resolve("postgres"));
            }
            if (p.isPresent()) {
                stale.add(part.id() + " (" + RunFiles.describe(p.get()) + ")");
                stalePart = stalePart == null ? part : stalePart;
            }
        }
        if (!stale.isEmpty()) {
            throw new StackStartException(stalePart, "processes of an earlier run are still alive: " + String.join(", ", stale)
                    + "; stop them with ./clinic down (or kill the pids)", null, List.of(), null);
        }
        for (PortName name : PortName.values()) {
            if (config.includes(name.part())) {
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

    private void startStep(List<Part> parts, List<Part> order) {
        if (parts.size() == 1) {
            startPart(parts.get(0), order);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parts.size(), r -> {
            Thread t = new Thread(r, "clinic-start");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Part part : parts) {
                futures.add(pool.submit(() -> startPart(part, order)));
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
            throw new StackStartException(parts.get(0), "interrupted while starting", null, List.of(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void startPart(Part part, List<Part> order) {
        Component component = create(part);
        synchronized (this) {
            if (closing) {
                throw new StackStartException(part, StackStartException.ABORTED, null, List.of(), null);
            }
            components.put(part, component);
        }
        int index = order.indexOf(part) + 1;
        int total = order.size();
        long begin = System.nanoTime();
        LogFiles.rotate(config.logFile(part));
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

    private Component create(Part part) {
        return switch (part) {
            case POSTGRES -> new PostgresComponent(config, listener);
            case KAFKA -> new KafkaComponent(config, listener);
            case KEYCLOAK -> new KeycloakComponent(config, listener);
            default -> new ServiceComponent(part, config, listener);
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
            List<Component> running = step.stream().map(components::get).filter(c -> c != null).toList();
            if (running.size() == 1) {
                stopComponent(running.get(0));
            } else if (!running.isEmpty()) {
                List<Thread> threads = running.stream().map(c -> new Thread(() -> stopComponent(c), "clinic-stop-" + c.part.id())).toList();
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

    /** A new component for a part the supervisor starts again, in place of the one that went away. */
    synchronized Component replace(Part part) {
        if (closing) {
            throw new StackStartException(part, StackStartException.ABORTED, null, List.of(), null);
        }
        Component fresh = create(part);
        components.put(part, fresh);
        return fresh;
    }

    /** The process id of a running part (for PostgreSQL its postmaster), e.g. for a test that kills it. */
    public OptionalLong pid(Part part) {
        Component c = components.get(part);
        return c == null ? OptionalLong.empty() : c.pid();
    }

    /** How often the supervisor has brought the part back since the stack started. */
    public int restarts(Part part) {
        return supervisor.restarts(part);
    }

    /**
     * Waits until the process {@code killedPid} of a part is gone and the part runs again and passes its health
     * check (the supervisor restarts it); returns the new pid.
     *
     * @throws IllegalStateException if that does not happen within {@code timeout}
     */
    public long awaitRestarted(Part part, long killedPid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessHandle.of(killedPid).map(ProcessHandle::isAlive).orElse(false) || pid(part).orElse(killedPid) == killedPid) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(part.id() + " was not restarted within " + timeout.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        awaitHealthy(part, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        return pid(part).orElseThrow();
    }

    /**
     * Waits until the part runs, is not being restarted and passes its health check.
     *
     * @throws IllegalStateException if it is not healthy within {@code timeout}
     */
    public void awaitHealthy(Part part, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "not started";
        while (true) {
            Component c = components.get(part);
            if (c != null && c.ready && c.isAlive() && !supervisor.isRecovering(part)) {
                try {
                    last = c.healthProblem();
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    last = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                if (last == null) {
                    return;
                }
            } else if (c != null) {
                last = c.isAlive() ? "starting" : c.exitDescription();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(part.id() + " is not healthy within " + timeout.toSeconds() + " s (" + last + ")");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    public boolean isRunning(Part part) {
        Component c = components.get(part);
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
        return "http://localhost:" + config.port(PortName.GATEWAY);
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
        return "http://localhost:" + config.port(ServiceComponent.portName(service));
    }

    public Path logFile(Part part) {
        return config.logFile(part);
    }

    @Override
    public String toString() {
        return "Stack" + config;
    }
}
