package clinic.session.appointments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the projection of booked appointments up to date and answers questions about it. */
@Service
public class AppointmentService {

	private static final Logger log = LoggerFactory.getLogger(AppointmentService.class);

	/** The nurse's list is a working list, not an archive: a bound keeps a busy clinic's page small. */
	static final int LIST_LIMIT = 500;

	private final Appointments appointments;

	AppointmentService(Appointments appointments) {
		this.appointments = appointments;
	}

	/** Takes a booked appointment into the projection; consultations get no session record and are skipped. */
	@Transactional
	public boolean booked(BookedAppointment appointment) {
		if (!appointment.kind().isDosing()) {
			return false;
		}
		var stored = appointments.saveIfNewer(appointment);
		if (!stored) {
			log.info("Appointment {} version {} is not newer than the one kept; dropped", appointment.appointmentId(),
					appointment.aggregateVersion());
		}
		return stored;
	}

	@Transactional(readOnly = true)
	public Optional<BookedAppointment> find(UUID appointmentId) {
		return appointments.find(appointmentId);
	}

	@Transactional(readOnly = true)
	public List<BookedAppointment> soonestFirst() {
		return appointments.all(LIST_LIMIT);
	}

	@Transactional(readOnly = true)
	public List<BookedAppointment> ofPatient(UUID patientId) {
		return appointments.ofPatient(patientId);
	}
}
