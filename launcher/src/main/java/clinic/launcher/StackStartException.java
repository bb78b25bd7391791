package clinic.launcher;

import java.nio.file.Path;
import java.util.List;

/** A part of the stack did not start. Everything started before it has been stopped again. */
public class StackStartException extends RuntimeException {

    /** Reason given when the stack was closed (Ctrl-C, {@link Stack#close()}) while it was still starting. */
    static final String ABORTED = "start aborted: the stack is being stopped";

    private final Part part;
    private final String reason;
    private final transient Path logFile;
    private final List<String> logTail;

    public StackStartException(Part part, String reason, Path logFile, List<String> logTail, Throwable cause) {
        super(format(part, reason, logFile, logTail), cause);
        this.part = part;
        this.reason = reason;
        this.logFile = logFile;
        this.logTail = List.copyOf(logTail);
    }

    public StackStartException(Part part, String reason, Path logFile) {
        this(part, reason, logFile, LogFiles.tail(logFile, 20), null);
    }

    /** The part that failed. */
    public Part part() {
        return part;
    }

    /** Why, in one sentence (without the log tail). */
    public String reason() {
        return reason;
    }

    /** The part's log file, or null if it has none. */
    public Path logFile() {
        return logFile;
    }

    public List<String> logTail() {
        return logTail;
    }

    /** True if the start was not a failure but interrupted by closing the stack (e.g. Ctrl-C). */
    public boolean aborted() {
        return ABORTED.equals(reason);
    }

    private static String format(Part part, String reason, Path logFile, List<String> tail) {
        StringBuilder sb = new StringBuilder(part.id()).append(" failed: ").append(reason);
        if (logFile != null) {
            sb.append("\nlog: ").append(logFile);
            if (!tail.isEmpty()) {
                sb.append("\n---- last ").append(tail.size()).append(" lines ----\n");
                tail.forEach(line -> sb.append("  ").append(line).append('\n'));
            }
        }
        return sb.toString();
    }
}
