package clinic.scheduling.resources;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.NotFoundException;

/** Every version a resource has had, with who wrote it and when; removed resources keep their history. */
@Service
public class ResourceHistory {

	private final ResourceRevisions revisions;

	private final Sites sites;

	private final Chairs chairs;

	private final NurseRotas rotas;

	private final ConsultationSlots slots;

	ResourceHistory(ResourceRevisions revisions, Sites sites, Chairs chairs, NurseRotas rotas,
			ConsultationSlots slots) {
		this.revisions = revisions;
		this.sites = sites;
		this.chairs = chairs;
		this.rotas = rotas;
		this.slots = slots;
	}

	/**
	 * The resource's revisions, oldest first. A resource seeded by a migration has none until its first change (an
	 * empty list); an id that is neither stored nor in the history is 404.
	 */
	@Transactional(readOnly = true)
	public List<Revision> of(ResourceKind kind, UUID id) {
		var history = revisions.of(kind, id);
		if (history.isEmpty() && !exists(kind, id)) {
			throw new NotFoundException(kind.label(), id);
		}
		return history;
	}

	private boolean exists(ResourceKind kind, UUID id) {
		return switch (kind) {
			case SITE, SITE_HOURS -> sites.find(id).isPresent();
			case ROOM -> sites.findRoom(id).isPresent();
			case CHAIR -> chairs.find(id).isPresent();
			case CLOSURE -> sites.findClosure(id).isPresent();
			case NURSE_ROTA -> rotas.findRotaEntry(id).isPresent();
			case NURSE_SHIFT -> rotas.findShift(id).isPresent();
			case NURSE_ABSENCE -> rotas.findAbsence(id).isPresent();
			case CONSULTATION_SLOT -> slots.find(id).isPresent();
		};
	}
}
