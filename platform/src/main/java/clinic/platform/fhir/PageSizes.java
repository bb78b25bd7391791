package clinic.platform.fhir;

/** How many resources a search answers per page: the service's FHIR settings say ({@link Pages}). */
public interface PageSizes {

	/** How many resources a search answers per page when the client does not say ({@code _count}). */
	int pageSize();

	/** The most a client may ask for per page. */
	int maxPageSize();
}
