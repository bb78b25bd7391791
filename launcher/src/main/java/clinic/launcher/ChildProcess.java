package clinic.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process with its output in a log file.
 *
 * <p>It is started with {@code setsid}, so it has its own process group: Ctrl-C in the terminal reaches only the
 * launcher, which then stops the parts in reverse order. A small watchdog ({@link #watch}) stops the child when
 * the launcher JVM goes away without stopping it (kill -9, crash).
 */
final class ChildProcess {

    private static final boolean SETSID = Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command} in {@code workDir}, output and errors appended to {@code logFile}.
     * {@code env} is added to (and overrides) the launcher's environment; a null value removes a variable.
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile)
            throws IOException {
        List<String> full = new ArrayList<>();
        if (SETSID) {
            full.add("setsid");
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        Process process = builder.start();
        watch(process.pid(), "TERM", 20);
        return new ChildProcess(name, process, logFile);
    }

    /** Runs a command to completion (e.g. a one-off tool) with its output appended to the log; returns the exit code. */
    static int run(List<String> command, Map<String, String> env, Path workDir, Path logFile, Duration timeout)
            throws IOException, InterruptedException {
        ChildProcess child = start(command.get(0), command, env, workDir, logFile);
        boolean done;
        try {
            done = child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            child.stop(Duration.ofSeconds(5)); // the stack is closing: the tool must not run on unattended
            throw e;
        }
        if (!done) {
            child.stop(Duration.ofSeconds(5));
            throw new IOException("'" + String.join(" ", command) + "' did not finish within " + timeout.toSeconds() + " s");
        }
        return child.process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    Path logFile() {
        return logFile;
    }

    /**
     * SIGTERM to the process and its descendants, wait up to {@code grace}, then SIGKILL.
     * @return true if it had to be killed
     */
    boolean stop(Duration grace) {
        boolean forced = stop(process.toHandle(), grace);
        killGroup();
        return forced;
    }

    /**
     * SIGKILL to what is left of the child's process group (it leads one of its own, see {@link #start}): a child
     * killed without its descendants (e.g. Keycloak's kc.sh, whose java runs on) leaves them orphaned, out of reach
     * of {@link ProcessHandle#descendants()}, still holding the part's ports.
     */
    private void killGroup() {
        if (!SETSID) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill command: nothing more to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean stop(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return false;
        }
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(handle);
        handle.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep(100);
        }
        boolean forced = false;
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                forced = true;
                p.destroyForcibly();
            }
        }
        long killDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (forced && tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < killDeadline) {
            sleep(50);
        }
        return forced;
    }

    /**
     * Starts a detached watchdog: when this JVM is gone and {@code pid} still runs, it sends {@code signal} to pid's
     * process group (or pid), waits {@code graceSeconds}, then SIGKILLs it. It ends by itself once pid has exited.
     */
    static void watch(long pid, String signal, int graceSeconds) {
        String script = """
                L=$1; C=$2; S=$3; G=$4
                while kill -0 "$L" 2>/dev/null && kill -0 "$C" 2>/dev/null; do sleep 2; done
                kill -0 "$C" 2>/dev/null || exit 0
                kill -"$S" -- -"$C" 2>/dev/null || kill -"$S" "$C" 2>/dev/null
                i=0
                while [ "$i" -lt "$G" ] && kill -0 "$C" 2>/dev/null; do sleep 1; i=$((i+1)); done
                kill -KILL -- -"$C" 2>/dev/null; kill -KILL "$C" 2>/dev/null
                exit 0
                """;
        List<String> command = new ArrayList<>();
        if (SETSID) {
            command.add("setsid");
        }
        command.addAll(List.of("bash", "-c", script, "clinic-watchdog",
                Long.toString(ProcessHandle.current().pid()), Long.toString(pid), signal, Integer.toString(graceSeconds)));
        try {
            new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // no bash: the shutdown hook and the stale-process check on the next start still apply
        }
    }

    /**
     * Sleeps the whole time even when interrupted, and keeps the interrupt for the caller: the waits of a stop must
     * not turn into a busy loop that kills after the grace period when a closing stack interrupts the thread.
     */
    static void sleep(long millis) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
