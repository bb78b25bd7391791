package clinic.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A part killed while the stack runs comes back on its own, is recorded for ./clinic down and status, and stops with the stack. */
class SupervisionTest {

    @Test
    void theBackOffDoublesUpToItsCap() {
        Duration cap = Duration.ofSeconds(30);
        Duration d = Duration.ofSeconds(1);
        List<Long> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(d.toSeconds());
            d = Supervisor.next(d, cap);
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L), waits);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aKilledServiceAndAKilledPostgresComeBackHealthyOnTheirOwn(@TempDir Path data) throws Exception {
        StackConfig config = StackConfig.builder()
                .dataDir(data.resolve("stack"))
                .randomPorts()
                .parts(Part.POSTGRES, Part.INTAKE)
                .serviceJar(Part.INTAKE, FakeService.jar(data.resolve("intake-service.jar")))
                .serviceJvmArgs(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .registerShutdownHook(false)
                .build();
        List<String> said = new CopyOnWriteArrayList<>();
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void restarting(Part part, String reason, int restart, Duration delay, Path logFile) {
                said.add(part.id() + " " + reason + "; restarting (restart " + restart + ")");
            }

            @Override
            public void restarted(Part part, int restart, Duration took, String detail) {
                said.add(part.id() + " back (restart " + restart + ")");
            }
        };
        RunFiles run = new RunFiles(config.dataDir());
        long intake;
        long postmaster;
        try (Stack stack = Stack.start(config, recorder)) {
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl("intake"), "intake_owner", config.databaseOwnerPassword());
                 Statement s = c.createStatement()) {
                s.execute("create table survivor (note text)");
                s.execute("insert into survivor values ('committed before the crash')");
            }

            long killedIntake = stack.pid(Part.INTAKE).orElseThrow();
            ProcessHandle.of(killedIntake).orElseThrow().destroyForcibly(); // SIGKILL
            intake = stack.awaitRestarted(Part.INTAKE, killedIntake, Duration.ofSeconds(60));
            assertNotEquals(killedIntake, intake);
            assertTrue(said.contains("intake-service exited with code 137; restarting (restart 1)"), said.toString());
            assertTrue(said.contains("intake-service back (restart 1)"), said.toString());
            assertEquals(1, stack.restarts(Part.INTAKE));
            assertEquals(intake, run.alive(Part.INTAKE.id()).orElseThrow().pid(), "./clinic down would miss the restarted service");
            assertEquals(1, run.restarts(Part.INTAKE.id()).orElseThrow().count());

            long killedPostmaster = stack.pid(Part.POSTGRES).orElseThrow();
            ProcessHandle.of(killedPostmaster).orElseThrow().destroyForcibly();
            postmaster = stack.awaitRestarted(Part.POSTGRES, killedPostmaster, Duration.ofSeconds(90));
            assertNotEquals(killedPostmaster, postmaster);
            assertTrue(said.contains("postgres (the postmaster, pid " + killedPostmaster + ") is no longer running; restarting (restart 1)"),
                    said.toString());
            assertTrue(said.contains("postgres back (restart 1)"), said.toString());
            assertEquals(postmaster, run.alive(Part.POSTGRES.id()).orElseThrow().pid(), "./clinic down would miss the restarted PostgreSQL");
            assertEquals(1, run.restarts(Part.POSTGRES.id()).orElseThrow().count());
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl("intake"), "intake_owner", config.databaseOwnerPassword());
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select note from survivor")) {
                assertTrue(rs.next(), "the committed row is gone after the crash");
                assertEquals("committed before the crash", rs.getString(1));
            }
            // the other parts are not restarted with PostgreSQL (docs/runtime.md), nor hit by its crash clean-up
            assertEquals(intake, stack.pid(Part.INTAKE).orElseThrow(), "the service was stopped or restarted along with PostgreSQL");
            assertTrue(stack.isRunning(Part.INTAKE));
        }
        assertFalse(ProcessHandle.of(intake).map(ProcessHandle::isAlive).orElse(false), "the restarted service outlived the stack");
        assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "the restarted PostgreSQL outlived the stack");
        assertTrue(Ports.isFree(config.port(PortName.POSTGRES)));
        assertTrue(Ports.isFree(config.port(PortName.INTAKE)));
        assertFalse(run.alive(Part.POSTGRES.id()).isPresent());
        assertFalse(run.alive(Part.INTAKE.id()).isPresent());
    }

    /** With two instances of a service each is its own process, pid file and log, and comes back on its own. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void eachInstanceOfAServiceIsWatchedAndBroughtBackOnItsOwn(@TempDir Path data) throws Exception {
        StackConfig config = StackConfig.builder()
                .dataDir(data.resolve("stack"))
                .randomPorts()
                .instances(2)
                .parts(Part.INTAKE)
                .serviceJar(Part.INTAKE, FakeService.jar(data.resolve("intake-service.jar")))
                .serviceJvmArgs(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .registerShutdownHook(false)
                .build();
        List<String> said = new CopyOnWriteArrayList<>();
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void restarting(Part part, String reason, int restart, Duration delay, Path logFile) {
                said.add(part.id() + " " + reason + "; restarting (restart " + restart + ") see " + logFile.getFileName());
            }
        };
        RunFiles run = new RunFiles(config.dataDir());
        long first;
        long second;
        try (Stack stack = Stack.start(config, recorder)) {
            first = stack.pid(Part.INTAKE, 1).orElseThrow();
            long killed = stack.pid(Part.INTAKE, 2).orElseThrow();
            assertNotEquals(first, killed);
            assertEquals(killed, run.alive("intake-service-2").orElseThrow().pid());
            assertTrue(Files.isRegularFile(config.logFile(Part.INTAKE, 2)));

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            second = stack.awaitRestarted(Part.INTAKE, 2, killed, Duration.ofSeconds(60));
            assertNotEquals(killed, second);
            assertTrue(said.contains("intake-service instance 2 exited with code 137; restarting (restart 1) see intake-service-2.log"),
                    said.toString());
            assertEquals(1, stack.restarts(Part.INTAKE, 2));
            assertEquals(0, stack.restarts(Part.INTAKE, 1));
            assertEquals(first, stack.pid(Part.INTAKE, 1).orElseThrow(), "the first instance was restarted with the second");
            assertEquals(second, run.alive("intake-service-2").orElseThrow().pid(), "./clinic down would miss the restarted instance");
            assertEquals(1, run.restarts("intake-service-2").orElseThrow().count());
            assertFalse(run.restarts("intake-service").isPresent());
        }
        assertFalse(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false), "instance 1 outlived the stack");
        assertFalse(ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false), "instance 2 outlived the stack");
        assertTrue(Ports.isFree(config.port(PortName.INTAKE_2)));
        assertFalse(run.alive("intake-service-2").isPresent());
    }

    /**
     * A part whose restarts fail (here a jar that exits at once) is tried again with growing waits, each failure
     * said, one process at a time, and comes back once it can.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aRestartThatFailsIsReportedAndTriedAgainWithGrowingWaitsOneProcessAtATime(@TempDir Path data) throws Exception {
        Path jar = FakeService.jar(data.resolve("intake-service.jar"));
        StackConfig config = StackConfig.builder()
                .dataDir(data.resolve("stack"))
                .randomPorts()
                .parts(Part.INTAKE)
                .serviceJar(Part.INTAKE, jar)
                .serviceJvmArgs(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .registerShutdownHook(false)
                .build();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Duration> retryIns = new CopyOnWriteArrayList<>();
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void restartFailed(Part part, int restart, String reason, Duration retryIn) {
                failures.add(part.id() + " (restart " + restart + "): " + reason);
                retryIns.add(retryIn);
            }
        };
        int mostAlive = 0;
        long back;
        try (Stack stack = Stack.start(config, recorder)) {
            byte[] good = Files.readAllBytes(jar);
            Files.writeString(jar, "not a jar"); // from now on the service exits as soon as it starts
            long killed = stack.pid(Part.INTAKE).orElseThrow();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (retryIns.size() < 2 && System.nanoTime() < deadline) {
                mostAlive = Math.max(mostAlive, processesOf(jar).size());
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), retryIns.subList(0, Math.min(2, retryIns.size())),
                    "the waits between failed restarts: " + failures);
            assertTrue(failures.get(0).startsWith("intake-service (restart 1): the process exited with code 1"), failures.toString());
            assertEquals(0, stack.restarts(Part.INTAKE), "a failed restart counted as one that brought the part back");

            Files.write(jar, good);
            back = stack.awaitRestarted(Part.INTAKE, killed, Duration.ofSeconds(30));
            mostAlive = Math.max(mostAlive, processesOf(jar).size());
            assertEquals(1, stack.restarts(Part.INTAKE));
            assertEquals(List.of(back), processesOf(jar).stream().map(ProcessHandle::pid).toList());
        }
        assertEquals(1, mostAlive, "more than one process of the service at a time");
        assertFalse(ProcessHandle.of(back).map(ProcessHandle::isAlive).orElse(false), "the restarted service outlived the stack");
        assertEquals(List.of(), processesOf(jar));
    }

    /**
     * Closing the stack while the supervisor is starting a killed PostgreSQL again (zonky has started the server
     * but not yet handed over its handle) leaves no server behind: the restart is waited for, and a component
     * without a handle stops the server its start left.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aStackClosedWhilePostgresIsBeingRestartedLeavesNoServerBehind(@TempDir Path data) throws Exception {
        StackConfig config = StackConfig.builder()
                .dataDir(data.resolve("stack"))
                .randomPorts()
                .parts(Part.POSTGRES)
                .registerShutdownHook(false)
                .build();
        Path pgData = config.dataDir().resolve("postgres");
        CountDownLatch restarting = new CountDownLatch(1);
        Stack stack = Stack.start(config, new ProgressListener() {
            @Override
            public void restarting(Part part, String reason, int restart, Duration delay, Path logFile) {
                restarting.countDown();
            }
        });
        long killed;
        try {
            killed = stack.pid(Part.POSTGRES).orElseThrow();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            assertTrue(restarting.await(10, TimeUnit.SECONDS), "the supervisor did not notice the kill");
            // close as soon as the new server is being started
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (PostgresComponent.pgCtlsFor(pgData).isEmpty() && PostgresComponent.postmasterOf(pgData).isEmpty()
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
        } finally {
            stack.close();
        }
        assertFalse(ProcessHandle.of(killed).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(List.of(), PostgresComponent.processesIn(pgData).stream().map(RunFiles::describe).toList(),
                "PostgreSQL processes outlived the stack");
        assertEquals(List.of(), PostgresComponent.pgCtlsFor(pgData));
        assertFalse(PostgresComponent.postmasterOf(pgData).isPresent());
        assertTrue(Ports.isFree(config.port(PortName.POSTGRES)), "the PostgreSQL port is still taken");
    }

    /** The live processes running {@code jar} (the service's java, whatever starts it). */
    static List<ProcessHandle> processesOf(Path jar) {
        String path = jar.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(path)).orElse(false))
                .toList();
    }
}
