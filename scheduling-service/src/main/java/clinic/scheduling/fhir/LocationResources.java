package clinic.scheduling.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
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
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import clinic.platform.fhir.Ids;
import clinic.platform.fhir.Pages;
import clinic.scheduling.resources.ChairService;
import clinic.scheduling.resources.SiteService;

/**
 * FHIR Location: the clinic's sites and their chairs (each part of its site), chairs out of service included as
 * inactive. Read, and search by {@code name} and {@code partof} (the chairs of a site). A clinic has a handful of sites
 * and chairs, so a search pages through them in memory: sites by name, then chairs by site and name.
 */
@Component
class LocationResources implements IResourceProvider {

	private final SiteService sites;

	private final ChairService chairs;

	private final FhirSettings settings;

	LocationResources(SiteService sites, ChairService chairs, FhirSettings settings) {
		this.sites = sites;
		this.chairs = chairs;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Location.class;
	}

	@Read
	public Location read(@IdParam IdType id) {
		var uuid = Ids.uuid(id, "Location");
		return all().filter(location -> location.getIdElement().getIdPart().equals(uuid.toString()))
			.findFirst()
			.orElseThrow(() -> new ResourceNotFoundException("Location/" + uuid + " is not known"));
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = Location.SP_NAME) @Nullable StringParam name,
			@OptionalParam(name = Location.SP_PARTOF) @Nullable ReferenceParam partOf, @Offset @Nullable Integer offset,
			@Count @Nullable Integer count) {
		var page = Pages.of(offset, count, settings);
		var named = name == null ? null : References.text(name, Location.SP_NAME);
		var site = partOf == null ? null : Ids.referenced(partOf, Location.SP_PARTOF, "Location");
		var matching = new ArrayList<Location>();
		all().filter(location -> named == null || References.matches(named, location.getName()))
			.filter(location -> site == null || site.isPresent()
					&& location.getPartOf().getReferenceElement().getIdPart() != null
					&& location.getPartOf().getReferenceElement().getIdPart().equals(site.get().toString()))
			.forEach(matching::add);
		return Pages.answer(page, pageOf(matching, page), matching.size());
	}

	private Stream<Location> all() {
		return Stream.concat(sites.sites().stream().map(Mapping::site),
				chairs.chairs(null, null, true).stream().map(Mapping::chair));
	}

	static <T> List<T> pageOf(List<T> all, Pages.Page page) {
		if (page.offset() >= all.size()) {
			return List.of();
		}
		return all.subList(page.offset(), Math.min(all.size(), page.offset() + page.size()));
	}
}
