package clinic.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service that accepts connections and never answers, as a hung service does: the gateway's response timeout is
 * all that ends the wait.
 */
public final class SilentService implements AutoCloseable {

	private final ServerSocket server;

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	private SilentService() {
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "silent-service");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public static SilentService start() {
		return new SilentService();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	/** A URL where nothing listens: connections are refused at once. */
	public static String closedPortUrl() {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				this.held.add(this.server.accept());
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
			for (Socket socket : this.held) {
				socket.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
