package clinic.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures that must be reported clearly without starting anything real. */
class StackFailureTest {

    @Test
    void aTakenPortIsReportedWithThePartAndTheFlagToChangeIt(@TempDir Path data) throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(0));
            StackConfig config = StackConfig.builder().dataDir(data).randomPorts()
                    .port(PortName.KAFKA, squatter.getLocalPort())
                    .parts(Part.POSTGRES, Part.KAFKA).build();
            List<String> failures = new ArrayList<>();
            StackStartException e = assertThrows(StackStartException.class, () -> Stack.start(config, new ProgressListener() {
                @Override
                public void failed(Part part, String reason, Path logFile, List<String> logTail) {
                    failures.add(part.id() + ": " + reason);
                }
            }));
            assertEquals(Part.KAFKA, e.part());
            assertTrue(e.reason().contains("port " + squatter.getLocalPort() + " is already in use"), e.reason());
            assertTrue(e.reason().contains("--kafka-port / CLINIC_KAFKA_PORT"), e.reason());
            assertEquals(1, failures.size());
            assertTrue(failures.get(0).startsWith("kafka: port"), failures.toString());
        }
    }

    @Test
    void keycloakWithoutAJdk21FailsWithTheInstallHint(@TempDir Path data) throws Exception {
        Path jdk17 = JdkFinderTest.fakeJdk(data, "jdk-17", "17.0.15");
        StackConfig config = StackConfig.builder().dataDir(data.resolve("stack")).randomPorts()
                .keycloakJavaHome(jdk17)
                .parts(Part.KEYCLOAK).build();
        StackStartException e = assertThrows(StackStartException.class, () -> Stack.start(config, ProgressListener.silent()));
        assertEquals(Part.KEYCLOAK, e.part());
        assertTrue(e.getMessage().contains("Keycloak needs a JDK 21 or newer"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install openjdk-21-jdk-headless"), e.getMessage());
        assertFalse(new RunFiles(config.dataDir()).alive(RunFiles.LAUNCHER).isPresent(), "launcher.pid left behind");
    }

    @Test
    void aServiceWhoseProcessExitsFailsWithItsLogTailAndWhatWasStartedIsStoppedAgain(@TempDir Path data) throws Exception {
        Path notAJar = java.nio.file.Files.writeString(data.resolve("intake-service.jar"), "not a jar");
        StackConfig config = StackConfig.builder().dataDir(data.resolve("stack")).randomPorts()
                .serviceJar(Part.INTAKE, notAJar)
                .parts(Part.POSTGRES, Part.INTAKE).build();
        List<Part> stopped = new ArrayList<>();
        StackStartException e = assertThrows(StackStartException.class, () -> Stack.start(config, new ProgressListener() {
            @Override
            public void stopped(Part part, java.time.Duration took, boolean forced) {
                stopped.add(part);
            }
        }));
        assertEquals(Part.INTAKE, e.part());
        assertFalse(e.aborted());
        assertTrue(e.reason().startsWith("the process exited with code 1"), e.reason());
        assertEquals(config.logFile(Part.INTAKE), e.logFile());
        assertTrue(String.join("\n", e.logTail()).contains("Invalid or corrupt jarfile"), e.logTail().toString());
        assertEquals(List.of(Part.POSTGRES), stopped);
        assertTrue(Ports.isFree(config.port(PortName.POSTGRES)), "PostgreSQL still runs after the failed start");
        assertFalse(PostgresComponent.postmasterOf(config.dataDir().resolve("postgres")).isPresent());
    }

    /**
     * zonky gives up waiting for the server after pg_ctl has started it (here at once, in a real start after a slow
     * crash recovery): the launcher stops that server, so that it is not left running unmanaged, and the next start
     * on the same data directory works (no "server from an earlier run", no lock held by the failed handle).
     */
    @Test
    void aPostgresStartThatGivesUpStopsTheServerItStartedAndTheNextStartWorks(@TempDir Path data) throws Exception {
        StackConfig impatient = StackConfig.builder().dataDir(data).randomPorts()
                .parts(Part.POSTGRES)
                .startTimeout(Part.POSTGRES, java.time.Duration.ofMillis(1))
                .registerShutdownHook(false)
                .build();
        StackStartException e = assertThrows(StackStartException.class, () -> Stack.start(impatient, ProgressListener.silent()));
        assertEquals(Part.POSTGRES, e.part());
        assertTrue(e.reason().contains("Gave up waiting"), e.reason());
        Path pgData = data.resolve("postgres");
        assertEquals(List.of(), PostgresComponent.processesIn(pgData).stream().map(RunFiles::describe).toList(),
                "the server the failed start had started is still running");
        assertFalse(PostgresComponent.postmasterOf(pgData).isPresent());
        assertTrue(Ports.isFree(impatient.port(PortName.POSTGRES)), "PostgreSQL's port is still taken");

        StackConfig.Builder patient = StackConfig.builder().dataDir(data).parts(Part.POSTGRES).registerShutdownHook(false);
        impatient.ports().forEach(patient::port);
        try (Stack again = Stack.start(patient.build(), ProgressListener.silent());
             var c = java.sql.DriverManager.getConnection(again.jdbcUrl("postgres"), "postgres", "postgres")) {
            assertTrue(c.isValid(5));
        }
    }

    @Test
    void aMissingServiceJarNamesTheJarAndHowToBuildIt(@TempDir Path data) {
        StackConfig config = StackConfig.builder().dataDir(data).randomPorts()
                .serviceJar(Part.INTAKE, data.resolve("nope/intake-service.jar"))
                .parts(Part.INTAKE).build();
        StackStartException e = assertThrows(StackStartException.class, () -> Stack.start(config, ProgressListener.silent()));
        assertEquals(Part.INTAKE, e.part());
        assertTrue(e.reason().contains("nope/intake-service.jar is missing"), e.reason());
        assertTrue(e.reason().contains("-pl intake-service -am"), e.reason());
    }
}
