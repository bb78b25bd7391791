package clinic.scheduling.hl7;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.v25.message.SIU_S12;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.NanoTimeGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * Builds SIU^S12/S13/S15/S26 in HAPI's v2.5 structures (SIU_S12 is the structure of all four, table 0354): MSH, SCH
 * (SCH-1 the first appointment of the chain of moves, SCH-2 scheduling's record, timing, duration, event reason,
 * filler status), TQ1, PID (the clinic's MRN and scheduling's patient id, name, birth date), RGS, AIL (site, room,
 * chair) and, for a consultation, AIP (the clinician). Times carry the site's UTC offset.
 */
@Component
class SiuMessages implements DisposableBean {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final HapiContext hapi = new DefaultHapiContext();

	private final Hl7OutboundSettings settings;

	SiuMessages(Hl7OutboundSettings settings) {
		this.settings = settings;
		hapi.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
		hapi.setValidationContext(ValidationContextFactory.noValidation());
		// HAPI's default id generator keeps a counter in a file in the working directory; control ids are ours anyway
		hapi.getParserConfiguration().setIdGenerator(new NanoTimeGenerator());
	}

	/** The message, encoded (ER7, segments ended by CR). */
	String build(Trigger trigger, Visit visit, String controlId, Instant now) {
		try {
			var siu = new SIU_S12(hapi.getModelClassFactory());
			siu.setParser(hapi.getPipeParser());
			var t = new Terser(siu);
			header(t, trigger, controlId, now, visit.zone());
			schedule(t, trigger, visit);
			patient(t, visit);
			resources(t, trigger, visit);
			return hapi.getPipeParser().encode(siu);
		}
		catch (HL7Exception e) {
			throw new IllegalStateException("Could not build SIU^" + trigger + " for " + visit.appointmentId(), e);
		}
	}

	private void header(Terser t, Trigger trigger, String controlId, Instant now, ZoneId zone) throws HL7Exception {
		t.set("MSH-1", "|");
		t.set("MSH-2", "^~\\&");
		t.set("MSH-3-1", settings.sendingApplication());
		t.set("MSH-4-1", settings.sendingFacility());
		t.set("MSH-5-1", settings.receivingApplication());
		t.set("MSH-6-1", settings.receivingFacility());
		t.set("MSH-7", time(now, zone));
		t.set("MSH-9-1", "SIU");
		t.set("MSH-9-2", trigger.name());
		t.set("MSH-9-3", "SIU_S12");
		t.set("MSH-10", controlId);
		t.set("MSH-11", "P");
		t.set("MSH-12", "2.5");
	}

	private void schedule(Terser t, Trigger trigger, Visit visit) throws HL7Exception {
		var minutes = Long.toString(Duration.between(visit.start(), visit.end()).toMinutes());
		t.set("SCH-1-1", visit.placerId().toString());
		t.set("SCH-1-2", settings.sendingApplication());
		t.set("SCH-2-1", visit.appointmentId().toString());
		t.set("SCH-2-2", settings.sendingApplication());
		if (visit.sequence() > 0) {
			t.set("SCH-3", Integer.toString(visit.sequence()));
		}
		t.set("SCH-6-1", trigger.reasonCode);
		t.set("SCH-6-2", trigger == Trigger.S15 && visit.cancellationReason() != null ? visit.cancellationReason()
				: trigger.reasonText);
		t.set("SCH-6-3", "L");
		t.set("SCH-7-1", visit.kind().name());
		t.set("SCH-7-2", reason(visit));
		t.set("SCH-7-3", "L");
		t.set("SCH-8-1", "Normal");
		t.set("SCH-8-2", "Routine schedule - request slot is available");
		t.set("SCH-8-3", "HL70277");
		t.set("SCH-9", minutes);
		t.set("SCH-10-1", "min");
		t.set("SCH-10-2", "minutes");
		t.set("SCH-10-3", "UCUM");
		t.set("SCH-11-3", "M" + minutes);
		t.set("SCH-11-4", time(visit.start(), visit.zone()));
		t.set("SCH-11-5", time(visit.end(), visit.zone()));
		t.set("SCH-16-1", visit.changedBy());
		t.set("SCH-20-1", visit.changedBy());
		t.set("SCH-25-1", trigger.fillerStatus);
		t.set("SCH-25-3", "HL70278");
		t.set("TQ1-1", "1");
		t.set("TQ1-7", time(visit.start(), visit.zone()));
		t.set("TQ1-8", time(visit.end(), visit.zone()));
	}

	private static String reason(Visit visit) {
		return switch (visit.kind()) {
			case INFUSION -> visit.courseInfusions() > 0
					? "Ketamine infusion " + visit.sequence() + " of " + visit.courseInfusions() : "Ketamine infusion";
			case BOOSTER -> "Maintenance booster infusion";
			case CONSULTATION -> "Consultation";
		};
	}

	private void patient(Terser t, Visit visit) throws HL7Exception {
		t.set("/PATIENT/PID-1", "1");
		int rep = 0;
		if (visit.mrn() != null) {
			t.set("/PATIENT/PID-3(0)-1", visit.mrn());
			t.set("/PATIENT/PID-3(0)-4", settings.sendingFacility());
			t.set("/PATIENT/PID-3(0)-5", "MR");
			rep = 1;
		}
		t.set("/PATIENT/PID-3(" + rep + ")-1", visit.patientId().toString());
		t.set("/PATIENT/PID-3(" + rep + ")-4", settings.sendingApplication());
		t.set("/PATIENT/PID-3(" + rep + ")-5", "PI");
		t.set("/PATIENT/PID-5-1", visit.familyName());
		if (visit.givenName() != null) {
			t.set("/PATIENT/PID-5-2", visit.givenName());
		}
		if (visit.birthDate() != null) {
			t.set("/PATIENT/PID-7", DATE.format(visit.birthDate()));
		}
	}

	private void resources(Terser t, Trigger trigger, Visit visit) throws HL7Exception {
		var minutes = Long.toString(Duration.between(visit.start(), visit.end()).toMinutes());
		t.set("/RESOURCES/RGS-1", "1");
		var location = "/RESOURCES/LOCATION_RESOURCE/AIL-";
		t.set(location + "1", "1");
		if (visit.roomName() != null) {
			t.set(location + "3-2", visit.roomName());
		}
		if (visit.chairName() != null) {
			t.set(location + "3-3", visit.chairName());
		}
		t.set(location + "3-4-1", visit.siteName());
		t.set(location + "6", time(visit.start(), visit.zone()));
		t.set(location + "9", minutes);
		t.set(location + "10-1", "min");
		t.set(location + "12-1", trigger.fillerStatus);
		if (visit.clinician() != null) {
			var personnel = "/RESOURCES/PERSONNEL_RESOURCE/AIP-";
			t.set(personnel + "1", "1");
			t.set(personnel + "3-1", visit.clinician());
			t.set(personnel + "3-2-1", visit.clinician());
			t.set(personnel + "4-1", "CLINICIAN");
			t.set(personnel + "4-2", "Clinician");
			t.set(personnel + "4-3", "L");
			t.set(personnel + "6", time(visit.start(), visit.zone()));
			t.set(personnel + "9", minutes);
			t.set(personnel + "10-1", "min");
			t.set(personnel + "12-1", trigger.fillerStatus);
		}
	}

	private static String time(Instant instant, ZoneId zone) {
		return TIME.format(instant.atZone(zone));
	}

	@Override
	public void destroy() throws IOException {
		hapi.close();
	}
}
