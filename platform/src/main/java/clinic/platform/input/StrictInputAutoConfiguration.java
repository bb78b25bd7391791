package clinic.platform.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.function.Function;

import org.apache.catalina.startup.Tomcat;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.swagger.v3.oas.models.media.StringSchema;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict input for every service: request bodies read by {@link StrictJson}, query and path parameters checked as
 * {@link PlainText} and {@link PlausibleTime}, and every error answer problem+json, also those written outside
 * Spring MVC ({@link ProblemErrorController} for errors sent from filters, {@link ProblemReportValve} for what Tomcat
 * refuses before any application code runs: overlong addresses and headers, {@code %00} in a path).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StrictInputAutoConfiguration {

	/**
	 * Takes the JSON converter's place after Spring Boot's customizer (order 0) has put its own there: the same
	 * mapper, reading strictly. (A converter bean would be added in front of all others, and write byte arrays.)
	 */
	@Bean
	@Order(1)
	ServerHttpMessageConvertersCustomizer strictJsonHttpMessageConverter(JsonMapper jsonMapper) {
		var strict = new JacksonJsonHttpMessageConverter(StrictJson.of(jsonMapper));
		return converters -> converters.withJsonConverter(strict);
	}

	/** Replaces Spring Boot's error controller (which backs off): errors sent from filters become problem+json. */
	@Bean
	ProblemErrorController problemErrorController(ErrorAttributes errorAttributes) {
		return new ProblemErrorController(errorAttributes);
	}

	@Bean
	WebMvcConfigurer strictParameters() {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new PlainParameters()).addPathPatterns("/api/**");
				registry.addInterceptor(new AcceptableAnswers()).addPathPatterns("/api/**");
			}

			/* Registered after Spring's own, so these come first: ISO-8601 only, and only plausible years. */
			@Override
			public void addFormatters(FormatterRegistry registry) {
				registry.addConverter(String.class, LocalDate.class, plausible(LocalDate::parse));
				registry.addConverter(String.class, Instant.class, plausible(Instant::parse));
				registry.addConverter(String.class, OffsetDateTime.class, plausible(OffsetDateTime::parse));
				registry.addConverter(String.class, LocalDateTime.class, plausible(LocalDateTime::parse));
			}
		};
	}

	private static <T> org.springframework.core.convert.converter.Converter<String, T> plausible(
			Function<String, T> parse) {
		return text -> {
			if (text.isBlank()) {
				return null;
			}
			T value = parse.apply(text.strip());
			PlausibleTime.problem(value).ifPresent(problem -> {
				throw new IllegalArgumentException(problem);
			});
			return value;
		};
	}

	/**
	 * A time of day is documented as the text it is read from ("14:30"), not as a bare string: a client (and the
	 * bad-input corpus) can then send one.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SpringDocUtils.class)
	static class DocumentedTimes {

		DocumentedTimes() {
			SpringDocUtils.getConfig()
				.replaceWithSchema(LocalTime.class,
						new StringSchema().pattern("^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?$").example("14:30"));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tomcat.class)
	static class TomcatProblems {

		/** After Spring Boot's own customizer (order 0), which adds the plain error report valve this replaces. */
		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
			return new ProblemReportValve.Installer();
		}
	}
}
