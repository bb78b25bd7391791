package clinic.scheduling.fhir;

import java.time.Duration;
import java.util.Date;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;

import clinic.scheduling.agenda.Visit;
import clinic.scheduling.offers.Offer;
import clinic.scheduling.offers.OfferKind;
import clinic.scheduling.resources.Chair;
import clinic.scheduling.resources.Site;

/**
 * Scheduling's records as FHIR R4 resources. A site is a Location of physical type "site"; a chair a Location part of
 * its site (R4's physical types have no chair, so its type is only text, its room in its description); a chair's
 * bookable time its Schedule, of the same id. An appointment is the whole time it holds (for an infusion the chair time:
 * infusion, recovery and turnover), its patient intake's patient id, its location the chair (a consultation: the site,
 * and the clinician by name, as the clinic keeps no Practitioner records).
 */
final class Mapping {

	static final String PHYSICAL_TYPES = "http://terminology.hl7.org/CodeSystem/location-physical-type";

	private Mapping() {
	}

	static Location site(Site site) {
		var location = new Location();
		location.setId(site.id().toString());
		location.setStatus(Location.LocationStatus.ACTIVE);
		location.setMode(Location.LocationMode.INSTANCE);
		location.setName(site.name());
		location.setPhysicalType(new CodeableConcept().addCoding(
				new Coding(PHYSICAL_TYPES, "si", "Site")));
		return location;
	}

	static Location chair(Chair chair) {
		var location = new Location();
		location.setId(chair.id().toString());
		location.setStatus(chair.active() ? Location.LocationStatus.ACTIVE : Location.LocationStatus.INACTIVE);
		location.setMode(Location.LocationMode.INSTANCE);
		location.setName(chair.name());
		location.setDescription("Infusion chair in " + chair.roomName() + ", " + chair.siteName()
				+ (chair.attributes().isEmpty() ? "" : " (" + String.join(", ", chair.attributes()) + ")"));
		location.setPhysicalType(new CodeableConcept().setText("Infusion chair"));
		location.setPartOf(new Reference("Location/" + chair.siteId()).setDisplay(chair.siteName()));
		return location;
	}

	static Schedule schedule(Chair chair) {
		var schedule = new Schedule();
		schedule.setId(chair.id().toString());
		schedule.setActive(chair.active());
		schedule.addServiceType(new CodeableConcept().setText("Ketamine infusion"));
		schedule.addActor(new Reference("Location/" + chair.id()).setDisplay(chair.name() + ", " + chair.siteName()));
		schedule.setComment("The chair's bookable time: its site's opening hours less closure days, on the site's "
				+ "clock, with nurses on the rota to watch it");
		return schedule;
	}

	static Appointment appointment(Visit visit) {
		var appointment = new Appointment();
		appointment.setId(visit.id().toString());
		appointment.setStatus(Appointment.AppointmentStatus.fromCode(visit.status().code()));
		appointment.addServiceType(new CodeableConcept().setText(switch (visit.kind()) {
			case INFUSION -> "Ketamine infusion";
			case BOOSTER -> "Booster infusion";
			case CONSULTATION -> "Consultation";
		}));
		appointment.setStart(Date.from(visit.start()));
		appointment.setEnd(Date.from(visit.end()));
		appointment.setMinutesDuration((int) Duration.between(visit.start(), visit.end()).toMinutes());
		appointment.addParticipant()
			.setActor(new Reference("Patient/" + visit.patientId()))
			.setRequired(Appointment.ParticipantRequired.REQUIRED)
			.setStatus(Appointment.ParticipationStatus.ACCEPTED);
		if (visit.clinician() != null) {
			appointment.addParticipant()
				.setActor(new Reference().setDisplay(visit.clinician()))
				.setRequired(Appointment.ParticipantRequired.REQUIRED)
				.setStatus(Appointment.ParticipationStatus.ACCEPTED);
		}
		appointment.addParticipant()
			.setActor(new Reference("Location/" + (visit.chairId() != null ? visit.chairId() : visit.siteId())))
			.setRequired(Appointment.ParticipantRequired.REQUIRED)
			.setStatus(Appointment.ParticipationStatus.ACCEPTED);
		return appointment;
	}

	/**
	 * An offered appointment ($find, $hold): proposed or pending (held), its id the offer's, which $hold and $book
	 * name. Participants as a booked one's, each yet to accept (proposed) or tentative (held); an infusion of a whole
	 * course says which of the course it is.
	 */
	static Appointment offered(Offer offer, Appointment.AppointmentStatus status) {
		var participation = status == Appointment.AppointmentStatus.PROPOSED
				? Appointment.ParticipationStatus.NEEDSACTION : Appointment.ParticipationStatus.TENTATIVE;
		var appointment = new Appointment();
		appointment.setId(offer.id().toString());
		appointment.setStatus(status);
		appointment.addServiceType(new CodeableConcept().setText(
				offer.kind() == OfferKind.CONSULTATION ? "Consultation" : "Ketamine infusion"));
		appointment.setAppointmentType(new CodeableConcept().addCoding(new Coding(BookingOperations.VISIT_TYPES,
				offer.kind() == OfferKind.CONSULTATION ? BookingOperations.CONSULTATION : BookingOperations.INFUSION,
				null)));
		appointment.setStart(Date.from(offer.start()));
		appointment.setEnd(Date.from(offer.end()));
		appointment.setMinutesDuration((int) Duration.between(offer.start(), offer.end()).toMinutes());
		if (offer.of() > 1) {
			appointment.setComment("Infusion " + offer.sequence() + " of " + offer.of() + " of the induction course, "
					+ "held and booked together");
		}
		appointment.addParticipant()
			.setActor(new Reference("Patient/" + offer.patientId()))
			.setRequired(Appointment.ParticipantRequired.REQUIRED)
			.setStatus(participation);
		if (offer.clinician() != null) {
			appointment.addParticipant()
				.setActor(new Reference().setDisplay(offer.clinician()))
				.setRequired(Appointment.ParticipantRequired.REQUIRED)
				.setStatus(participation);
		}
		appointment.addParticipant()
			.setActor(new Reference("Location/" + (offer.chairId() != null ? offer.chairId() : offer.siteId())))
			.setRequired(Appointment.ParticipantRequired.REQUIRED)
			.setStatus(participation);
		return appointment;
	}
}
