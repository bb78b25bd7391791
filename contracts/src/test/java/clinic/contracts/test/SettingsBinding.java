package clinic.contracts.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Binds a {@code @ConfigurationProperties} record as a service does at start-up, without starting one: Spring Boot's
 * {@link Binder} over the given properties (in front of defaults read from class-path files, such as the service's
 * application.yml, placeholders resolved with their defaults), and, only when the record is {@code @Validated} (as
 * Boot does), its Jakarta Bean Validation rules on what was bound, cascading only where {@code @Valid} says.
 * <p>
 * A refused value throws Boot's {@link BindException}; its cause, a {@code BindValidationException}, lists each
 * refused field with the rejected value, the reason and, where one property was bound to the field, that property's
 * name: the text an administrator reads in the log of a service that refuses to start.
 */
public final class SettingsBinding {

	private SettingsBinding() {
	}

	/**
	 * The record bound from {@code properties} (names under {@code prefix}, such as {@code page-size}) in front of the
	 * class-path files {@code defaults} ({@code .yml} or {@code .properties}, the first the strongest).
	 *
	 * @throws BindException when a value cannot be converted or a rule of a {@code @Validated} record refuses it
	 * @throws IllegalArgumentException when {@code prefix} is not the record's own: such a test would bind settings the
	 * service never reads
	 */
	public static <T> T bind(Class<T> type, String prefix, Map<String, String> properties, String... defaults) {
		var declared = AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class);
		if (declared == null || !prefix.equals(declared.prefix())) {
			throw new IllegalArgumentException(type.getName() + " is not @ConfigurationProperties(\"" + prefix + "\")");
		}
		var sources = new MutablePropertySources();
		var given = new LinkedHashMap<String, Object>();
		properties.forEach((name, value) -> given.put(prefix + "." + name, value));
		sources.addLast(new MapPropertySource("test properties", given));
		for (var resource : defaults) {
			load(resource).forEach(sources::addLast);
		}
		var binder = new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(sources));
		var handler = AnnotatedElementUtils.hasAnnotation(type, Validated.class)
				? new ValidationBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler(), new RecordValidator(type))
				: new IgnoreTopLevelConverterNotFoundBindHandler();
		return binder.bindOrCreate(prefix, Bindable.of(type), handler);
	}

	/**
	 * The names of the classes annotated {@code @ConfigurationProperties} in {@code basePackage} and below, so that a
	 * test listing the settings records it covers can tell when one is missing from its list.
	 */
	public static Set<String> settingsIn(String basePackage) {
		var scan = new ClassPathScanningCandidateComponentProvider(false);
		scan.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		var names = new TreeSet<String>();
		scan.findCandidateComponents(basePackage).forEach(candidate -> names.add(candidate.getBeanClassName()));
		return names;
	}

	private static Iterable<org.springframework.core.env.PropertySource<?>> load(String resource) {
		var file = new ClassPathResource(resource);
		if (!file.exists()) {
			throw new IllegalArgumentException(resource + " is not on the class path");
		}
		try {
			return resource.endsWith(".properties") ? new PropertiesPropertySourceLoader().load(resource, file)
					: new YamlPropertySourceLoader().load(resource, file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Boot's validator of a {@code @Validated} configuration class: Bean Validation with Boot's message interpolation,
	 * applied to the record itself only (nested records through {@code @Valid}), not to each value bound within it.
	 */
	private static final class RecordValidator implements Validator {

		private static final LocalValidatorFactoryBean VALIDATION = validation();

		private final Class<?> type;

		RecordValidator(Class<?> type) {
			this.type = type;
		}

		private static LocalValidatorFactoryBean validation() {
			var validation = new LocalValidatorFactoryBean();
			validation.setMessageInterpolator(new MessageInterpolatorFactory().getObject());
			validation.afterPropertiesSet();
			return validation;
		}

		@Override
		public boolean supports(Class<?> candidate) {
			return type.equals(candidate);
		}

		@Override
		public void validate(Object target, Errors errors) {
			VALIDATION.validate(target, errors);
		}
	}
}
