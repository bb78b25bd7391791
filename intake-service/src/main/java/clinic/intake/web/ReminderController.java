package clinic.intake.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.intake.reminders.Channel;
import clinic.intake.reminders.ChannelConsent;
import clinic.intake.reminders.ContactService;
import clinic.intake.reminders.Delivery;
import clinic.intake.reminders.PatientContact;
import clinic.intake.reminders.ReminderKind;
import clinic.intake.reminders.ReminderPlanning;
import clinic.intake.reminders.ReminderTemplate;
import clinic.intake.reminders.ReminderTemplates;
import clinic.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Reminders to patients: the front desk records the patient's e-mail address and consent to each channel (and sees
 * what was sent); an administrator keeps the templates per site.
 */
@RestController
class ReminderController {

	private final ContactService contacts;

	private final ReminderPlanning planning;

	private final ReminderTemplates templates;

	ReminderController(ContactService contacts, ReminderPlanning planning, ReminderTemplates templates) {
		this.contacts = contacts;
		this.planning = planning;
		this.templates = templates;
	}

	/** The e-mail address (null or left out: none) and the patient's consent to each channel, both required. */
	record ContactRequest(@Email @Size(max = 254) @Nullable String email, @NotNull Boolean emailConsent,
			@NotNull Boolean smsConsent) {
	}

	record ContactView(UUID patientId, @Nullable String email, @Nullable String phone, List<ChannelConsent> consents) {

		static ContactView of(PatientContact c) {
			return new ContactView(c.patientId(), c.email(), c.phone(), c.consents());
		}
	}

	/** A reminder and its outcome on each channel; {@code status} PENDING, SENDING, DONE or CANCELLED. */
	record ReminderView(UUID id, UUID patientId, ReminderKind kind, @Nullable UUID courseId,
			@Nullable UUID appointmentId, Instant dueAt, String status, @Nullable String closeReason,
			List<Delivery> deliveries) {
	}

	/** A site's template ({@code siteId}) or the clinic's default (siteId left out); e-mail needs a subject. */
	record TemplateRequest(@Nullable UUID siteId, @NotNull ReminderKind kind, @NotNull Channel channel,
			@Size(max = 200) @Nullable String subject, @NotBlank @Size(max = 4000) String body) {
	}

	@GetMapping("/api/intake/patients/{patientId}/contact")
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "The patient's e-mail address, phone and consent to each reminder channel (who recorded it, when)")
	ContactView contact(@PathVariable UUID patientId) {
		return ContactView.of(contacts.contactOf(patientId));
	}

	@PutMapping("/api/intake/patients/{patientId}/contact")
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "Record the patient's e-mail address and consent to e-mail and text reminders",
			description = "A withdrawn consent is the patient's opt-out: the next reminder skips that channel. "
					+ "Consent to e-mail needs an address, to text messages the patient's phone")
	ContactView recordContact(@PathVariable UUID patientId, @Valid @RequestBody ContactRequest request) {
		return ContactView.of(contacts.record(patientId,
				new ContactService.ContactChange(request.email(), request.emailConsent(), request.smsConsent()),
				CurrentUser.name()));
	}

	@GetMapping("/api/intake/patients/{patientId}/reminders")
	@PreAuthorize(Roles.IS_FRONT_DESK_OR_ADMIN)
	@Operation(summary = "The patient's reminders, planned and sent, with each channel's outcome")
	List<ReminderView> reminders(@PathVariable UUID patientId) {
		contacts.contactOf(patientId);
		return planning.of(patientId)
			.stream()
			.map(r -> new ReminderView(r.id(), r.patientId(), r.kind(), r.courseId(), r.appointmentId(), r.dueAt(),
					r.status(), r.closeReason(), planning.deliveriesOf(r.id())))
			.toList();
	}

	@GetMapping("/api/intake/reminder-templates")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "The reminder templates: the clinic's defaults (no siteId) and each site's own",
			description = "Placeholders: {givenName}, {familyName}, {start}, {site}, {chair}, {sequence}, {infusions}, "
					+ "{appointments}; times are shown in the site's time zone")
	List<ReminderTemplate> templates() {
		return templates.all();
	}

	@PutMapping("/api/intake/reminder-templates")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Set a site's reminder template of one kind and channel, or the clinic's default")
	ReminderTemplate saveTemplate(@Valid @RequestBody TemplateRequest request) {
		return templates.save(request.siteId(), request.kind(), request.channel(), request.subject(), request.body(),
				CurrentUser.name());
	}
}
