package clinic.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A part that runs as a child process (Kafka, Keycloak, the services): launching it with its pid recorded,
 * stopping it with a grace period before it is killed, and telling why it went away.
 */
abstract class ProcessComponent extends Component {

    private final Duration stopGrace;

    volatile ChildProcess process;

    ProcessComponent(Part part, StackConfig config, ProgressListener listener, Duration stopGrace) {
        this(part, 1, config, listener, stopGrace);
    }

    ProcessComponent(Part part, int instance, StackConfig config, ProgressListener listener, Duration stopGrace) {
        super(part, instance, config, listener);
        this.stopGrace = stopGrace;
    }

    /** Starts the process and records its pid; stops it again at once if the stack is being closed meanwhile. */
    ChildProcess launch(List<String> command, Map<String, String> env, Path workingDir) throws Exception {
        process = ChildProcess.start(name(), command, env, workingDir, logFile());
        runFiles.write(name(), process.handle());
        if (stopRequested) {
            stop();
            throw failure(StackStartException.ABORTED);
        }
        return process;
    }

    /** How long a stop waits for the process to end before killing it. */
    Duration stopGrace() {
        return stopGrace;
    }

    @Override
    boolean stop() {
        stopRequested = true;
        ChildProcess p = process;
        if (p == null) {
            return false;
        }
        boolean forced = p.stop(stopGrace());
        runFiles.delete(name());
        return forced;
    }

    @Override
    boolean isAlive() {
        ChildProcess p = process;
        return p != null && p.isAlive();
    }

    @Override
    OptionalLong pid() {
        ChildProcess p = process;
        return p != null && p.isAlive() ? OptionalLong.of(p.pid()) : OptionalLong.empty();
    }

    @Override
    String exitDescription() {
        ChildProcess p = process;
        return p != null && !p.isAlive() ? "exited with code " + p.exitValue() : super.exitDescription();
    }
}
