package clinic.gateway.security;

import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * What is refused before any route, filter or controller sees it answers in problem+json like every other error of
 * the gateway (the services do the same with Tomcat's refusals): what the web server cannot decode
 * ({@link EmptyErrorAnswers}) and what Spring Security's firewall rejects (an encoded slash, period or percent, a NUL,
 * a line break or a backslash in the address; a header with control characters; a method it does not allow). Both
 * used to be a status with an empty body.
 */
@Configuration(proxyBeanMethods = false)
class ServerRefusals {

	/** Used by Spring Security's filter chain in place of its plain {@code HttpStatusExchangeRejectedHandler}. */
	@Bean
	ServerExchangeRejectedHandler firewallRejections() {
		return (exchange, rejected) -> ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST, "Bad Request",
				"The address or headers contain characters the clinic does not accept "
						+ "(an encoded slash, period or percent sign, a NUL, a backslash or a line break).");
	}

	/** Each connection gets its own handler, right after the HTTP codec (where the server's own answers pass). */
	@Bean
	NettyServerCustomizer emptyErrorAnswers() {
		return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			var pipeline = channel.pipeline();
			if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(EmptyErrorAnswers.NAME) == null) {
				pipeline.addAfter(NettyPipeline.HttpCodec, EmptyErrorAnswers.NAME, new EmptyErrorAnswers());
			}
		});
	}

}
