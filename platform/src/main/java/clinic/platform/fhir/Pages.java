package clinic.platform.fhir;

import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jspecify.annotations.Nullable;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/**
 * Searches answer a page at a time, by offset ({@code _offset}, {@code _count}): the next and previous links name the
 * page in the search's own URL, so any instance of the service can answer them (nothing is kept between pages).
 */
public final class Pages {

	/** The most a client may skip: further than any search of the clinic's reaches, and a bound on the query. */
	public static final int MAX_OFFSET = 1_000_000;

	private Pages() {
	}

	/** The page asked for: where it starts, and how many it holds. */
	public record Page(int offset, int size) {
	}

	public static Page of(@Nullable Integer offset, @Nullable Integer count, PageSizes settings) {
		if (offset != null && (offset < 0 || offset > MAX_OFFSET)) {
			throw new InvalidRequestException("_offset must be between 0 and " + MAX_OFFSET + ": " + offset);
		}
		if (count != null && count < 1) {
			throw new InvalidRequestException("_count must be at least 1: " + count);
		}
		var size = count == null ? settings.pageSize() : Math.min(count, settings.maxPageSize());
		return new Page(offset == null ? 0 : offset, size);
	}

	/** The page's resources, with the total for {@code Bundle.total} and the paging links. */
	public static IBundleProvider answer(Page page, List<? extends IBaseResource> resources, long total) {
		// marked as matches, so that resources a search includes (_include) stand apart in the Bundle
		resources.forEach(resource -> ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(resource,
				BundleEntrySearchModeEnum.MATCH));
		var answer = new SimpleBundleProvider(List.copyOf(resources));
		answer.setCurrentPageOffset(page.offset());
		answer.setCurrentPageSize(page.size());
		answer.setSize((int) Math.min(total, Integer.MAX_VALUE));
		return answer;
	}
}
