package clinic.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's JVM for a quick start: a jar that is not a Spring Boot jar runs as it is; the ahead-of-time cache is
 * recorded by the first start of an extracted jar on Java 25, read by the later ones, and kept only when the JVM that
 * recorded it was not killed. (The extraction itself runs in every stack the end-to-end tests start.)
 */
class ServiceLaunchTest {

    @TempDir
    Path dir;

    /** A stand-in JDK 25's java, and a build's extracted jar in its folder. */
    String java;

    Path build;

    Path runnable;

    @BeforeEach
    void anExtractedBuildAndAJdk25() throws IOException {
        java = java25();
        build = Files.createDirectories(dir.resolve("target/extracted/1a-123"));
        runnable = Files.writeString(build.resolve("intake-service.jar"), "");
    }

    @Test
    void aJarThatIsNotASpringBootJarRunsAsItIs() throws IOException {
        Path jar = FakeService.jar(dir.resolve("intake-service.jar"));

        assertFalse(ServiceLaunch.isSpringBootJar(jar));
        assertEquals(jar, ServiceLaunch.runnableJar(jar, KafkaComponent.javaExecutable(), dir.resolve("intake.log")));
        assertFalse(Files.exists(dir.resolve("extracted")), "nothing extracted");
    }

    @Test
    void servicesRunOnTheLaunchersJavaUnlessAJdkIsChosenForThem() {
        assertEquals(KafkaComponent.javaExecutable(), ServiceLaunch.javaExecutable((String) null));
        assertEquals(KafkaComponent.javaExecutable(), ServiceLaunch.javaExecutable(" "));
        assertEquals("/usr/lib/jvm/temurin-25/bin/java", ServiceLaunch.javaExecutable("/usr/lib/jvm/temurin-25"));
    }

    @Test
    void theFirstStartRecordsTheCacheAndTheLaterOnesReadIt() throws IOException {
        var first = ServiceLaunch.aot(runnable, java);
        Path recording = first.recording().orElseThrow();
        assertEquals(List.of("-XX:AOTCacheOutput=" + recording), first.jvmArgs());
        Files.writeString(recording, "the cache");
        first.keep(false);

        assertEquals("the cache", Files.readString(build.resolve("app.aot")));
        assertFalse(Files.exists(recording));
        var later = ServiceLaunch.aot(runnable, java);
        assertEquals(List.of("-XX:AOTCache=" + build.resolve("app.aot")), later.jvmArgs());
        assertEquals(Optional.empty(), later.recording());
    }

    @Test
    void aRecordingJvmThatWasKilledLeavesNoCacheAndTheNextStartRecordsAgain() throws IOException {
        var first = ServiceLaunch.aot(runnable, java);
        Files.writeString(first.recording().orElseThrow(), "half a cache");
        first.keep(true);

        assertFalse(Files.exists(build.resolve("app.aot")));
        assertFalse(Files.exists(first.recording().orElseThrow()), "the half-written file is removed");
        assertTrue(ServiceLaunch.aot(runnable, java).recording().isPresent());
    }

    @Test
    void noCacheForAJarRunAsItIsOrOnAnOlderJava() throws IOException {
        String java17 = JdkFinderTest.fakeJdk(dir.resolve("jvm"), "java-17", "17.0.15").resolve("bin/java").toString();
        Path fat = Files.writeString(dir.resolve("target/intake-service.jar"), "");

        assertEquals(List.of(), ServiceLaunch.aot(fat, java).jvmArgs());
        assertEquals(List.of(), ServiceLaunch.aot(runnable, java17).jvmArgs());
    }

    /** The java executable of a stand-in JDK 25. */
    private String java25() throws IOException {
        return JdkFinderTest.fakeJdk(Files.createDirectories(dir.resolve("jvm")), "temurin-25", "25.0.1")
            .resolve("bin/java")
            .toString();
    }
}
