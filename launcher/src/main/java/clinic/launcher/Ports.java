package clinic.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Is a port free, and if not, who holds it. */
final class Ports {

    private static final Pattern SS_PID = Pattern.compile("\\(\"([^\"]+)\",pid=(\\d+)");

    private Ports() {
    }

    static boolean isFree(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return false; // something answers
        } catch (IOException expected) {
            // nothing listening on loopback; now make sure we could bind every address
        }
        try (ServerSocket server = new ServerSocket()) {
            // like the servers themselves: TIME_WAIT leftovers of earlier connections must not count as "in use"
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** "java (pid 1234: java -jar ...)" from {@code ss -ltnp}, or "" when that is not known. */
    static String holder(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor(5, TimeUnit.SECONDS);
            Matcher m = SS_PID.matcher(out);
            if (m.find()) {
                long pid = Long.parseLong(m.group(2));
                return ProcessHandle.of(pid).map(RunFiles::describe).orElse("pid " + pid + " (" + m.group(1) + ")");
            }
        } catch (IOException | RuntimeException e) {
            // no ss
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }
}
