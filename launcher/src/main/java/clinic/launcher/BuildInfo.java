package clinic.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** Versions and the Maven local repository, written into the jar by resource filtering at build time. */
final class BuildInfo {

    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    static String keycloakVersion() {
        return get("keycloak.version");
    }

    static String kafkaVersion() {
        return get("kafka.version");
    }

    /** {@code <local repo>/org/keycloak/keycloak-quarkus-dist/<v>/keycloak-quarkus-dist-<v>.tar.gz} (put there by the build). */
    static Path keycloakDistArchive() {
        String version = keycloakVersion();
        String repo = PROPS.getProperty("maven.repo.local", "");
        Path localRepo = repo.isBlank() || repo.startsWith("@")
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(repo);
        return localRepo.resolve("org/keycloak/keycloak-quarkus-dist").resolve(version)
                .resolve("keycloak-quarkus-dist-" + version + ".tar.gz");
    }

    private static String get(String key) {
        String value = PROPS.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("@")) {
            throw new IllegalStateException(key + " is missing from clinic-launcher.properties: build the launcher with Maven"
                    + " (./mvnw -pl launcher package)");
        }
        return value;
    }

    private static Properties load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/clinic-launcher.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
