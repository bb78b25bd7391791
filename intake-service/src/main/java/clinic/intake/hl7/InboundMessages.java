package clinic.intake.hl7;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.protocol.MetadataKeys;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;

import clinic.intake.patients.IdentifierHeldException;
import clinic.intake.patients.LikelyDuplicateException;
import clinic.intake.patients.Patient;
import clinic.intake.patients.PatientCriteria;
import clinic.intake.patients.PatientService;
import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;

/**
 * Takes every message the MLLP listener receives and answers it with an ACK (MSA-2 = its MSH-10): from an allowed
 * sending facility, ADT^A04 registers the patient with a referral, ADT^A08 changes the patient's personal data, ADT^A40
 * merges one patient into another, REF^I12 adds a referral; each through {@link PatientService}, as the REST API does. A change and its audit row commit
 * together; a refusal's row is written after the fact.
 */
@Component
class InboundMessages implements ReceivingApplication<Message> {

	private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);

	/** The REST API's fields, as the domain names them in a refusal, and where they come from in a message. */
	private static final Map<String, String> FIELD_OF = Map.of("givenName", "PID-5", "familyName", "PID-5",
			"birthDate", "PID-7", "phone", "PID-13", "referringClinician", "PV1-8", "reason", "PV2-3", "indication",
			"PV2-3");

	private final PatientService patients;

	private final Hl7Settings settings;

	private final Hl7Audit audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	InboundMessages(PatientService patients, Hl7Settings settings, Hl7Audit audit, TransactionTemplate transaction,
			Clock clock) {
		this.patients = patients;
		this.settings = settings;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** What a message did: its patient, the audit's kind and outcome, and the text of the ACK's MSA-3. */
	private record Applied(List<UUID> patientIds, String kind, int outcome, String text) {

		Applied(UUID patientId, String kind, int outcome, String text) {
			this(List.of(patientId), kind, outcome, text);
		}
	}

	@Override
	public boolean canProcess(Message message) {
		return true;
	}

	@Override
	public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
		var header = Header.of(message);
		var address = metadata.get(MetadataKeys.IN_SENDING_IP) instanceof String ip ? ip : null;
		try {
			if (!settings.allows(header.facility())) {
				throw Refusal.sender("sending facility '" + header.facility() + "' is not allowed to send to intake");
			}
			var applied = transaction.execute(status -> {
				var done = apply(header, message);
				audit.write(header, done.kind(), done.patientIds(), done.outcome(), address);
				return done;
			});
			var ack = acknowledgement(message, AcknowledgmentCode.AA, null);
			set(ack, "MSA-3", applied.text(), 80);
			return ack;
		}
		catch (Refusal refusal) {
			return refused(message, header, refusal, address);
		}
		catch (RuntimeException failure) {
			var refusal = translated(failure);
			if (refusal.outcome == 503) {
				log.error("HL7 message {} from {} could not be applied", header.controlId(), Hl7Audit.actor(header),
						failure);
			}
			return refused(message, header, refusal, address);
		}
	}

	private Applied apply(Header header, Message message) {
		var segments = new Segments(message);
		var sender = Hl7Audit.actor(header);
		return switch (header.type()) {
			case "ADT^A04" -> register(segments, sender);
			case "ADT^A08" -> update(segments, sender);
			case "ADT^A40" -> merge(segments, sender);
			case "REF^I12" -> referral(segments);
			default -> throw Refusal.unsupported("intake takes ADT^A04, ADT^A08, ADT^A40 and REF^I12, not "
					+ header.type());
		};
	}

	/** PID-3's repetitions of other authorities than the clinic's become the patient's identifiers. */
	private Applied register(Segments segments, String sender) {
		var pid = segments.required("PID");
		var referral = referralOf(segments);
		var identifiers = identifiers(pid);
		var patient = patients.register(new PatientService.Registration(
				Fields.name(Fields.get(pid, 5, 2, 1), "PID-5"), Fields.name(Fields.get(pid, 5, 1, 1), "PID-5"),
				Fields.birthDate(Fields.get(pid, 7, 1, 1), "PID-7", today()), phone(pid),
				referral.referringClinician(), referral.reason(), referral.indication(), false), identifiers, sender);
		return new Applied(patient.id(), "create", 201, "Registered as " + patient.mrn());
	}

	/**
	 * Fields left empty keep the patient's value: a sender that does not hold the phone does not erase it. PID-3's
	 * identifiers of other authorities the patient does not hold yet are added (none is removed). A patient merged
	 * into another is found as its survivor.
	 */
	private Applied update(Segments segments, String sender) {
		var pid = segments.required("PID");
		var current = patientOf(pid, 3, true);
		var identifiers = identifiers(pid);
		var given = Fields.get(pid, 5, 2, 1);
		var family = Fields.get(pid, 5, 1, 1);
		var birth = Fields.get(pid, 7, 1, 1);
		var phone = phone(pid);
		var updated = patients.update(current.id(), new PatientService.Change(
				given == null ? current.givenName() : Fields.name(given, "PID-5"),
				family == null ? current.familyName() : Fields.name(family, "PID-5"),
				birth == null ? current.birthDate() : Fields.birthDate(birth, "PID-7", today()),
				phone == null ? current.phone() : phone, current.version()));
		patients.addIdentifiers(updated.id(), identifiers, sender);
		return new Applied(updated.id(), "update", 200, "Updated " + updated.mrn());
	}

	/**
	 * ADT^A40: PID-3 names the surviving patient, MRG-1 the patient to retire (each by MRN or another system's
	 * identifier); the retired patient is marked merged into the survivor, its record kept whole.
	 */
	private Applied merge(Segments segments, String sender) {
		var survivor = patientOf(segments.required("PID"), 3, false);
		var retired = patientOf(segments.required("MRG"), 1, false);
		if (survivor.id().equals(retired.id())) {
			throw Refusal.field("MRG-1", "names the surviving patient of PID-3, " + survivor.mrn()
					+ ": a patient is not merged into itself");
		}
		var survivorMerged = patients.identity(survivor.id()).mergedInto();
		if (survivorMerged != null) {
			throw Refusal.field("PID-3", survivor.mrn() + " was itself merged into "
					+ patients.get(survivorMerged).mrn() + ": name that patient as the survivor");
		}
		var retiredMerged = patients.identity(retired.id()).mergedInto();
		if (retiredMerged != null) {
			throw Refusal.field("MRG-1", retired.mrn() + " was merged already, into "
					+ patients.get(retiredMerged).mrn());
		}
		patients.merge(survivor.id(), retired.id(), sender);
		return new Applied(List.of(survivor.id(), retired.id()), "update", 200,
				"Merged " + retired.mrn() + " into " + survivor.mrn());
	}

	private Applied referral(Segments segments) {
		var patient = patientOf(segments.required("PID"), 3, true);
		var referral = referralOf(segments);
		patients.addReferral(patient.id(), new PatientService.NewReferral(referral.referringClinician(),
				referral.reason(), referral.indication(), List.of()));
		return new Applied(patient.id(), "create", 201, "Referral added for " + patient.mrn());
	}

	/** PV1-8 the referring clinician (prefix, given and family name), PV2-3 the indication (code, text: the reason). */
	private PatientService.NewReferral referralOf(Segments segments) {
		var pv1 = segments.find("PV1");
		var family = pv1 == null ? null : Fields.get(pv1, 8, 2, 1);
		if (family == null) {
			throw Refusal.field("PV1-8", "required, and empty: the referring clinician (family name in PV1-8.2)");
		}
		var clinician = Stream
			.of(Fields.get(pv1, 8, 6, 1), Fields.get(pv1, 8, 3, 1), family)
			.filter(part -> part != null)
			.collect(Collectors.joining(" "));
		var pv2 = segments.find("PV2");
		var indication = Fields.indication(pv2 == null ? null : Fields.get(pv2, 3, 1, 1), "PV2-3");
		var reason = pv2 == null ? null : Fields.get(pv2, 3, 2, 1);
		return new PatientService.NewReferral(Fields.text(clinician, "PV1-8", 200),
				reason == null ? null : Fields.text(reason, "PV2-3", 2000), indication, List.of());
	}

	/**
	 * The patient the first repetition of a CX field names that names one: a clinic's MRN, or another system's
	 * identifier ({@link Hl7Settings#systemOf}); with {@code followMerge}, a patient merged into another is its
	 * survivor.
	 */
	private Patient patientOf(Segment segment, int field, boolean followMerge) {
		var name = segment.getName() + "-" + field;
		var tried = new ArrayList<String>();
		for (int rep = 0; rep < 10; rep++) {
			var id = Fields.get(segment, field, rep, 1, 1);
			if (id == null) {
				break;
			}
			tried.add(Fields.printable(id));
			var namespace = Fields.get(segment, field, rep, 4, 1);
			var universalId = Fields.get(segment, field, rep, 4, 2);
			Optional<Patient> found;
			if (settings.isMrn(namespace, universalId)) {
				found = patients.find(new PatientCriteria(id, null, null, null, null, null, null, null), 0, 2)
					.items()
					.stream()
					.filter(patient -> patient.mrn().equals(id))
					.findFirst();
			}
			else {
				found = patients.holderOf(settings.systemOf(namespace, universalId,
						Fields.get(segment, field, rep, 4, 3)), id);
			}
			if (found.isPresent()) {
				var mergedInto = followMerge ? patients.identity(found.get().id()).mergedInto() : null;
				return mergedInto == null ? found.get() : patients.get(mergedInto);
			}
		}
		throw Refusal.unknownPatient(name, tried.isEmpty() ? "required, and empty: the patient's MRN or identifier"
				: "no patient with MRN or identifier " + String.join(", ", tried));
	}

	/** The repetitions of PID-3 that are other systems' identifiers (not of the clinic's MRN authority). */
	private List<PatientService.NewIdentifier> identifiers(Segment pid) {
		var identifiers = new ArrayList<PatientService.NewIdentifier>();
		for (int rep = 0; rep < 10; rep++) {
			var id = Fields.get(pid, 3, rep, 1, 1);
			if (id == null) {
				break;
			}
			var namespace = Fields.get(pid, 3, rep, 4, 1);
			var universalId = Fields.get(pid, 3, rep, 4, 2);
			if (!settings.isMrn(namespace, universalId)) {
				var system = Fields.text(settings.systemOf(namespace, universalId, Fields.get(pid, 3, rep, 4, 3)),
						"PID-3", 255);
				identifiers.add(new PatientService.NewIdentifier(system, Fields.text(id, "PID-3", 100),
						namespace != null ? Fields.text(namespace, "PID-3", 100) : null));
			}
		}
		return identifiers;
	}

	/** PID-13: its first number, as written (XTN-1), else unformatted (XTN-12), else country, area and local parts. */
	private static @Nullable String phone(Segment pid) {
		var written = Fields.get(pid, 13, 1, 1);
		if (written == null) {
			written = Fields.get(pid, 13, 12, 1);
		}
		if (written == null && Fields.get(pid, 13, 7, 1) != null) {
			var country = Fields.get(pid, 13, 5, 1);
			written = Stream
				.of(country == null ? null : "+" + country, Fields.get(pid, 13, 6, 1), Fields.get(pid, 13, 7, 1))
				.filter(part -> part != null)
				.collect(Collectors.joining(" "));
		}
		return Fields.phone(written, "PID-13");
	}

	private LocalDate today() {
		return clock.instant().atZone(clock.getZone()).toLocalDate();
	}

	private static Refusal translated(RuntimeException failure) {
		if (failure instanceof Refusal refusal) {
			return refusal;
		}
		if (failure instanceof LikelyDuplicateException duplicate) {
			return Refusal.duplicate("a likely duplicate is registered: "
					+ duplicate.candidates().stream().map(Patient::mrn).collect(Collectors.joining(", "))
					+ "; the front desk decides (the existing record, or registers the patient confirming another person)");
		}
		if (failure instanceof InvalidInputException invalid) {
			return Refusal.field(FIELD_OF.getOrDefault(invalid.field(), invalid.field()), invalid.getMessage());
		}
		if (failure instanceof NotFoundException notFound) {
			return Refusal.unknownPatient("PID-3", notFound.getMessage());
		}
		if (failure instanceof IdentifierHeldException held) {
			return Refusal.identifierHeld(held.getMessage());
		}
		if (failure instanceof ConflictException conflict) {
			return Refusal.conflict(conflict.getMessage() + "; send the message again");
		}
		return Refusal.failure("intake could not apply the message now; send it again");
	}

	private Message refused(Message message, Header header, Refusal refusal, @Nullable String address)
			throws HL7Exception {
		try {
			audit.write(header, kindOf(header), List.of(), refusal.outcome, address);
		}
		catch (RuntimeException unwritten) {
			log.error("The audit row of refused HL7 message {} could not be written", header.controlId(), unwritten);
		}
		var error = new HL7Exception(refusal.getMessage(), refusal.code);
		if (!refusal.field.isEmpty()) {
			// a field (PID-7), or a whole segment that is missing (PID)
			var dash = refusal.field.indexOf('-');
			error.setSegmentName(dash < 0 ? refusal.field : refusal.field.substring(0, dash));
			if (dash >= 0) {
				error.setFieldPosition(Integer.parseInt(refusal.field.substring(dash + 1)));
			}
		}
		log.info("HL7 message {} ({}) from {} refused ({}): {}", header.controlId(), header.type(),
				Hl7Audit.actor(header), refusal.ack, refusal.getMessage());
		var ack = acknowledgement(message, refusal.ack, error);
		set(ack, "MSA-3", refusal.getMessage(), 80);
		set(ack, "ERR-8", refusal.getMessage(), 250);
		return ack;
	}

	private static Message acknowledgement(Message message, AcknowledgmentCode code, @Nullable HL7Exception error)
			throws HL7Exception {
		try {
			return message.generateACK(code, error);
		}
		catch (IOException e) {
			throw new HL7Exception(e);
		}
	}

	private static String kindOf(Header header) {
		return "ADT^A08".equals(header.type()) || "ADT^A40".equals(header.type()) ? "update" : "create";
	}

	/** At most the field's length in v2.5 (MSA-3 80, ERR-8 250): the whole reason is in the log and ERR-8. */
	private static void set(Message ack, String path, String value, int max) throws HL7Exception {
		new Terser(ack).set(path, value.length() > max ? value.substring(0, max - 3) + "..." : value);
	}

	/** A message's segments by name, wherever its structure puts them (REF^I12 keeps PV1 in a group). */
	private record Segments(Message message) {

		@Nullable Segment find(String name) {
			try {
				var segment = (Segment) new Terser(message).getSegment("/." + name);
				return segment.isEmpty() ? null : segment;
			}
			catch (HL7Exception e) {
				return null;
			}
		}

		Segment required(String name) {
			var segment = find(name);
			if (segment == null) {
				throw Refusal.field(name, "required, and missing: the " + name + " segment");
			}
			return segment;
		}
	}
}
