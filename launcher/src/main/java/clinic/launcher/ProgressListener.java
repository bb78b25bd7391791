package clinic.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Hears what the stack is doing while it starts and stops. All methods have empty defaults. */
public interface ProgressListener {

    /** {@code index} counts from 1 over the selected parts; {@code detail} says e.g. which port. */
    default void starting(Part part, int index, int total, String detail) {
    }

    /** A step inside a slow start, e.g. "unpacking the distribution". */
    default void step(Part part, String message) {
    }

    default void ready(Part part, int index, int total, Duration took, String detail) {
    }

    /** The part did not start; {@code logTail} holds the last lines of {@code logFile}. */
    default void failed(Part part, String reason, Path logFile, List<String> logTail) {
    }

    default void stopping(Part part) {
    }

    default void stopped(Part part, Duration took, boolean forced) {
    }

    /** A part went away on its own and is started again after {@code delay} ({@code restart} counts from 1). */
    default void restarting(Part part, String reason, int restart, Duration delay, Path logFile) {
    }

    /** A restarted part is healthy again. */
    default void restarted(Part part, int restart, Duration took, String detail) {
    }

    /** A restart did not bring the part back; the next try follows after {@code retryIn}. */
    default void restartFailed(Part part, int restart, String reason, Duration retryIn) {
    }

    static ProgressListener silent() {
        return new ProgressListener() {
        };
    }

    /** Human readable lines such as {@code [3/7] keycloak             ready in 31 s}. */
    static ProgressListener console(PrintStream out) {
        return new ProgressListener() {
            @Override
            public void starting(Part part, int index, int total, String detail) {
                out.printf("[%d/%d] %-20s starting%s%n", index, total, part.id(), detail.isEmpty() ? "" : " (" + detail + ")");
            }

            @Override
            public void step(Part part, String message) {
                out.printf("      %-20s %s%n", part.id(), message);
            }

            @Override
            public void ready(Part part, int index, int total, Duration took, String detail) {
                out.printf("[%d/%d] %-20s ready in %s%s%n", index, total, part.id(), seconds(took),
                        detail.isEmpty() ? "" : " (" + detail + ")");
            }

            @Override
            public void failed(Part part, String reason, Path logFile, List<String> logTail) {
                out.printf("%nFAILED: %s: %s%n", part.id(), reason);
                if (logFile != null) {
                    out.printf("Log: %s%n", logFile);
                    if (!logTail.isEmpty()) {
                        out.printf("---- last %d lines of %s ----%n", logTail.size(), logFile.getFileName());
                        logTail.forEach(line -> out.println("  " + line));
                        out.println("----");
                    }
                }
            }

            @Override
            public void stopping(Part part) {
                out.printf("      %-20s stopping%n", part.id());
            }

            @Override
            public void stopped(Part part, Duration took, boolean forced) {
                out.printf("      %-20s stopped in %s%s%n", part.id(), seconds(took), forced ? " (killed after the grace period)" : "");
            }

            @Override
            public void restarting(Part part, String reason, int restart, Duration delay, Path logFile) {
                out.printf("WARNING: %s %s; restarting (restart %d) in %s; see %s%n", part.id(), reason, restart,
                        seconds(delay), logFile);
            }

            @Override
            public void restarted(Part part, int restart, Duration took, String detail) {
                out.printf("      %-20s back in %s (restart %d%s)%n", part.id(), seconds(took), restart,
                        detail.isEmpty() ? "" : ", " + detail);
            }

            @Override
            public void restartFailed(Part part, int restart, String reason, Duration retryIn) {
                out.printf("WARNING: %s did not come back (restart %d): %s; trying again in %s%n", part.id(), restart,
                        reason, seconds(retryIn));
            }
        };
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? String.format("%.1f s", ms / 1000.0) : (ms + 500) / 1000 + " s";
    }
}
