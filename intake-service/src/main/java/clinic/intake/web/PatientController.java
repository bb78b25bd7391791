package clinic.intake.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import clinic.contracts.Roles;
import clinic.intake.alerts.SafetyAlert;
import clinic.intake.alerts.SafetyAlerts;
import clinic.intake.eligibility.DecisionService;
import clinic.intake.eligibility.EligibilityDecision;
import clinic.intake.patients.ConsultationTracking;
import clinic.intake.patients.Indication;
import clinic.intake.patients.Patient;
import clinic.intake.patients.PatientConsultation;
import clinic.intake.patients.PatientService;
import clinic.intake.patients.PatientStatus;
import clinic.intake.patients.Referral;
import clinic.intake.review.ReviewFlag;
import clinic.intake.review.ReviewFlagService;
import clinic.intake.screening.ScreeningService;
import clinic.platform.audit.AuditedPatient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/intake/patients")
class PatientController {

	private final PatientService patients;

	private final ScreeningService screenings;

	private final DecisionService decisions;

	private final ReviewFlagService reviewFlags;

	private final ConsultationTracking consultations;

	PatientController(PatientService patients, ScreeningService screenings, DecisionService decisions,
			ReviewFlagService reviewFlags, ConsultationTracking consultations) {
		this.patients = patients;
		this.screenings = screenings;
		this.decisions = decisions;
		this.reviewFlags = reviewFlags;
		this.consultations = consultations;
	}

	record ReferralRequest(@NotBlank @Size(max = 200) String referringClinician, @Size(max = 2000) String reason,
			@NotNull Indication indication) {
	}

	/**
	 * Metadata of a document sent with a referral; the document itself stays where {@code reference} points (a
	 * referral's document is under 10 GB).
	 */
	record AttachmentRequest(@NotBlank @Size(max = 255) String name,
			@NotBlank @Pattern(regexp = "^[\\w.+-]+/[\\w.+-]+$") @Size(max = 127) String mediaType,
			@NotNull @PositiveOrZero @Max(10_000_000_000L) Long sizeBytes, @NotBlank @Size(max = 2000) String reference) {
	}

	/** Another referral for a registered patient. */
	record NewReferralRequest(@NotBlank @Size(max = 200) String referringClinician, @Size(max = 2000) String reason,
			@NotNull Indication indication, @Size(max = 20) List<@NotNull @Valid AttachmentRequest> attachments) {
	}

	record RegistrationRequest(@NotBlank @Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
			@NotNull @Past LocalDate birthDate, @Pattern(regexp = "^[+0-9 ()-]{5,30}$") String phone,
			@NotNull @Valid ReferralRequest referral, Boolean confirmedNotDuplicate) {
	}

	record UpdateRequest(@NotBlank @Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
			@NotNull @Past LocalDate birthDate, @Pattern(regexp = "^[+0-9 ()-]{5,30}$") String phone,
			@NotNull @PositiveOrZero Long version) {
	}

	record PatientSummary(@AuditedPatient UUID id, String mrn, String givenName, String familyName, LocalDate birthDate,
			PatientStatus status, long version) {

		static PatientSummary of(Patient p) {
			return new PatientSummary(p.id(), p.mrn(), p.givenName(), p.familyName(), p.birthDate(), p.status(),
					p.version());
		}
	}

	/**
	 * The patient's consultation as scheduling last told of it (BOOKED, CANCELLED or NO_SHOW); its day and times are
	 * read in {@code timeZone}, the site's.
	 */
	record ConsultationView(UUID consultationId, PatientConsultation.Status status, String clinician,
			String siteName, String timeZone, Instant start, Instant end, @Nullable String reason) {

		static ConsultationView of(PatientConsultation c) {
			return new ConsultationView(c.consultationId(), c.status(), c.clinician(), c.siteName(), c.timeZone(),
					c.start(), c.end(), c.reason());
		}
	}

	/** A safety alert as pages show it; {@code kind} names it for the page (and its style). */
	record SafetyAlertView(@Schema(allowableValues = { "suicide-risk", "declined", "allergy" }) String kind,
			String text) {

		static SafetyAlertView of(SafetyAlert alert) {
			return new SafetyAlertView(alert.kind().code(), alert.text());
		}
	}

	/**
	 * {@code consultation}: null until scheduling has booked one. {@code screenings} and {@code decisions} are left out
	 * of the front desk's chart (minimum necessary: it sees what they mean in {@code safetyAlerts}, not the answers).
	 */
	record PatientDetails(@AuditedPatient UUID id, String mrn, String givenName, String familyName, LocalDate birthDate, String phone,
			PatientStatus status, long version, List<Referral> referrals, List<SafetyAlertView> safetyAlerts,
			@Schema(description = "Clinical staff only: absent from the front desk's chart", requiredMode = RequiredMode.NOT_REQUIRED)
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<ScreeningController.ScreeningView> screenings,
			@Schema(description = "Clinical staff only: absent from the front desk's chart", requiredMode = RequiredMode.NOT_REQUIRED)
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<EligibilityDecision> decisions,
			List<ReviewFlag> openReviewFlags, @Nullable ConsultationView consultation) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_FRONT_DESK_ADMIN_OR_INTEGRATION)
	@Operation(summary = "Register a patient with a referral",
			description = "409 with `candidates` when a likely duplicate is registered; resubmit with "
					+ "`confirmedNotDuplicate: true` to register anyway")
	PatientSummary register(@Valid @RequestBody RegistrationRequest request) {
		var referral = request.referral();
		var patient = patients.register(new PatientService.Registration(request.givenName(), request.familyName(),
				request.birthDate(), request.phone(), referral.referringClinician(), referral.reason(),
				referral.indication(), Boolean.TRUE.equals(request.confirmedNotDuplicate())));
		return PatientSummary.of(patient);
	}

	@PostMapping("/{patientId}/referrals")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_FRONT_DESK_ADMIN_OR_INTEGRATION)
	@Operation(summary = "Add a referral for a registered patient (attachments as metadata only)")
	Referral addReferral(@PathVariable UUID patientId, @Valid @RequestBody NewReferralRequest request) {
		var attachments = request.attachments() == null ? List.<Referral.Attachment>of()
				: request.attachments()
					.stream()
					.map(a -> new Referral.Attachment(a.name().strip(), a.mediaType(), a.sizeBytes(), a.reference()))
					.toList();
		return patients.addReferral(patientId, new PatientService.NewReferral(request.referringClinician(),
				request.reason(), request.indication(), attachments));
	}

	@PutMapping("/{patientId}")
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "Change a patient's name, date of birth or phone",
			description = "`version` is the version read; 409 when the patient changed since")
	PatientSummary update(@PathVariable UUID patientId, @Valid @RequestBody UpdateRequest request) {
		var patient = patients.update(patientId, new PatientService.Change(request.givenName(), request.familyName(),
				request.birthDate(), request.phone(), request.version()));
		return PatientSummary.of(patient);
	}

	@GetMapping
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "Search patients by the beginnings of their name's words in any order (accents ignored, a "
			+ "letter wrong forgiven), MRN, phone digits or date of birth (YYYY-MM-DD or DD.MM.YYYY); best 50 first")
	List<PatientSummary> search(@RequestParam(name = "q", required = false) String query) {
		return patients.search(query).stream().map(PatientSummary::of).toList();
	}

	@GetMapping("/{patientId}")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "A patient's chart: details, referrals, safety alerts, open review flags and the consultation "
			+ "scheduling last told of (booked, cancelled or missed; null before any); for clinical staff also the "
			+ "screenings and signed decisions",
			description = "`safetyAlerts` (every role): suicide risk at the latest screening (PHQ-9 item 9 above 0; a "
					+ "high-risk C-SSRS screen naming its yes answers), a decline (who decided, why) and a ketamine "
					+ "hypersensitivity in the latest screening's medical history, computed by intake. Nurses, "
					+ "clinicians and admins get the whole chart, `screenings` (the questionnaire answers) and "
					+ "`decisions` included. The front desk gets the chart without `screenings` and `decisions` "
					+ "(minimum necessary, HIPAA 164.502(b)): its page shows the alerts, not the answers.")
	PatientDetails get(@PathVariable UUID patientId) {
		var p = patients.get(patientId);
		var screened = screenings.of(patientId);
		var decided = decisions.of(patientId);
		var alerts = SafetyAlerts.of(p.status(), screened, decided).stream().map(SafetyAlertView::of).toList();
		var clinical = readsClinicalDetail();
		return new PatientDetails(p.id(), p.mrn(), p.givenName(), p.familyName(), p.birthDate(), p.phone(), p.status(),
				p.version(), patients.referralsOf(patientId), alerts,
				clinical ? screened.stream().map(ScreeningController.ScreeningView::of).toList() : null,
				clinical ? decided : null, reviewFlags.openOf(patientId),
				consultations.of(patientId).map(ConsultationView::of).orElse(null));
	}

	/**
	 * Whether the caller's work needs the screening answers and decisions: nurses (decisions and dose plan at the
	 * chair), clinicians (to review and sign) and admins (oversight). Anyone else allowed the chart, the front desk,
	 * gets its alerts only (access policy, minimum necessary).
	 */
	private static boolean readsClinicalDetail() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		var roles = authentication == null ? Set.<String>of()
				: AuthorityUtils.authorityListToSet(authentication.getAuthorities());
		return roles.contains(Roles.authority(Roles.NURSE)) || roles.contains(Roles.authority(Roles.CLINICIAN))
				|| roles.contains(Roles.authority(Roles.ADMIN));
	}
}
