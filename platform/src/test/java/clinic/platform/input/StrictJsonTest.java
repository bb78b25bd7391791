package clinic.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

	enum Route {
		IV, IM
	}

	record Settings(Integer minimumAgeYears, int abstinenceMonths) {
	}

	record Patient(String name, LocalDate birthDate) {
	}

	record Answers(List<Integer> phq9) {
	}

	record Hours(java.time.LocalTime opens) {
	}

	record Booking(Instant start, Set<String> chairAttributes, List<String> notes, Route route, Boolean urgent,
			Double weightKg) {
	}

	record Referral(Patient patient, List<Patient> others) {
	}

	private final JsonMapper strict = StrictJson.of(JsonMapper.builder().build());

	@Test
	void givenAFractionForAWholeNumber_whenRead_thenTheFieldIsNamedAndNothingIsRounded() {
		assertRefused("""
				{"minimumAgeYears":1.5,"abstinenceMonths":12}""", Settings.class, "minimumAgeYears");
		assertRefused("""
				{"minimumAgeYears":18,"abstinenceMonths":12.0}""", Settings.class, "abstinenceMonths");
	}

	@Test
	void givenTextOrNullForANumber_whenRead_thenRefused() {
		assertRefused("""
				{"minimumAgeYears":"18","abstinenceMonths":12}""", Settings.class, "minimumAgeYears");
		assertRefused("""
				{"minimumAgeYears":18,"abstinenceMonths":null}""", Settings.class, "abstinenceMonths");
		assertRefused("""
				{"minimumAgeYears":true,"abstinenceMonths":1}""", Settings.class, "minimumAgeYears");
	}

	@Test
	void givenWholeNumbers_whenRead_thenTakenAsWritten() {
		assertThat(strict.readValue("""
				{"minimumAgeYears":18,"abstinenceMonths":12}""", Settings.class)).isEqualTo(new Settings(18, 12));
	}

	@ParameterizedTest
	@ValueSource(strings = { "42", "true", "4.2", "{}" })
	void givenANumberBooleanOrObjectForText_whenRead_thenRefused(String value) {
		assertRefused("""
				{"name":%s,"birthDate":"1950-05-01"}""".formatted(value), Patient.class, "name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"1950-05-01T00:00:00Z\"", "\"1950-05-01T00:00:00\"", "19500501", "-7000",
			"\"0000-01-01\"", "\"+999999999-12-31\"", "\"1899-12-31\"", "\"2201-01-01\"", "\"01.05.1950\"" })
	void givenADateTimeANumberOrAnImplausibleYearForADate_whenRead_thenRefused(String value) {
		assertRefused("""
				{"name":"Ada","birthDate":%s}""".formatted(value), Patient.class, "birthDate");
	}

	@Test
	void givenAPlausibleDate_whenRead_thenTaken() {
		assertThat(strict.readValue("""
				{"name":"Ada","birthDate":"1950-05-01"}""", Patient.class).birthDate())
			.isEqualTo(LocalDate.of(1950, 5, 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"+999999999-12-31T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"", "1700000000000", "42",
			"42.5", "[2030,1,7]", "\"1899-12-31T23:59:59Z\"" })
	void givenAnImplausibleInstant_whenRead_thenRefused(String value) {
		assertRefused("""
				{"start":%s}""".formatted(value), Booking.class, "start");
	}

	@Test
	void givenATimeAsNumbersOrAnArray_whenRead_thenRefused_andAsTextTaken() {
		assertRefused("""
				{"opens":36000}""", Hours.class, "opens");
		assertRefused("""
				{"opens":[10,0]}""", Hours.class, "opens");
		assertThat(strict.readValue("""
				{"opens":"10:00"}""", Hours.class).opens()).isEqualTo(java.time.LocalTime.of(10, 0));
	}

	@Test
	void givenANullInAnArray_whenRead_thenTheElementIsNamed() {
		assertRefused("""
				{"chairAttributes":[null]}""", Booking.class, "chairAttributes[0]");
		assertRefused("""
				{"notes":["fine",null]}""", Booking.class, "notes[1]");
	}

	@Test
	void givenANullAmongAnswers_whenRead_thenItIsAnUnansweredItem() {
		assertThat(strict.readValue("""
				{"phq9":[1,null,2]}""", Answers.class).phq9()).containsExactly(1, null, 2);
		assertRefused("""
				{"phq9":[1,1.5]}""", Answers.class, "phq9[1]");
	}

	@Test
	void givenControlCharacters_whenRead_thenRefusedButTabsAndLineBreaksAreText() {
		assertRefused("""
				{"name":"Ada\\u0000","birthDate":"1950-05-01"}""", Patient.class, "name");
		assertRefused("""
				{"name":"Ada\\u001b[31m","birthDate":"1950-05-01"}""", Patient.class, "name");
		assertRefused("""
				{"chairAttributes":["recliner","\\u0007"]}""", Booking.class, "chairAttributes[1]");
		assertRefused("""
				{"notes":["\\ud800"]}""", Booking.class, "notes[0]");
		assertThat(strict.readValue("""
				{"notes":["line one\\r\\nline\\ttwo \uD83D\uDE00"]}""", Booking.class).notes())
			.containsExactly("line one\r\nline\ttwo \uD83D\uDE00");
	}

	@Test
	void givenANumberOrABooleanForAChoiceOrAFlag_whenRead_thenRefused() {
		assertRefused("""
				{"route":0}""", Booking.class, "route");
		assertRefused("""
				{"urgent":1}""", Booking.class, "urgent");
		assertRefused("""
				{"urgent":"true"}""", Booking.class, "urgent");
		assertRefused("""
				{"weightKg":"70.5"}""", Booking.class, "weightKg");
	}

	@Test
	void givenAKeyTwiceOrTextAfterTheBody_whenRead_thenRefused() {
		assertThatThrownBy(() -> strict.readValue("""
				{"minimumAgeYears":18,"minimumAgeYears":1,"abstinenceMonths":12}""", Settings.class))
			.isInstanceOf(JacksonException.class);
		assertThatThrownBy(() -> strict.readValue("""
				{"minimumAgeYears":18,"abstinenceMonths":12} {}""", Settings.class))
			.isInstanceOf(JacksonException.class);
	}

	@Test
	void givenAFieldTheRequestDoesNotHave_whenRead_thenRefusedNamingIt_alsoInANestedObjectOrAList() {
		assertRefused("""
				{"minimumAgeYears":18,"abstinenceMonths":12,"minimumAge":21}""", Settings.class, "minimumAge");
		assertRefused("""
				{"patient":{"name":"Ada","birthDate":"1985-12-10","nickname":"A"}}""", Referral.class,
				"patient.nickname");
		assertRefused("""
				{"patient":{"name":"Ada"},"others":[{"name":"Bo"},{"name":"Cy","age":3}]}""", Referral.class,
				"others[1].age");
		assertThatThrownBy(() -> strict.readValue("""
				{"minimumAgeYears":18,"abstinenceMonths":12,"minimumAge":21}""", Settings.class))
			.isInstanceOf(UnrecognizedPropertyException.class);
	}

	@Test
	void givenOnlyTheFieldsOfTheRequest_whenRead_thenTaken() {
		assertThat(strict.readValue("""
				{"patient":{"name":"Ada"},"others":[]}""", Referral.class).patient().name()).isEqualTo("Ada");
	}

	private void assertRefused(String body, Class<?> type, String field) {
		assertThatThrownBy(() -> strict.readValue(body, type)).isInstanceOf(JacksonException.class)
			.satisfies(e -> assertThat(path((JacksonException) e)).isEqualTo(field));
	}

	private static String path(JacksonException e) {
		var path = new StringBuilder();
		for (var ref : e.getPath()) {
			if (ref.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}
}
