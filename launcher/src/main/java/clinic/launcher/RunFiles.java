package clinic.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Pid files in {@code <data>/run/}: {@code launcher.pid} for the JVM that owns the stack and {@code <part>.pid}
 * for every child. Each holds "pid start-epoch-millis" so that a reused pid is not mistaken for ours.
 */
final class RunFiles {

    static final String LAUNCHER = "launcher";

    private final Path dir;

    RunFiles(Path dataDir) {
        this.dir = dataDir.resolve("run");
    }

    Path file(String name) {
        return dir.resolve(name + ".pid");
    }

    void write(String name, ProcessHandle process) {
        try {
            Files.createDirectories(dir);
            long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            Files.writeString(file(name), process.pid() + " " + start + "\n");
        } catch (IOException e) {
            // pid files help ./clinic down and stale-process detection; not worth failing the start for
        }
    }

    /** How often the supervisor has brought a part back, and when last. */
    record Restarts(int count, Instant last) {
    }

    /** Records a part's restarts in {@code <part>.restarts} ("count epoch-millis"), read by {@code ./clinic status}. */
    void writeRestarts(String name, Restarts restarts) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".restarts"), restarts.count() + " " + restarts.last().toEpochMilli() + "\n");
        } catch (IOException e) {
            // only ./clinic status reads it
        }
    }

    Optional<Restarts> restarts(String name) {
        try {
            String[] fields = Files.readString(dir.resolve(name + ".restarts")).trim().split("\\s+");
            return Optional.of(new Restarts(Integer.parseInt(fields[0]), Instant.ofEpochMilli(Long.parseLong(fields[1]))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Forgets the restarts of an earlier run (a new run starts counting at 0). */
    void clearRestarts() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".restarts")).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** The live process recorded under {@code name}, if it still runs (same pid and same start time). */
    Optional<ProcessHandle> alive(String name) {
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] fields = Files.readString(file).trim().split("\\s+");
            long pid = Long.parseLong(fields[0]);
            long start = fields.length > 1 ? Long.parseLong(fields[1]) : 0L;
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> start == 0L
                    || p.info().startInstant().map(i -> Math.abs(i.toEpochMilli() - start) < 2000).orElse(true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String describe(ProcessHandle p) {
        String cmd = p.info().commandLine().or(() -> p.info().command()).orElse("?");
        if (cmd.length() > 160) {
            cmd = cmd.substring(0, 157) + "...";
        }
        return "pid " + p.pid() + ": " + cmd;
    }
}
