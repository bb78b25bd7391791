package clinic.session.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.jspecify.annotations.Nullable;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import clinic.session.fhir.ChartViews.Harm;
import clinic.session.fhir.ChartViews.Measure;
import clinic.session.fhir.ChartViews.Session;

/**
 * Session's records as FHIR R4 resources. A session record is an Encounter of the same id (from check-in, or from when
 * the record was opened while the patient is not checked in, to the second signature), its patient intake's patient
 * id (as scheduling's Appointment names it), its appointment scheduling's, its location the chair. Each reading is
 * four Observations of R4's vital-signs profiles (blood pressure as a panel, heart rate, SpO2, respiratory rate), a
 * CADSS-6 score a survey Observation in the clinic's own code system; the dose a MedicationAdministration of the
 * record's id; adverse events and side effects AdverseEvents. The clinic keeps its staff by user name only, no
 * Practitioner records: who did what is a reference's display.
 */
final class Mapping {

	static final String LOINC = "http://loinc.org";

	static final String UCUM = "http://unitsofmeasure.org";

	static final String SNOMED = "http://snomed.info/sct";

	static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	static final String CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category";

	static final String ACT_CODES = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

	static final String SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";

	static final String SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";

	static final String PROFILES = "http://hl7.org/fhir/StructureDefinition/";

	/** CADSS-6's items: items 1, 2, 6, 7, 15 and 22 of the CADSS, in the order they are kept. */
	static final List<Integer> CADSS_ITEMS = List.of(1, 2, 6, 7, 15, 22);

	/** The code of a CADSS-6 total in the clinic's code system. */
	static final String CADSS = "cadss-6";

	private Mapping() {
	}

	static Encounter encounter(Session session) {
		var encounter = new Encounter();
		encounter.setId(session.id().toString());
		encounter.setStatus(Encounter.EncounterStatus.fromCode(session.state()));
		encounter.setClass_(new Coding(ACT_CODES, "AMB", "ambulatory"));
		encounter.addType(new CodeableConcept().setText(
				"BOOSTER".equals(session.kind()) ? "Booster infusion" : "Ketamine infusion"));
		encounter.setSubject(patient(session));
		encounter.addAppointment(new Reference("Appointment/" + session.appointmentId()));
		var period = new Period().setStartElement(dateTime(
				session.checkedInAt() != null ? session.checkedInAt() : session.openedAt()));
		if (session.completedAt() != null) {
			period.setEndElement(dateTime(session.completedAt()));
		}
		encounter.setPeriod(period);
		participant(encounter, session.checkedInBy(), "checked in");
		participant(encounter, session.nurseSignedBy(), "nurse's discharge signature");
		participant(encounter, session.clinicianSignedBy(), "clinician's co-signature");
		if (session.chairId() != null) {
			encounter.addLocation()
				.setLocation(new Reference("Location/" + session.chairId()).setDisplay(chair(session)))
				.setStatus(session.completedAt() != null ? Encounter.EncounterLocationStatus.COMPLETED
						: Encounter.EncounterLocationStatus.ACTIVE);
		}
		return encounter;
	}

	private static void participant(Encounter encounter, @Nullable String user, String role) {
		if (user != null) {
			encounter.addParticipant()
				.addType(new CodeableConcept().setText(role))
				.setIndividual(new Reference().setDisplay(user));
		}
	}

	private static String chair(Session session) {
		return session.chairName() + (session.siteName() == null ? "" : ", " + session.siteName());
	}

	static MedicationAdministration administration(Session session) {
		var dose = session.dose();
		var given = new MedicationAdministration();
		given.setId(session.id().toString());
		given.setStatus(MedicationAdministration.MedicationAdministrationStatus.fromCode(dose.state()));
		if (dose.endReason() != null) {
			given.addStatusReason(new CodeableConcept().setText(dose.endReason()));
		}
		given.setMedication(new CodeableConcept().addCoding(new Coding(RXNORM, "6130", "ketamine"))
			.setText("Ketamine"));
		given.setSubject(patient(session));
		given.setContext(new Reference("Encounter/" + session.id()));
		if ("IV".equals(session.route())) {
			var period = new Period().setStartElement(dateTime(dose.administeredAt()));
			if (dose.endedAt() != null) {
				period.setEndElement(dateTime(dose.endedAt()));
			}
			given.setEffective(period);
		}
		else {
			given.setEffective(dateTime(dose.administeredAt()));
		}
		given.addPerformer().setActor(new Reference().setDisplay(dose.administeredBy()));
		var dosage = given.getDosage();
		dosage.setRoute(route(session.route()));
		dosage.setDose(quantity(new SimpleQuantity(), dose.doseMg(), "mg"));
		if (dose.rateMgPerHour() != null) {
			dosage.setRate(quantity(new SimpleQuantity(), dose.rateMgPerHour(), "mg/h"));
		}
		dosage.setText(dose.doseMg().stripTrailingZeros().toPlainString() + " mg " + session.route()
				+ (dose.rateMgPerHour() == null ? ""
						: " at " + dose.rateMgPerHour().stripTrailingZeros().toPlainString() + " mg/h"));
		given.addNote(new Annotation().setText("Weight " + dose.weightKg().stripTrailingZeros().toPlainString()
				+ " kg" + (dose.plannedDoseMg() == null ? ""
						: ", planned " + dose.plannedDoseMg().stripTrailingZeros().toPlainString() + " mg")
				+ "; drug lot " + dose.drugLot() + (dose.preparedBy() == null ? "" : ", prepared by " + dose.preparedBy())));
		return given;
	}

	private static CodeableConcept route(String route) {
		return switch (route) {
			case "IV" -> new CodeableConcept().addCoding(new Coding(SNOMED, "47625008", "Intravenous route"))
				.setText("IV");
			case "IM" -> new CodeableConcept().addCoding(new Coding(SNOMED, "78421000", "Intramuscular route"))
				.setText("IM");
			default -> new CodeableConcept().addCoding(new Coding(SNOMED, "46713006", "Nasal route"))
				.setText("Intranasal");
		};
	}

	static Observation observation(Measure measure, String codeSystem) {
		var observation = new Observation();
		observation.setId(measure.id());
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.setSubject(new Reference("Patient/" + measure.patientId()));
		observation.setEncounter(new Reference("Encounter/" + measure.sessionId()));
		observation.setEffective(dateTime(measure.at()));
		observation.addPerformer(new Reference().setDisplay(measure.by()));
		switch (measure.kind()) {
			case "bp" -> {
				vital(observation, "bp", "85354-9", "Blood pressure panel with all children optional");
				observation.addComponent()
					.setCode(loinc("8480-6", "Systolic blood pressure"))
					.setValue(quantity(new Quantity(), measure.systolic(), "mm[Hg]", "mmHg"));
				observation.addComponent()
					.setCode(loinc("8462-4", "Diastolic blood pressure"))
					.setValue(quantity(new Quantity(), measure.diastolic(), "mm[Hg]", "mmHg"));
			}
			case "hr" -> {
				vital(observation, "heartrate", "8867-4", "Heart rate");
				observation.setValue(quantity(new Quantity(), measure.heartRate(), "/min", "beats/minute"));
			}
			case "spo2" -> {
				vital(observation, "oxygensat", "2708-6", "Oxygen saturation in Arterial blood");
				observation.getCode()
					.addCoding(new Coding(LOINC, "59408-5",
							"Oxygen saturation in Arterial blood by Pulse oximetry"));
				observation.setValue(quantity(new Quantity(), measure.spo2(), "%", "%"));
			}
			case "rr" -> {
				vital(observation, "resprate", "9279-1", "Respiratory rate");
				observation.setValue(quantity(new Quantity(), measure.respiratoryRate(), "/min", "breaths/minute"));
			}
			default -> cadss(observation, measure, codeSystem);
		}
		if (measure.phase() != null) {
			observation.addNote(new Annotation().setText(switch (measure.phase()) {
				case "PRE_DOSE" -> "Taken before the dose";
				case "INFUSION" -> "Taken during the infusion";
				default -> "Taken in recovery";
			}));
		}
		return observation;
	}

	private static void vital(Observation observation, String profile, String code, String display) {
		observation.getMeta().addProfile(PROFILES + profile);
		observation.addCategory(new CodeableConcept().addCoding(new Coding(CATEGORIES, "vital-signs", "Vital Signs")));
		observation.setCode(loinc(code, display));
	}

	private static void cadss(Observation observation, Measure measure, String codeSystem) {
		observation.addCategory(new CodeableConcept().addCoding(new Coding(CATEGORIES, "survey", "Survey")));
		observation.setCode(new CodeableConcept().addCoding(new Coding(codeSystem, CADSS,
				"CADSS-6 total score (Clinician-Administered Dissociative States Scale, 6 items)"))
			.setText("CADSS-6"));
		observation.setValue(new IntegerType(measure.total()));
		var items = measure.items() == null ? List.<Integer>of() : measure.items();
		for (int i = 0; i < items.size() && i < CADSS_ITEMS.size(); i++) {
			observation.addComponent()
				.setCode(new CodeableConcept().addCoding(new Coding(codeSystem, CADSS + "-item-" + CADSS_ITEMS.get(i),
						"CADSS item " + CADSS_ITEMS.get(i))))
				.setValue(new IntegerType(items.get(i)));
		}
	}

	static AdverseEvent adverseEvent(Harm harm, String codeSystem) {
		var event = new AdverseEvent();
		event.setId(harm.id());
		event.setActuality(AdverseEvent.AdverseEventActuality.ACTUAL);
		event.setSubject(new Reference("Patient/" + harm.patientId()));
		event.setEncounter(new Reference("Encounter/" + harm.sessionId()));
		event.setDateElement(dateTime(harm.at()));
		event.setRecordedDateElement(dateTime(harm.at()));
		event.setRecorder(new Reference().setDisplay(harm.by()));
		var serious = "SERIOUS".equals(harm.grade());
		event.setSeriousness(new CodeableConcept().addCoding(serious
				? new Coding(SERIOUSNESS, "Serious", "Serious")
				: new Coding(SERIOUSNESS, "Non-serious", "Non-serious")));
		var severity = serious ? "severe" : harm.grade().toLowerCase(Locale.ROOT);
		event.setSeverity(new CodeableConcept().addCoding(new Coding(SEVERITY, severity,
				Character.toUpperCase(severity.charAt(0)) + severity.substring(1))));
		if (harm.effect() != null) {
			var effect = harm.effect().toLowerCase(Locale.ROOT).replace('_', '-');
			var words = effect.replace('-', ' ');
			event.setEvent(new CodeableConcept()
				.addCoding(new Coding(codeSystem, effect, Character.toUpperCase(words.charAt(0)) + words.substring(1)))
				.setText(harm.text() == null || harm.text().isBlank() ? words : words + ": " + harm.text()));
		}
		else {
			event.setEvent(new CodeableConcept().setText(harm.text()));
		}
		if (harm.dosed()) {
			event.addSuspectEntity().setInstance(new Reference("MedicationAdministration/" + harm.sessionId()));
		}
		return event;
	}

	private static Reference patient(Session session) {
		return new Reference("Patient/" + session.patientId());
	}

	private static CodeableConcept loinc(String code, String display) {
		return new CodeableConcept().addCoding(new Coding(LOINC, code, display)).setText(display);
	}

	private static <Q extends Quantity> Q quantity(Q quantity, BigDecimal value, String code) {
		quantity.setValue(value).setUnit(code).setSystem(UCUM).setCode(code);
		return quantity;
	}

	private static <Q extends Quantity> Q quantity(Q quantity, @Nullable Integer value, String code, String unit) {
		quantity.setValue(value == null ? null : new BigDecimal(value)).setUnit(unit).setSystem(UCUM).setCode(code);
		return quantity;
	}

	/** An instant to the second, in UTC. */
	static DateTimeType dateTime(Instant at) {
		return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone("UTC"));
	}
}
