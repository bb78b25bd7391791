package clinic.scheduling.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Schedule;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import clinic.platform.fhir.Ids;
import clinic.platform.fhir.Pages;
import clinic.scheduling.resources.ChairService;

/**
 * FHIR Schedule: each chair's bookable time, of the chair's id, its actor the chair's Location. Infusions are booked
 * into chairs, so the chair is what a schedule is of here; clinicians' consultation slots are not Schedules yet (the
 * clinic keeps clinicians by name only, no Practitioner to be the actor). Read, and search by {@code actor}.
 */
@Component
class ScheduleResources implements IResourceProvider {

	private final ChairService chairs;

	private final FhirSettings settings;

	ScheduleResources(ChairService chairs, FhirSettings settings) {
		this.chairs = chairs;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Schedule.class;
	}

	@Read
	public Schedule read(@IdParam IdType id) {
		var uuid = Ids.uuid(id, "Schedule");
		return chairs.chairs(null, null, true)
			.stream()
			.filter(chair -> chair.id().equals(uuid))
			.findFirst()
			.map(Mapping::schedule)
			.orElseThrow(() -> new ResourceNotFoundException("Schedule/" + uuid + " is not known"));
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = Schedule.SP_ACTOR) @Nullable ReferenceParam actor,
			@Offset @Nullable Integer offset, @Count @Nullable Integer count) {
		var page = Pages.of(offset, count, settings);
		var chair = actor == null ? null : Ids.referenced(actor, Schedule.SP_ACTOR, "Location");
		var matching = chairs.chairs(null, null, true)
			.stream()
			.filter(c -> chair == null || chair.isPresent() && chair.get().equals(c.id()))
			.map(Mapping::schedule)
			.toList();
		return Pages.answer(page, LocationResources.pageOf(matching, page), matching.size());
	}
}
