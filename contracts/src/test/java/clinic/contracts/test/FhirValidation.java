package clinic.contracts.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * Every resource the FHIR tests get back is validated against the base R4 definitions with HAPI's validator (the
 * base profiles, in-memory terminology and the common code systems, cached by the validation chain with Caffeine):
 * an error or a fatal message fails the test. Made once per test JVM: loading the definitions takes seconds. Shared
 * by the services serving FHIR through this test-jar; a service's tests bring HAPI's validation modules themselves.
 */
public final class FhirValidation {

	public static final FhirContext R4 = FhirContext.forR4Cached();

	private static final class Validator {

		static final FhirValidator INSTANCE = make();

		private static FhirValidator make() {
			var chain = new ValidationSupportChain(new DefaultProfileValidationSupport(R4),
					new InMemoryTerminologyServerValidationSupport(R4), new CommonCodeSystemsTerminologyService(R4));
			var validator = R4.newValidator();
			validator.registerValidatorModule(new FhirInstanceValidator(chain));
			return validator;
		}
	}

	private FhirValidation() {
	}

	/** The resource, once validated with no error. */
	public static <T extends IBaseResource> T valid(T resource) {
		var result = Validator.INSTANCE.validateWithResult(resource);
		var errors = result.getMessages()
			.stream()
			.filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
					|| message.getSeverity() == ResultSeverityEnum.FATAL)
			.map(SingleValidationMessage::toString)
			.toList();
		assertThat(errors).as("errors validating %s against the base R4 definitions",
				resource.getIdElement().getValue()).isEmpty();
		return resource;
	}

	/** The JSON answer parsed as {@code type} and validated. */
	public static <T extends IBaseResource> T validJson(Class<T> type, String json) {
		return valid(R4.newJsonParser().parseResource(type, json));
	}

	public static <T extends IBaseResource> T validXml(Class<T> type, String xml) {
		return valid(R4.newXmlParser().parseResource(type, xml));
	}
}
