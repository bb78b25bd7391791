package clinic.e2e;

import static clinic.contracts.test.FhirValidation.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import clinic.launcher.Stack;

/**
 * Another clinic system using the running suite with HAPI FHIR's generic client, as any FHIR client would: it reads
 * the CapabilityStatement and the SMART discovery, gets tokens from Keycloak (a client secret, and SMART Backend
 * Services' {@code private_key_jwt}), registers a patient with a referral, is told a second registration of the same
 * person is a likely duplicate, adds a referral, searches page by page, finds, holds and books a whole infusion course
 * (IHE ITI Scheduling) while another booking of the same times is refused, and cannot read what its scopes leave out.
 * Every resource the suite returns passes HAPI's validator against base R4.
 */
@ExtendWith(RunningSuite.class)
class FhirClientIT {

	private static final FhirContext R4 = FhirContext.forR4Cached();

	private static final String INDICATIONS = "https://ketamine-clinic.example/fhir/CodeSystem/indication";

	/** Everything the demo integration client may ask for: read all, create patients and referrals, book. */
	private static final String ALL_SCOPES = "system/*.rs system/Patient.c system/ServiceRequest.c system/Appointment.cu";

	private static Stack stack;

	private static HttpClient http;

	@BeforeAll
	static void theSuite() {
		stack = RunningSuite.stack();
		http = HttpClient.newHttpClient();
		R4.getRestfulClientFactory().setSocketTimeout(60_000);
		// the CapabilityStatement is read by the test that is about it, not before every client's first call
		R4.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
	}

	private static IGenericClient client(String token) {
		var client = R4.newRestfulGenericClient(stack.gatewayUrl() + "/fhir");
		client.registerInterceptor(new BearerTokenAuthInterceptor(token));
		return client;
	}

	@Test
	void theCapabilityStatementAndTheSmartDiscoverySayWhatIsServedAndWhereTokensComeFrom() throws Exception {
		var statement = valid(R4.newRestfulGenericClient(stack.gatewayUrl() + "/fhir").capabilities()
			.ofType(CapabilityStatement.class).execute());

		assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
			.contains("Patient", "ServiceRequest", "Location", "Schedule", "Appointment");
		var security = statement.getRestFirstRep().getSecurity();
		assertThat(security.getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
		var discovery = ClinicUser.JSON.readTree(http.send(HttpRequest.newBuilder(
				URI.create(stack.gatewayUrl() + "/fhir/.well-known/smart-configuration")).build(),
				HttpResponse.BodyHandlers.ofString()).body());
		assertThat(discovery.get("token_endpoint").asString()).isEqualTo(stack.tokenUri());
		assertThat(discovery.get("token_endpoint_auth_methods_supported").toString()).contains("private_key_jwt");
	}

	@Test
	void aReferralSystemRegistersAPatientIsToldOfTheDuplicateAddsAReferralAndPagesThroughASearch() {
		var fhir = client(secretToken(ALL_SCOPES));
		var family = uniqueFamily();
		var birthDate = "19%02d-0%d-1%d".formatted(ThreadLocalRandom.current().nextInt(50, 99),
				ThreadLocalRandom.current().nextInt(1, 9), ThreadLocalRandom.current().nextInt(0, 9));

		var created = fhir.create().resource(newPatient("Ada", family, birthDate)).execute();
		assertThat(created.getCreated()).isTrue();
		var id = created.getId().getIdPart();
		var patient = valid(fhir.read().resource(Patient.class).withId(id).execute());
		assertThat(patient.getNameFirstRep().getFamily()).isEqualTo(family);
		assertThat(patient.getIdentifierFirstRep().getValue()).startsWith("MRN-");

		var duplicate = catchThrowableOfType(ResourceVersionConflictException.class,
				() -> fhir.create().resource(newPatient("Ada", family, birthDate)).execute());
		assertThat(duplicate.getStatusCode()).isEqualTo(409);
		var outcome = valid((OperationOutcome) duplicate.getOperationOutcome());
		assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.DUPLICATE);
		assertThat(outcome.getIssue()).extracting(issue -> issue.getDiagnostics())
			.anySatisfy(candidate -> assertThat(candidate).startsWith("Patient/" + id));

		var referral = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
			.setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
			.setSubject(new Reference("Patient/" + id))
			.setRequester(new Reference().setDisplay("Dr. Okafor"))
			.addReasonCode(new CodeableConcept(new Coding(INDICATIONS, "anxiety", null)));
		assertThat(fhir.create().resource(referral).execute().getCreated()).isTrue();
		var referrals = valid(fhir.search().forResource(ServiceRequest.class)
			.where(ServiceRequest.PATIENT.hasId("Patient/" + id)).returnBundle(Bundle.class).execute());
		assertThat(referrals.getTotal()).isEqualTo(2);

		fhir.create().resource(newPatient("Bea", family, "1961-03-04")).execute();
		fhir.create().resource(newPatient("Cleo", family, "1962-05-06")).execute();
		var page = valid(fhir.search().forResource(Patient.class).where(Patient.FAMILY.matches().value(family))
			.count(2).returnBundle(Bundle.class).execute());
		var seen = new HashSet<String>();
		var pages = 0;
		while (true) {
			pages++;
			page.getEntry().forEach(entry -> seen.add(valid(entry.getResource()).getIdElement().getIdPart()));
			if (page.getLink(Bundle.LINK_NEXT) == null) {
				break;
			}
			assertThat(page.getLink(Bundle.LINK_NEXT).getUrl()).startsWith(stack.gatewayUrl() + "/fhir");
			page = valid(fhir.loadPage().next(page).execute());
		}
		assertThat(pages).isEqualTo(2);
		assertThat(seen).hasSize(3).contains(id);

		// the audit trail of the patient, one search at the gateway across the services' trails
		var trail = valid(fhir.search().forResource(AuditEvent.class).where(AuditEvent.PATIENT.hasId("Patient/" + id))
			.returnBundle(Bundle.class).execute());
		assertThat(trail.getEntry()).extracting(entry -> entry.getResource().getIdElement().getIdPart())
			.as("intake's rows: the create, the read, the referral").hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy(auditId -> assertThat(auditId).startsWith("intake-"));
		assertThat(trail.getEntry()).extracting(entry -> ((AuditEvent) entry.getResource()).getAgentFirstRep().getWho()
			.getDisplay()).contains("service-account-clinic-integration");
	}

	@Test
	void aSignedJwtClientWithOneScopeReadsThatTypeAndNothingElse() throws Exception {
		var fhir = client(signedJwtToken("system/Appointment.rs"));

		var appointments = valid(fhir.search().forResource("Appointment").count(5).returnBundle(Bundle.class)
			.execute());
		var refused = catchThrowableOfType(ForbiddenOperationException.class,
				() -> fhir.search().forResource(Patient.class).count(5).returnBundle(Bundle.class).execute());
		var cannotRegister = catchThrowableOfType(BaseServerResponseException.class,
				() -> fhir.create().resource(newPatient("Eve", uniqueFamily(), "1970-01-01")).execute());

		assertThat(appointments.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
		assertThat(refused.getStatusCode()).isEqualTo(403);
		var why = valid((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep();
		assertThat(why.getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
		assertThat(why.getDiagnostics()).as("names the scope to ask for").contains("system/Patient.s");
		assertThat(cannotRegister.getStatusCode()).isEqualTo(403);
	}

	@Test
	void anEhrFindsHoldsAndBooksAWholeCourseAndAnotherSystemsBookingOfTheSameTimeIsRefused() {
		var admin = ClinicUser.signedIn(stack.gatewayUrl(), "admin");
		var frontDesk = ClinicUser.signedIn(stack.gatewayUrl(), "frontdesk");
		var clinician = ClinicUser.signedIn(stack.gatewayUrl(), "clinician");
		var tag = uniqueFamily().substring(4);
		// a site of the test's own: one chair, one nurse for it, open on weekdays, so two patients want the same times
		var site = ClinicSteps.ownSite(admin, "Hapi site " + tag, "Infusion room");
		ClinicSteps.chairs(admin, site.roomId(), "Chair 1");
		ClinicSteps.nurseOnWeekdays(admin, site.siteId(), "nurse-" + tag, 1);
		ClinicSteps.openOnWeekdays(admin, site.siteId(), java.time.LocalTime.of(8, 0), java.time.LocalTime.of(18, 0));
		var first = ClinicSteps.clearedPatient(frontDesk, clinician, "Iris", "Hapi" + tag, "1971-04-05");
		var second = ClinicSteps.clearedPatient(frontDesk, clinician, "Jonas", "Hapi" + tag, "1972-06-07");
		ClinicSteps.courseOf(frontDesk, first.patientId());
		ClinicSteps.courseOf(frontDesk, second.patientId());
		var fhir = client(secretToken(ALL_SCOPES));

		var proposed = valid(find(fhir, first.patientId(), site.siteId()));
		var rival = valid(find(fhir, second.patientId(), site.siteId()));

		assertThat(proposed.getEntry()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(proposed.getEntry()).allSatisfy(entry -> assertThat(((Appointment) entry.getResource())
			.getStatus()).isEqualTo(Appointment.AppointmentStatus.PROPOSED));
		assertThat(((Appointment) rival.getEntryFirstRep().getResource()).getStart())
			.as("the same first time for both, the chair being free").isEqualTo(
					((Appointment) proposed.getEntryFirstRep().getResource()).getStart());

		var held = valid(operation(fhir, "$hold", proposed.getEntryFirstRep().getResource().getIdElement().getIdPart()));
		assertThat(appointments(held)).hasSize(proposed.getEntry().size())
			.allSatisfy(a -> assertThat(a.getStatus()).isEqualTo(Appointment.AppointmentStatus.PENDING));
		var firstHeld = appointments(held).get(0);
		var chair = firstHeld.getParticipant().stream().map(p -> p.getActor().getReference())
			.filter(reference -> reference != null && reference.startsWith("Location/")).findFirst().orElseThrow();
		var slotsThen = valid(fhir.search().forResource(Slot.class)
			.where(Slot.SCHEDULE.hasId("Schedule/" + chair.substring("Location/".length())))
			.and(Slot.START.exactly().second(firstHeld.getStart()))
			.returnBundle(Bundle.class).execute());
		assertThat(slotsThen.getEntry()).as("the held time's slot of the chair").singleElement()
			.satisfies(entry -> assertThat(((Slot) entry.getResource()).getStatus()).isEqualTo(Slot.SlotStatus.BUSY));
		var heldElsewhere = catchThrowableOfType(ResourceVersionConflictException.class,
				() -> operation(fhir, "$hold", rival.getEntryFirstRep().getResource().getIdElement().getIdPart()));
		assertThat(valid((OperationOutcome) heldElsewhere.getOperationOutcome()).getIssueFirstRep().getSeverity())
			.isEqualTo(OperationOutcome.IssueSeverity.ERROR);

		var booked = valid(operation(fhir, "$book", proposed.getEntryFirstRep().getResource().getIdElement().getIdPart()));
		assertThat(appointments(booked)).hasSize(proposed.getEntry().size())
			.allSatisfy(a -> assertThat(a.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED));
		var conflict = catchThrowableOfType(ResourceVersionConflictException.class,
				() -> operation(fhir, "$book", rival.getEntryFirstRep().getResource().getIdElement().getIdPart()));
		assertThat(conflict.getStatusCode()).isEqualTo(409);
		assertThat(valid((OperationOutcome) conflict.getOperationOutcome()).getIssueFirstRep().getSeverity())
			.isEqualTo(OperationOutcome.IssueSeverity.ERROR);

		var existing = valid(fhir.search().forResource(Appointment.class)
			.where(Appointment.PATIENT.hasId("Patient/" + first.patientId()))
			.and(Appointment.STATUS.exactly().code("booked"))
			.returnBundle(Bundle.class).execute());
		assertThat(existing.getTotal()).as("ITI-118 finds the course booked").isEqualTo(proposed.getEntry().size());
		var rivals = valid(fhir.search().forResource(Appointment.class)
			.where(Appointment.PATIENT.hasId("Patient/" + second.patientId()))
			.returnBundle(Bundle.class).execute());
		assertThat(rivals.getTotal()).as("nothing written for the refused booking").isZero();
	}

	/** ITI-115 for the patient's whole induction course at the site, in the next four weeks. */
	private static Bundle find(IGenericClient fhir, String patientId, String siteId) {
		var now = RunningSuite.clinicNow();
		var parameters = new Parameters();
		parameters.addParameter().setName("start").setValue(new DateTimeType(java.util.Date.from(now.plusSeconds(86_400))));
		parameters.addParameter().setName("end").setValue(new DateTimeType(java.util.Date.from(now.plusSeconds(28 * 86_400))));
		parameters.addParameter().setName("patient-reference").setValue(new Reference("Patient/" + patientId));
		parameters.addParameter().setName("location-reference").setValue(new Reference("Location/" + siteId));
		parameters.addParameter().setName("visit-type").setValue(new StringType("infusion"));
		parameters.addParameter().setName("course").setValue(new BooleanType(true));
		return fhir.operation().onType(Appointment.class).named("$find").withParameters(parameters)
			.returnResourceType(Bundle.class).execute();
	}

	/** ITI-116 or ITI-117 of a proposal: the course's appointments it holds or books. */
	private static Bundle operation(IGenericClient fhir, String name, String proposalId) {
		var parameters = new Parameters();
		parameters.addParameter().setName("appointment-reference").setValue(new Reference("Appointment/" + proposalId));
		return fhir.operation().onType(Appointment.class).named(name).withParameters(parameters)
			.returnResourceType(Bundle.class).execute();
	}

	private static java.util.List<Appointment> appointments(Bundle bundle) {
		return bundle.getEntry().stream().map(entry -> entry.getResource()).filter(Appointment.class::isInstance)
			.map(Appointment.class::cast).toList();
	}

	/** A token of the demo client {@code clinic-integration}, authenticated by its secret. */
	private static String secretToken(String scopes) {
		return token(ClinicUser.formBody("grant_type", "client_credentials", "client_id", "clinic-integration",
				"client_secret", "clinic-integration-demo-secret", "scope", scopes));
	}

	/**
	 * A token of {@code clinic-integration-jwt}, authenticated as SMART Backend Services do: a client assertion signed
	 * (RS384) with the client's private key (the demo key in {@code keycloak/}), for the token endpoint, used once.
	 */
	private static String signedJwtToken(String scopes) throws Exception {
		var pem = Files.readString(stack.config().projectDir().resolve("keycloak/demo-integration-jwt-key.pem"));
		var der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
		var key = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		var now = Instant.now().getEpochSecond();
		var url = Base64.getUrlEncoder().withoutPadding();
		var header = url.encodeToString("{\"alg\":\"RS384\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		var claims = url.encodeToString("""
				{"iss":"clinic-integration-jwt","sub":"clinic-integration-jwt","aud":"%s","jti":"%s","iat":%d,"exp":%d}"""
			.formatted(stack.tokenUri(), UUID.randomUUID(), now, now + 240).getBytes(StandardCharsets.UTF_8));
		var signer = Signature.getInstance("SHA384withRSA");
		signer.initSign(key);
		signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
		var assertion = header + "." + claims + "." + url.encodeToString(signer.sign());
		return token(ClinicUser.formBody("grant_type", "client_credentials", "client_assertion_type",
				"urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertion, "scope",
				scopes));
	}

	private static String token(String form) {
		try {
			var response = http.send(HttpRequest.newBuilder(URI.create(stack.tokenUri()))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return ClinicUser.JSON.readTree(response.body()).get("access_token").asString();
		}
		catch (Exception failure) {
			throw new AssertionError("no token from Keycloak", failure);
		}
	}

	/** A new patient as a referral system sends one: the referral that brings them contained, its subject the patient. */
	private static Patient newPatient(String given, String family, String birthDate) {
		var referral = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
			.setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
			.setSubject(new Reference("#"))
			.setRequester(new Reference().setDisplay("Dr. Franklin"))
			.addReasonCode(new CodeableConcept(new Coding(INDICATIONS, "ptsd", null)));
		referral.setId("referral");
		var patient = new Patient();
		patient.addName().setFamily(family).addGiven(given);
		patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate));
		patient.addContained(referral);
		return patient;
	}

	/** A family name no other test's patient has (letters only). */
	private static String uniqueFamily() {
		var random = ThreadLocalRandom.current();
		var name = new StringBuilder("Hapi");
		for (int i = 0; i < 8; i++) {
			name.append((char) ('a' + random.nextInt(26)));
		}
		return name.toString();
	}
}
