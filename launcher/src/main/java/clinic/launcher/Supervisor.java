package clinic.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
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
    private final Set<Part> recovering = Collections.synchronizedSet(EnumSet.noneOf(Part.class));
    private final Map<Part, Integer> restarts = Collections.synchronizedMap(new EnumMap<>(Part.class));
    private final Map<Part, Duration> nextDelay = Collections.synchronizedMap(new EnumMap<>(Part.class));
    private final Map<Part, Long> upSince = Collections.synchronizedMap(new EnumMap<>(Part.class));
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
        long now = System.nanoTime();
        for (Part part : Part.values()) {
            upSince.put(part, now);
        }
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

    boolean isRecovering(Part part) {
        return recovering.contains(part);
    }

    int restarts(Part part) {
        return restarts.getOrDefault(part, 0);
    }

    private void watch() {
        while (!stopped) {
            for (Component c : stack.components()) {
                if (!stopped && c.ready && !c.stopRequested && !c.isAlive() && recovering.add(c.part)) {
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
        try {
            boolean wasStable = System.nanoTime() - upSince.getOrDefault(part, 0L) > STABLE.toNanos();
            Duration delay = wasStable ? FIRST_DELAY : nextDelay.getOrDefault(part, FIRST_DELAY);
            int restart = restarts(part) + 1;
            listener.restarting(part, reason, restart, delay, dead.logFile());
            dead.stop(); // releases what the dead part held: its handle, lock and pid file
            while (!stopped) {
                TimeUnit.MILLISECONDS.sleep(delay.toMillis());
                delay = next(delay, BACKOFF_CAP);
                nextDelay.put(part, delay);
                long begin = System.nanoTime();
                Component fresh;
                try {
                    fresh = stack.replace(part);
                } catch (StackStartException e) {
                    return; // the stack is closing
                }
                try {
                    String detail = fresh.start();
                    fresh.ready = true;
                    Instant now = Instant.now();
                    restarts.put(part, restart);
                    upSince.put(part, System.nanoTime());
                    runFiles.writeRestarts(part.id(), new RunFiles.Restarts(restart, now));
                    listener.restarted(part, restart, Duration.ofNanos(System.nanoTime() - begin), detail);
                    return;
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    if (stopped || fresh.stopRequested) {
                        return;
                    }
                    String why = e instanceof StackStartException s ? s.reason() : e.getClass().getSimpleName() + ": " + e.getMessage();
                    listener.restartFailed(part, restart, why, delay);
                    fresh.stop();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            recovering.remove(part);
        }
    }

    /** The wait after {@code delay}: twice as long, at most {@code cap}. */
    static Duration next(Duration delay, Duration cap) {
        Duration twice = delay.multipliedBy(2);
        return twice.compareTo(cap) > 0 ? cap : twice;
    }
}
