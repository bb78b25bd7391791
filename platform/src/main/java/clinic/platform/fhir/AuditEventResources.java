package clinic.platform.fhir;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.jspecify.annotations.Nullable;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import clinic.platform.audit.AuditLog;
import clinic.platform.audit.AuditedCall;

/**
 * FHIR AuditEvent: this service's own audit trail ({@link AuditLog}), one event per row ({@link AuditEventMapping}),
 * served by every service with a FHIR server so that the gateway can answer one search across the three trails. Read
 * by id ({@code <owner>-<row>}, {@link AuditEventIds}: another service's id is unknown here, 404), and search by
 * {@code patient}, {@code date} (when it was recorded) and {@code agent-name} (the user or client, from its
 * beginning, or whole with {@code :exact}), oldest first, in the order the gateway merges the owners' pages in
 * ({@link AuditLog.Order#RECORDED}). Reading the trail is itself in the trail, naming the patient asked for and every
 * patient an answered event names, as any FHIR read does.
 */
public class AuditEventResources implements IResourceProvider {

	public static final String TYPE = "AuditEvent";

	private final AuditLog auditLog;

	private final PageSizes pageSizes;

	private final AuditEventIds ids;

	private final String service;

	private final ZoneId clinicZone;

	/**
	 * @param owner the service's part of the ids ({@code clinic.api.name})
	 * @param service the observer every event names ({@code spring.application.name})
	 * @param clinicZone the zone in which a date without a time is read ({@code date=2026-12-01})
	 */
	AuditEventResources(AuditLog auditLog, PageSizes pageSizes, String owner, String service, ZoneId clinicZone) {
		this.auditLog = auditLog;
		this.pageSizes = pageSizes;
		this.ids = new AuditEventIds(owner);
		this.service = service;
		this.clinicZone = clinicZone;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return AuditEvent.class;
	}

	@Read
	public AuditEvent read(@IdParam IdType id) {
		var row = ids.row(id.getIdPart());
		var entry = row.isPresent() ? auditLog.entry(row.getAsLong()) : Optional.<AuditLog.Entry>empty();
		return shown(entry
			.orElseThrow(() -> new ResourceNotFoundException(TYPE + "/" + id.getIdPart() + " is not known")));
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = AuditEvent.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = AuditEvent.SP_DATE) @Nullable DateRangeParam date,
			@OptionalParam(name = AuditEvent.SP_AGENT_NAME) @Nullable StringParam agentName,
			@Offset @Nullable Integer offset, @Count @Nullable Integer count) {
		var page = Pages.of(offset, count, pageSizes);
		var range = DateRange.of(date, AuditEvent.SP_DATE, clinicZone);
		var patientId = patient == null ? null : Ids.referenced(patient, AuditEvent.SP_PATIENT, "Patient");
		if (patientId != null && patientId.isEmpty()) {
			return Pages.answer(page, List.of(), 0);
		}
		if (patientId != null) {
			AuditedCall.concerns(patientId.get());
		}
		var actor = agentName == null || agentName.getValue() == null || agentName.getValue().isBlank() ? null
				: agentName.getValue().strip();
		var query = new AuditLog.Query(patientId == null ? null : patientId.get(), actor,
				agentName != null && !agentName.isExact(), range.from(), range.before(), AuditLog.Order.RECORDED,
				page.offset(), page.size());
		var rows = auditLog.search(query);
		var resources = rows.subList(0, Math.min(rows.size(), page.size())).stream().map(this::shown).toList();
		return Pages.answer(page, resources, auditLog.count(query));
	}

	private AuditEvent shown(AuditLog.Entry entry) {
		entry.patientIds().forEach(AuditedCall::concerns);
		return AuditEventMapping.auditEvent(entry, ids.of(entry.id()), service);
	}
}
