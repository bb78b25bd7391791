package clinic.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import clinic.contracts.Roles;

/**
 * The audit trail of this service for administrators: who read or changed a patient's data, and what a user did,
 * over a time range, newest first. Served at {@code /api/${clinic.api.name}/audit} ({@code /api/<service>/audit}, as the dead letters); a search is
 * itself audited like any other call, naming the patient searched for.
 */
@RestController
class AuditSearchController {

	private final AuditLog auditLog;

	private final String source;

	AuditSearchController(AuditLog auditLog, @Value("${spring.application.name}") String source) {
		this.auditLog = auditLog;
		this.source = source;
	}

	/**
	 * One page of rows, and whether more follow; {@code source} names the service, for a view that merges several
	 * services' trails.
	 */
	record AuditPage(String source, List<AuditLog.Entry> entries, int page, int size, boolean more) {
	}

	@GetMapping("/api/${clinic.api.name}/audit")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "The audit trail: rows naming a patient (patient), by a user or client (user), in a time "
			+ "range (from inclusive, to exclusive, ISO-8601 instants); newest first, size rows per page from page 0")
	AuditPage search(@RequestParam(required = false) @Nullable UUID patient,
			@RequestParam(required = false) @Size(max = 200) @Nullable String user,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		AuditedCall.concerns(patient);
		var rows = auditLog.search(new AuditLog.Query(patient, user == null || user.isBlank() ? null : user.strip(),
				from, to, page, size));
		var more = rows.size() > size;
		return new AuditPage(source, more ? rows.subList(0, size) : rows, page, size, more);
	}
}
