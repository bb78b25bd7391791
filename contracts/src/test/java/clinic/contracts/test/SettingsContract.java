package clinic.contracts.test;

import static clinic.contracts.test.SettingsBinding.bind;
import static clinic.contracts.test.SettingsBinding.settingsIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.validation.annotation.Validated;

/**
 * What every service's (and the gateway's) {@code SettingsValidationTest} checks of its settings records: each is
 * {@code @Validated} and listed, its own application.yml binds to it, and each bad value the subclass names, set over
 * the application.yml, is refused at binding (when the service starts), the error naming the property and the reason,
 * as the log shows an administrator. The subclass gives two static factories: {@code settings()} (each record's class
 * and prefix) and {@code refusals()} (class, prefix, property, bad value, what names it in the error, the reason).
 */
public abstract class SettingsContract {

	/** The root package all of whose {@code @ConfigurationProperties} classes {@code settings()} must list. */
	protected abstract String rootPackage();

	@Test
	void everySettingsRecordIsValidatedAndListed() {
		var listed = listedSettings().map(a -> (Class<?>) a.get()[0]).toList();
		assertThat(listed.stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(settingsIn(rootPackage()));
		listed.forEach(type -> assertThat(type.isAnnotationPresent(Validated.class)).as(type.getName()).isTrue());
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("settings")
	void givenTheApplicationYmlThenEachRecordBinds(Class<?> type, String prefix) {
		assertThat(bind(type, prefix, Map.of(), "application.yml")).isInstanceOf(type);
	}

	@ParameterizedTest(name = "{1}.{2}={3}")
	@MethodSource("refusals")
	void givenOneBadValueOverTheApplicationYmlThenBindingRefusesIt(Class<?> type, String prefix, String property,
			String value, String named, String reason) {
		assertThatThrownBy(() -> bind(type, prefix, Map.of(property, value), "application.yml"))
			.isInstanceOf(BindException.class)
			.cause()
			.hasMessageContaining(named)
			.hasMessageContaining(reason);
	}

	@SuppressWarnings("unchecked")
	private Stream<Arguments> listedSettings() {
		try {
			var factory = getClass().getDeclaredMethod("settings");
			factory.setAccessible(true);
			return (Stream<Arguments>) factory.invoke(null);
		}
		catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
			throw new IllegalStateException(getClass() + " needs a static settings() listing its settings records", e);
		}
	}
}
