package clinic.platform.fhir;

import java.net.URI;
import java.util.List;

import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.util.ForwardedHeaderUtils;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.IServerAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * HAPI FHIR's plain server for a service's resources, at {@code /fhir}. It is a servlet that Spring MVC's dispatcher
 * hands each FHIR request to ({@link FhirEndpoint}), so the path it sees is the dispatcher's whole path: the
 * {@code /fhir} prefix is taken off here. Links (paging, Location) name the server as the client addressed it, through
 * the gateway's {@code X-Forwarded-*} headers when it came that way. No paging provider: searches page by offset,
 * which keeps nothing between requests (see {@link Pages}).
 */
public class FhirServer extends RestfulServer {

	public static final String BASE = "/fhir";

	private static final long serialVersionUID = 1L;

	FhirServer(FhirContext context, List<IResourceProvider> providers, FhirErrors errors, FhirService service) {
		super(context);
		setResourceProviders(providers);
		registerInterceptor(errors);
		setDefaultResponseEncoding(EncodingEnum.JSON);
		setServerAddressStrategy(new AsAddressed());
		setServerName(service.name());
		setImplementationDescription(service.description());
		setServerConformanceProvider(new Capabilities(this, service));
	}

	@Override
	protected String getRequestPath(String requestFullPath, String servletContextPath, String servletPath) {
		var prefix = servletContextPath + BASE;
		return requestFullPath.startsWith(prefix) ? requestFullPath.substring(prefix.length()) : requestFullPath;
	}

	/** The base URL as the client addressed it: scheme, host and port as forwarded, then the context and /fhir. */
	private static final class AsAddressed implements IServerAddressStrategy {

		@Override
		public String determineServerBase(ServletContext servletContext, HttpServletRequest request) {
			var addressed = ForwardedHeaderUtils.adaptFromForwardedHeaders(
					URI.create(request.getRequestURL().toString()), new ServletServerHttpRequest(request).getHeaders());
			return addressed.replacePath(request.getContextPath() + BASE).replaceQuery(null).fragment(null).build()
				.toUriString();
		}
	}
}
