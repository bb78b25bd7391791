package clinic.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Brings back a part that goes away while the stack runs (it crashed, ran out of memory, was killed), so that the
 * suite does not carry on without it: the part is started again on the same data and ports after a back-off that
 * doubles from 1 s up to 30 s when it keeps failing (a part that stayed up for a minute starts again at
 * 1 s), every step said on the console. Each restart is recorded in the run files: the new pid (so that
 * {@code ./clinic down} stops it) and the count and time of restarts (shown by {@code ./clinic status}).
 * Parts come back one by one and each on its own: the others reconnect by themselves.
 */
final class Supervisor {

    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    /** The longest wait between two restarts of a part. */
    static final Duration BACKOFF_CAP = Duration.ofSeconds(30);
    /**
     * How long {@link #stop()} waits for a restart under way to end after its interrupt: long enough for a
     * PostgreSQL that zonky was still starting to be stopped again ({@code pg_ctl stop}, then the grace period).
     */
    private static final Duration WORKERS_STOP_WAIT = Duration.ofSeconds(30);
    /** A part that was up this long before it went away starts again at the first delay. */
    private static final Duration STABLE = Duration.ofMinutes(1);
    private static final long POLL_MILLIS = 300;

    private final Stack stack;
    private final ProgressListener listener;
    private final RunFiles runFiles;
    // by instance name (StackConfig.instanceName): each instance of a service is watched and restarted on its own
    private final Set<String> recovering = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();
    private final Map<String, Duration> nextDelay = new ConcurrentHashMap<>();
    private final Map<String, Long> upSince = new ConcurrentHashMap<>();
    private volatile long started;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "clinic-restart");
        t.setDaemon(true);
        return t;
    });
    private final Thread monitor;
    private volatile boolean stopped;

    Supervisor(Stack stack, ProgressListener listener, RunFiles runFiles) {
        this.stack = stack;
        this.listener = listener;
        this.runFiles = runFiles;
        this.monitor = new Thread(this::watch, "clinic-supervisor");
        this.monitor.setDaemon(true);
    }

    void start() {
        started = System.nanoTime();
        monitor.start();
    }

    /**
     * Stops watching and ends a restart under way: its thread is interrupted and waited for (a bounded time), so
     * that what it started is either stopped by it or in the stack's components when the stack stops them next,
     * never left behind by a thread that carries on after the stack has closed (or dies with the JVM half-way).
     */
    void stop() {
        stopped = true;
        monitor.interrupt();
        workers.shutdownNow();
        try {
            workers.awaitTermination(WORKERS_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isRecovering(String instance) {
        return recovering.contains(instance);
    }

    int restarts(String instance) {
        return restarts.getOrDefault(instance, 0);
    }

    private void watch() {
        while (!stopped) {
            for (Component c : stack.components()) {
                if (!stopped && c.ready && !c.stopRequested && !c.isAlive() && recovering.add(c.name())) {
                    String reason = c.exitDescription();
                    workers.submit(() -> recover(c, reason));
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void recover(Component dead, String reason) {
        Part part = dead.part;
        String name = dead.name();
        try {
            boolean wasStable = System.nanoTime() - upSince.getOrDefault(name, started) > STABLE.toNanos();
            Duration delay = wasStable ? FIRST_DELAY : nextDelay.getOrDefault(name, FIRST_DELAY);
            int restart = restarts(name) + 1;
            // the console names the part; a second instance says which one
            String which = dead.instance > 1 ? "instance " + dead.instance + " " : "";
            listener.restarting(part, which + reason, restart, delay, dead.logFile());
            dead.stop(); // releases what the dead part held: its handle, lock and pid file
            while (!stopped) {
                TimeUnit.MILLISECONDS.sleep(delay.toMillis());
                delay = next(delay, BACKOFF_CAP);
                nextDelay.put(name, delay);
                long begin = System.nanoTime();
                Component fresh;
                try {
                    fresh = stack.replace(dead);
                } catch (StackStartException e) {
                    return; // the stack is closing
                }
                try {
                    String detail = fresh.start();
                    fresh.ready = true;
                    Instant now = Instant.now();
                    restarts.put(name, restart);
                    upSince.put(name, System.nanoTime());
                    runFiles.writeRestarts(name, new RunFiles.Restarts(restart, now));
                    listener.restarted(part, restart, Duration.ofNanos(System.nanoTime() - begin),
                            dead.instance > 1 ? "instance " + dead.instance + ", " + detail : detail);
                    return;
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    if (stopped || fresh.stopRequested) {
                        return;
                    }
                    String why = e instanceof StackStartException s ? s.reason() : e.getClass().getSimpleName() + ": " + e.getMessage();
                    listener.restartFailed(part, restart, which + why, delay);
                    fresh.stop();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            recovering.remove(name);
        }
    }

    /** The wait after {@code delay}: twice as long, at most {@code cap}. */
    static Duration next(Duration delay, Duration cap) {
        Duration twice = delay.multipliedBy(2);
        return twice.compareTo(cap) > 0 ? cap : twice;
    }
}
