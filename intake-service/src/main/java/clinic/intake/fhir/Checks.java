package clinic.intake.fhir;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import clinic.intake.patients.PatientService;

/**
 * What a created resource must keep, the same bounds as the REST API's request records (sizes, the phone's form, a
 * birth date in the past) and its plain text (no control characters): a resource that breaks them is answered 422
 * naming the element, before the domain sees it.
 */
final class Checks {

	private static final Pattern PHONE = Pattern.compile("^[+0-9 ()-]{5,30}$");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\r\\n]]");

	private Checks() {
	}

	static void registration(PatientService.Registration registration) {
		text(registration.givenName(), 100, "Patient.name.given");
		text(registration.familyName(), 100, "Patient.name.family");
		phone(registration.phone());
		if (!registration.birthDate().isBefore(LocalDate.now())) {
			throw new UnprocessableEntityException("Patient.birthDate must be in the past");
		}
		referral(registration.referringClinician(), registration.reason());
	}

	static void referral(String referringClinician, @Nullable String reason) {
		text(referringClinician, 200, "ServiceRequest.requester.display");
		text(reason, 2000, "ServiceRequest.note.text");
	}

	private static void phone(@Nullable String phone) {
		if (phone != null && !PHONE.matcher(phone).matches()) {
			throw new UnprocessableEntityException("Patient.telecom (phone) must be 5 to 30 digits, spaces, +, -, ( or )");
		}
	}

	private static void text(@Nullable String value, int maxLength, String element) {
		if (value == null) {
			return;
		}
		if (value.length() > maxLength) {
			throw new UnprocessableEntityException(element + " is longer than " + maxLength + " characters");
		}
		if (CONTROL.matcher(value).find()) {
			throw new UnprocessableEntityException(element + " contains a control character");
		}
	}
}
