package clinic.scheduling.resources;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the clinic has to book into. */
@Service
public class ClinicResources {

	private final Chairs chairs;

	ClinicResources(Chairs chairs) {
		this.chairs = chairs;
	}

	/** The chairs in service, by site and name (chairs out of service take no bookings). */
	@Transactional(readOnly = true)
	public List<Chair> chairs() {
		return chairs.list(null, null, false);
	}
}
