package clinic.scheduling.resources;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the clinic's chairs are kept. */
public interface Chairs {

	List<Chair> all();

	Optional<Chair> find(UUID id);
}
