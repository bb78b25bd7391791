package clinic.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDK search for Keycloak, on fake JDK directories (a bin/java file and a release file each). */
class JdkFinderTest {

    @TempDir
    Path jvm;

    static Path fakeJdk(Path parent, String name, String javaVersion) throws IOException {
        Path home = parent.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
        return home;
    }

    @Test
    void noJdk21AnywhereGivesAMessageThatSaysWhatWasCheckedAndWhatToInstall() throws IOException {
        Path jdk17 = fakeJdk(jvm, "java-17-openjdk-amd64", "17.0.15");
        Files.createDirectories(jvm.resolve("not-a-jdk"));

        JdkFinder.NoSuitableJdkException e = assertThrows(JdkFinder.NoSuitableJdkException.class,
                () -> JdkFinder.find(Optional.empty(), Map.of("JAVA_HOME", jdk17.toString()), jvm, 21));

        String message = e.getMessage();
        assertTrue(message.startsWith("Keycloak needs a JDK 21 or newer, and none was found."), message);
        assertTrue(message.contains("CLINIC_KEYCLOAK_JAVA_HOME (not set)"), message);
        assertTrue(message.contains("JAVA_HOME=" + jdk17 + " (Java 17)"), message);
        assertTrue(message.contains("java-17-openjdk-amd64 (17)"), message);
        assertTrue(message.contains("sudo apt-get install openjdk-21-jdk-headless"), message);
        assertTrue(message.contains("Temurin 21+"), message);
    }

    @Test
    void emptyJvmDirectoryIsReportedToo() {
        JdkFinder.NoSuitableJdkException e = assertThrows(JdkFinder.NoSuitableJdkException.class,
                () -> JdkFinder.find(Optional.empty(), Map.of(), jvm.resolve("missing"), 21));
        assertTrue(e.getMessage().contains("JAVA_HOME (not set)"), e.getMessage());
        assertTrue(e.getMessage().contains("missing (does not exist)"), e.getMessage());
    }

    @Test
    void picksTheNewestJdkOfAtLeast21UnderTheJvmDirectory() throws IOException {
        fakeJdk(jvm, "java-17-openjdk-amd64", "17.0.15");
        fakeJdk(jvm, "java-21-openjdk-amd64", "21.0.8");
        Path jdk25 = fakeJdk(jvm, "temurin-25-jdk-amd64", "25.0.1");
        assertEquals(jdk25, JdkFinder.find(Optional.empty(), Map.of(), jvm, 21));
    }

    @Test
    void javaHomeWinsWhenItIsNewEnoughAndTheExplicitVariableWinsOverIt() throws IOException {
        fakeJdk(jvm, "temurin-25-jdk-amd64", "25.0.1");
        Path jdk21 = fakeJdk(jvm.resolve("elsewhere"), "jdk-21", "21.0.2");
        Path jdk22 = fakeJdk(jvm.resolve("elsewhere"), "jdk-22", "22");
        assertEquals(jdk21, JdkFinder.find(Optional.empty(), Map.of("JAVA_HOME", jdk21.toString()), jvm, 21));
        assertEquals(jdk22, JdkFinder.find(Optional.empty(),
                Map.of("JAVA_HOME", jdk21.toString(), "CLINIC_KEYCLOAK_JAVA_HOME", jdk22.toString()), jvm, 21));
    }

    @Test
    void anExplicitJdkThatIsTooOldIsAnErrorNotSkipped() throws IOException {
        Path jdk17 = fakeJdk(jvm, "jdk-17", "17.0.1");
        fakeJdk(jvm, "jdk-25", "25");
        JdkFinder.NoSuitableJdkException e = assertThrows(JdkFinder.NoSuitableJdkException.class,
                () -> JdkFinder.find(Optional.of(jdk17), Map.of(), jvm, 21));
        assertTrue(e.getMessage().contains("is Java 17"), e.getMessage());
        assertTrue(e.getMessage().contains("openjdk-21-jdk-headless"), e.getMessage());
    }

    @Test
    void readsOldStyleVersions() throws IOException {
        assertEquals(8, JdkFinder.featureVersion(fakeJdk(jvm, "jdk8", "1.8.0_402")));
        assertEquals(-1, JdkFinder.featureVersion(jvm.resolve("nothing")));
    }
}
