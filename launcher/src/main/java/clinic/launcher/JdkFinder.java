package clinic.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least a given feature version (Keycloak needs 21), in this order: an explicit home
 * (config or {@code CLINIC_KEYCLOAK_JAVA_HOME}), {@code JAVA_HOME} if it is new enough, then the newest one
 * under a JVM directory (/usr/lib/jvm). A JDK is a directory with {@code bin/java} and a {@code release} file.
 */
public final class JdkFinder {

    /** Oldest JDK Keycloak 26 runs on. */
    public static final int KEYCLOAK_MINIMUM = 21;

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?([0-9._]+)", Pattern.MULTILINE);

    private JdkFinder() {
    }

    /** Thrown when no suitable JDK exists; the message says what was checked and what to install. */
    public static final class NoSuitableJdkException extends RuntimeException {
        NoSuitableJdkException(String message) {
            super(message);
        }
    }

    /**
     * @param explicit a JDK home that must be used (fails if it is not a JDK >= minimum), or empty
     * @param env      environment (CLINIC_KEYCLOAK_JAVA_HOME, JAVA_HOME)
     * @param jvmDir   directory to scan, normally /usr/lib/jvm
     */
    public static Path find(Optional<Path> explicit, Map<String, String> env, Path jvmDir, int minimum) {
        List<String> checked = new ArrayList<>();
        Optional<Path> forced = explicit.isPresent() ? explicit
                : Optional.ofNullable(blankToNull(env.get("CLINIC_KEYCLOAK_JAVA_HOME"))).map(Path::of);
        if (forced.isPresent()) {
            Path home = forced.get();
            int version = featureVersion(home);
            if (version >= minimum) {
                return home;
            }
            throw new NoSuitableJdkException("The JDK chosen for Keycloak (CLINIC_KEYCLOAK_JAVA_HOME / --keycloak-java-home = "
                    + home + ") " + (version < 0 ? "is not a JDK (no bin/java and release file)" : "is Java " + version)
                    + "; Keycloak needs a JDK " + minimum + " or newer.\n" + installHint(minimum));
        }
        checked.add("CLINIC_KEYCLOAK_JAVA_HOME (not set)");

        String javaHome = blankToNull(env.get("JAVA_HOME"));
        if (javaHome != null) {
            int version = featureVersion(Path.of(javaHome));
            if (version >= minimum) {
                return Path.of(javaHome);
            }
            checked.add("JAVA_HOME=" + javaHome + " (" + describe(version) + ")");
        } else {
            checked.add("JAVA_HOME (not set)");
        }

        List<String> seen = new ArrayList<>();
        Optional<Path> best = Optional.empty();
        int bestVersion = -1;
        if (Files.isDirectory(jvmDir)) {
            try (Stream<Path> dirs = Files.list(jvmDir)) {
                for (Path dir : dirs.sorted(Comparator.comparing(Path::toString)).toList()) {
                    int version = featureVersion(dir);
                    if (version < 0) {
                        continue;
                    }
                    seen.add(dir.getFileName() + " (" + version + ")");
                    if (version >= minimum && version > bestVersion) {
                        best = Optional.of(dir);
                        bestVersion = version;
                    }
                }
            } catch (IOException e) {
                seen.add("cannot list: " + e.getMessage());
            }
            if (best.isPresent()) {
                return best.get();
            }
            checked.add(jvmDir + ": " + (seen.isEmpty() ? "no JDKs" : String.join(", ", seen)));
        } else {
            checked.add(jvmDir + " (does not exist)");
        }
        throw new NoSuitableJdkException("Keycloak needs a JDK " + minimum + " or newer, and none was found.\n"
                + "Checked: " + String.join("; ", checked) + ".\n" + installHint(minimum));
    }

    static String installHint(int minimum) {
        int version = Math.max(minimum, 21);
        return "Install one, for example:\n"
                + "  Debian 13 / Ubuntu 24.04:  sudo apt-get install openjdk-" + version + "-jdk-headless\n"
                + "  Debian 12 and others:      Eclipse Temurin " + version + "+ (https://adoptium.net/installation/linux/,"
                + " then sudo apt-get install temurin-" + version + "-jdk)\n"
                + "then run again, or point CLINIC_KEYCLOAK_JAVA_HOME (or --keycloak-java-home) at its directory.";
    }

    /** The feature version (17, 21, 25...) of the JDK in {@code home}, or -1 if it is not a JDK. */
    public static int featureVersion(Path home) {
        if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return -1;
        }
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            if (!m.find()) {
                return -1;
            }
            String[] parts = m.group(1).split("[._]");
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String describe(int version) {
        return version < 0 ? "not a JDK" : "Java " + version;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
