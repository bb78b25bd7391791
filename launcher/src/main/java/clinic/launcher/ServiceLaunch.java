package clinic.launcher;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * How a service's JVM is started for a quick start, measured on intake (2 cores, docs/benchmarks.md "Start-up"): a
 * Spring Boot jar run as it is reads every class out of jars nested in it, 15.3 s to ready and 16.2 s of CPU on Java
 * 17; extracted next to it (Spring Boot's {@code -Djarmode=tools extract}, once per build) 11.5 s and 12.3 s. So a
 * service runs from its extracted jar; on a JDK of at least {@link #NEWER_JDK}, when one is chosen
 * ({@link #javaExecutable()}), also with an ahead-of-time cache ({@link #aot}).
 */
final class ServiceLaunch {

    /** The oldest JDK whose ahead-of-time cache a service uses. */
    static final int NEWER_JDK = 25;

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

    private ServiceLaunch() {
    }

    /**
     * The java executable services run on: the launcher's own, or the JDK whose home {@code CLINIC_SERVICE_JAVA_HOME}
     * names. Java 25 with its AOT cache starts a service a third quicker, but on it a slot search on a filled site
     * stalled for 0.3–0.4 s about once in a hundred calls (p99 323–414 ms in three bench runs against 39 ms on Java
     * 17; docs/benchmarks.md "Start-up"), so it is for whoever chooses it until that is understood.
     */
    static String javaExecutable() {
        return javaExecutable(System.getenv("CLINIC_SERVICE_JAVA_HOME"));
    }

    static String javaExecutable(String chosenHome) {
        if (chosenHome != null && !chosenHome.isBlank()) {
            return Path.of(chosenHome).resolve("bin").resolve("java").toString();
        }
        return KafkaComponent.javaExecutable();
    }

    /**
     * The jar to run for {@code jar}: a Spring Boot jar extracted into {@code target/extracted/<stamp>/} beside it
     * (the stamp is the jar's size and time, so a new build extracts again and the old copy is removed), made by
     * {@code java} with its output in {@code log}; any other jar, or the jar itself when extracting fails, as is.
     * Concurrent launchers each extract into a folder of their own and the first to finish names it.
     */
    static Path runnableJar(Path jar, String java, Path log) {
        if (!isSpringBootJar(jar)) {
            return jar;
        }
        try {
            Path root = jar.getParent().resolve("extracted");
            String stamp = Long.toHexString(Files.size(jar)) + "-" + Files.getLastModifiedTime(jar).toMillis();
            Path done = root.resolve(stamp);
            Path extracted = done.resolve(jar.getFileName());
            if (Files.isRegularFile(extracted)) {
                return extracted;
            }
            Files.createDirectories(root);
            removeOthers(root, stamp);
            Path scratch = root.resolve("tmp-" + UUID.randomUUID());
            int exit = ChildProcess.run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
                    "--destination", scratch.toString()), Map.of(), jar.getParent(), log, Duration.ofMinutes(2));
            if (exit != 0 || !Files.isRegularFile(scratch.resolve(jar.getFileName()))) {
                deleteTree(scratch);
                return jar;
            }
            try {
                Files.move(scratch, done, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                deleteTree(scratch); // another launcher extracted the same build first
            } catch (IOException e) {
                deleteTree(scratch);
                if (!Files.isRegularFile(extracted)) {
                    throw e;
                }
            }
            return Files.isRegularFile(extracted) ? extracted : jar;
        } catch (IOException e) {
            return jar;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return jar;
        }
    }

    /**
     * Java 25's ahead-of-time cache (JEP 483/514) for an extracted jar: the classes a start loads and links, read from
     * one file instead of found and parsed again, 9.4 s to ready → 6.7–7.5 s and 10.3 s of CPU → 7.5–8 s on intake.
     * The first start after a build records it ({@code -XX:AOTCacheOutput}): that start is slower (17 s) and its JVM
     * writes the cache when it stops (24 s on 2 cores); {@link #keep} then names it the cache later starts read
     * ({@code -XX:AOTCache}). None for a jar run as it is (classes from nested jars are not cached) or an older Java.
     *
     * @param jvmArgs  the options that read or record the cache, none when there is no cache to be had
     * @param recording the file this start records into, empty when it reads the cache or has none
     * @param cache    the cache later starts read
     */
    record Aot(List<String> jvmArgs, Optional<Path> recording, Path cache) {

        static Aot none() {
            return new Aot(List.of(), Optional.empty(), Path.of(""));
        }

        /**
         * After the JVM ended: the cache it recorded becomes the one later starts read, unless it was killed before
         * it finished writing (then the next start records again).
         */
        void keep(boolean killed) {
            if (recording.isEmpty()) {
                return;
            }
            Path recorded = recording.get();
            try {
                if (!killed && Files.size(recorded) > 0 && !Files.exists(cache)) {
                    Files.move(recorded, cache, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                // another instance named its cache first, or nothing was written
            }
            try {
                Files.deleteIfExists(recorded);
            } catch (IOException e) {
                // best effort
            }
        }
    }

    /** The ahead-of-time cache of {@code runnable} (from {@link #runnableJar}) run on {@code java}. */
    static Aot aot(Path runnable, String java) {
        Path dir = runnable.getParent();
        if (dir == null || dir.getParent() == null || !"extracted".equals(dir.getParent().getFileName().toString())
                || JdkFinder.featureVersion(Path.of(java).getParent().getParent()) < NEWER_JDK) {
            return Aot.none();
        }
        Path cache = dir.resolve("app.aot");
        if (Files.isRegularFile(cache)) {
            return new Aot(List.of("-XX:AOTCache=" + cache), Optional.empty(), cache);
        }
        Path recording = dir.resolve("recording-" + UUID.randomUUID() + ".aot");
        return new Aot(List.of("-XX:AOTCacheOutput=" + recording), Optional.of(recording), cache);
    }

    static boolean isSpringBootJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && BOOT_LAUNCHER.equals(file.getManifest().getMainAttributes().getValue("Main-Class"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Earlier builds' extractions and abandoned scratch folders made over an hour ago, best effort: a stack started
     * from an earlier build may still be reading its classes from a newer one.
     */
    private static void removeOthers(Path root, String stamp) {
        long hourAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                if (!dir.getFileName().toString().equals(stamp) && Files.getLastModifiedTime(dir).toMillis() < hourAgo) {
                    deleteTree(dir);
                }
            }
        } catch (IOException e) {
            // best effort
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort
        }
    }
}
