package clinic.intake.screening;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where screenings are kept. */
public interface Screenings {

	void insert(Screening screening);

	Optional<Screening> find(UUID id);

	List<Screening> of(UUID patientId);
}
