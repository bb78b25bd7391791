package clinic.intake.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PatientSearchTest {

	@Test
	void givenNamePartsThenEachIsATokenInTheOrderTyped() {
		var search = PatientSearch.parse("  love   ada ");
		assertThat(search.nameTokens()).containsExactly("love", "ada");
		assertThat(search.birthDate()).isNull();
		assertThat(search.textAsMrn()).isEqualTo("LOVE   ADA");
	}

	@Test
	void givenADateInEitherFormatThenItIsTheBirthDate() {
		assertThat(PatientSearch.parse("1985-12-10").birthDate()).isEqualTo(LocalDate.of(1985, 12, 10));
		assertThat(PatientSearch.parse("10.12.1985").birthDate()).isEqualTo(LocalDate.of(1985, 12, 10));
		var mixed = PatientSearch.parse("ada 1.2.1985");
		assertThat(mixed.nameTokens()).containsExactly("ada");
		assertThat(mixed.birthDate()).isEqualTo(LocalDate.of(1985, 2, 1));
	}

	@Test
	void givenAnImpossibleDateThenItIsNotABirthDate() {
		assertThat(PatientSearch.parse("31.02.1985").birthDate()).isNull();
	}

	@Test
	void givenPhoneDigitsThenLeadingZerosOfPrefixesAreDropped() {
		assertThat(PatientSearch.parse("044 123").phoneDigits()).isEqualTo("44123");
		assertThat(PatientSearch.parse("+41 (44) 123-45").phoneDigits()).isEqualTo("414412345");
		assertThat(PatientSearch.parse("00").isEmpty()).isFalse();
	}

	@Test
	void givenAnMrnInAnyCaseOrWithoutItsZerosThenItIsTheCanonicalMrn() {
		assertThat(PatientSearch.parse("mrn-000042").mrn()).isEqualTo("MRN-000042");
		assertThat(PatientSearch.parse("MRN 42").mrn()).isEqualTo("MRN-000042");
	}

	@Test
	void givenNothingThenTheSearchIsEmpty() {
		assertThat(PatientSearch.parse(null).isEmpty()).isTrue();
		assertThat(PatientSearch.parse("   ").isEmpty()).isTrue();
	}
}
