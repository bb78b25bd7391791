package clinic.platform.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report, in the clinic's form: an error Tomcat answers itself, before the request reaches Spring (an
 * address with {@code %00} in it, an unmappable path), is an RFC 9457 problem+json body rather than an HTML page or
 * nothing. Neither the address nor any other part of the request is echoed.
 */
public class ProblemReportValve extends ErrorReportValve {

	public ProblemReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		var ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			var writer = response.getReporter();
			if (writer != null) {
				writer.write(body(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the connection is gone or the response already committed: nothing more can be said
		}
	}

	/** The problem document for a status Tomcat answered. */
	public static String body(int status) {
		var known = HttpStatus.resolve(status);
		var title = known == null ? "Error" : known.getReasonPhrase();
		return "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}".formatted(title, status,
				detail(status));
	}

	private static String detail(int status) {
		return switch (status) {
			case 400 -> "The request is not valid HTTP: its address or headers cannot be read.";
			case 413 -> "The request is too large.";
			case 414 -> "The address is too long.";
			case 431 -> "The request's headers are too large.";
			default -> ErrorWording.detailOf(status);
		};
	}

	/** Puts this valve in place of the host's error report valve. */
	static void install(Context context) {
		if (!(context.getParent() instanceof StandardHost host)) {
			return;
		}
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve) {
				host.getPipeline().removeValve(valve);
			}
		}
		host.setErrorReportValveClass(ProblemReportValve.class.getName());
		host.getPipeline().addValve(new ProblemReportValve());
	}

	/** Installs the valve after Spring Boot's own customizer (order 0) has added the plain one. */
	static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(ProblemReportValve::install);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}
}
