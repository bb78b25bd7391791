package clinic.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/** One part of the stack: knows how to start it, wait until it is ready, and stop it. */
abstract class Component {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    final Part part;
    /** Which instance of the part this is: 1, or 2 for a service's second instance ({@code --instances 2}). */
    final int instance;
    final StackConfig config;
    final ProgressListener listener;
    final RunFiles runFiles;
    /** Set when the stack is being closed, possibly while this component is still starting. */
    volatile boolean stopRequested;
    /** Set once the part has started and passed its health check (from then on the supervisor watches it). */
    volatile boolean ready;

    Component(Part part, StackConfig config, ProgressListener listener) {
        this(part, 1, config, listener);
    }

    Component(Part part, int instance, StackConfig config, ProgressListener listener) {
        this.part = part;
        this.instance = instance;
        this.config = config;
        this.listener = listener;
        this.runFiles = new RunFiles(config.dataDir());
    }

    /** Shown when starting, e.g. "port 15432". */
    abstract String startDetail();

    /** Starts the part and blocks until it is ready; returns a detail for the "ready" line. */
    abstract String start() throws Exception;

    /** Stops the part (idempotent); returns true if it had to be killed. */
    abstract boolean stop();

    /** Whether the part's process still runs (false before start and after stop). */
    abstract boolean isAlive();

    /** The part's (main) process, if it runs. */
    abstract OptionalLong pid();

    /** One health check of a started part: null when healthy, otherwise what is wrong. */
    abstract String healthProblem() throws Exception;

    /** Why the process is gone, e.g. "exited with code 1". */
    String exitDescription() {
        return "is no longer running";
    }

    Path logFile() {
        return config.logFile(part, instance);
    }

    /** The instance's name in pid files and logs: {@code intake-service}, {@code intake-service-2}. */
    String name() {
        return StackConfig.instanceName(part, instance);
    }

    StackStartException failure(String reason) {
        return new StackStartException(part, reason, logFile());
    }

    StackStartException failure(String reason, Throwable cause) {
        return new StackStartException(part, reason, logFile(), LogFiles.tail(logFile(), 20), cause);
    }

    /** A check polled until it passes; returns null when ready, otherwise what is still missing. */
    interface Probe {
        String check() throws Exception;
    }

    /** What {@code probe} finds wrong (null when nothing is), or the exception it threw, described. */
    static String problemOf(Probe probe) throws InterruptedException {
        try {
            return probe.check();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /**
     * Polls {@code probe} every 500 ms until it returns null. Fails when the process dies (if {@code process} is
     * given), when the part's start timeout passes, or when the stack is being closed.
     */
    void awaitReady(ChildProcess process, long startNanos, Probe probe) throws InterruptedException {
        Duration timeout = config.startTimeout(part);
        long deadline = startNanos + timeout.toNanos();
        String last = "not checked yet";
        while (true) {
            if (stopRequested) {
                throw failure(StackStartException.ABORTED);
            }
            if (process != null && !process.isAlive()) {
                throw failure("the process exited with code " + process.exitValue() + " while starting");
            }
            last = problemOf(probe);
            if (last == null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw failure("not ready within " + timeout.toSeconds() + " s (last check: " + last + ")");
            }
            Thread.sleep(500);
        }
    }

    /** GET {@code url}; null if it answered 200, otherwise a description of the answer. */
    static String httpOk(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            return null;
        }
        String body = response.body() == null ? "" : response.body().strip();
        return url + " answered " + response.statusCode() + (body.isEmpty() ? "" : " " + abbreviate(body, 200));
    }

    static String abbreviate(String s, int max) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }
}
