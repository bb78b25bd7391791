package clinic.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Gives an error answer the web server wrote without a body one in the clinic's form (problem+json), on its way out
 * of the connection. Reactor Netty answers what it cannot decode itself, before any filter or route runs: an address
 * longer than the request line may be (414), headers larger than allowed (431), a request line or header that is not
 * HTTP (400); Spring's adapter answers an address that is no URI ({@code %zz}) with a bare 400. Each of these is a
 * complete response with no body and no content type; this handler, placed right after the HTTP codec, fills in the
 * body. Nothing from the request is echoed. An answer to HEAD keeps no body, as HTTP requires.
 * <p>
 * One handler per connection (it remembers, in order, which of the connection's requests were HEAD).
 */
final class EmptyErrorAnswers extends ChannelDuplexHandler {

	/** Its name in the connection's pipeline. */
	static final String NAME = "clinic.emptyErrorAnswers";

	private final Deque<Boolean> headRequests = new ArrayDeque<>();

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
		if (message instanceof HttpRequest request) {
			this.headRequests.addLast(HttpMethod.HEAD.equals(request.method()));
		}
		super.channelRead(context, message);
	}

	@Override
	public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
		if (message instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
			boolean head = Boolean.TRUE.equals(this.headRequests.pollFirst());
			if (!head && message instanceof FullHttpResponse full && withoutBody(full)) {
				message = withProblem(full);
			}
		}
		super.write(context, message, promise);
	}

	private static boolean withoutBody(FullHttpResponse response) {
		return response.status().code() >= 400 && !response.content().isReadable()
				&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
	}

	private static FullHttpResponse withProblem(FullHttpResponse response) {
		int status = response.status().code();
		var body = problem(status).getBytes(StandardCharsets.UTF_8);
		var answer = response.replace(Unpooled.wrappedBuffer(body));
		response.release();
		answer.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
		return answer;
	}

	/** The problem document for a status the web server answered with nothing. */
	static String problem(int status) {
		var known = HttpStatus.resolve(status);
		var title = known == null ? "Error" : known.getReasonPhrase();
		return ProblemResponses.body(status, title, switch (status) {
			case 400 -> "The request cannot be read: its address or headers are not valid HTTP.";
			case 404 -> "There is nothing at this address.";
			case 413 -> "The request is too large.";
			case 414 -> "The address is too long.";
			case 431 -> "The request's headers are too large.";
			default -> status >= 500 ? "The server could not answer this request." : "The request was refused.";
		});
	}

}
