package clinic.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Part log files: one generation is kept ({@code <part>.log.1}) so a failed run's log survives the next start. */
final class LogFiles {

    private LogFiles() {
    }

    /** Moves an existing log to {@code .log.1} and returns the (fresh) path. */
    static Path rotate(Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            if (Files.exists(logFile) && Files.size(logFile) > 0) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            return logFile;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare log file " + logFile, e);
        }
    }

    /** The last {@code lines} lines of a (possibly large) log file; empty if it does not exist. */
    static List<String> tail(Path file, int lines) {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        // InputStreamReader replaces undecodable bytes instead of failing: logs can contain anything
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            Deque<String> last = new ArrayDeque<>(lines);
            String line;
            while ((line = reader.readLine()) != null) {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
            return new ArrayList<>(last);
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
