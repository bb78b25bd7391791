package clinic.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's audit trail for administrators, in the shape of the services' {@code /api/<service>/audit}: rows
 * naming a patient, by a user, in a time range, newest first, within the same bounds. Only the {@code admin} role
 * may search (a path rule of the security configuration, so a refusal is the same 403 problem+json as any other);
 * every search, refused or not, is itself recorded by {@link GatewayAuditFilter}, naming the patient searched for.
 */
@RestController
public class GatewayAuditController {

	/** Where administrators search the gateway's trail. */
	public static final String PATH = "/api/gateway-audit";

	private static final int MAX_SIZE = 200;

	private static final int MAX_PAGE = 100_000;

	private static final int MAX_USER_LENGTH = 200;

	private final GatewayAuditLog auditLog;

	GatewayAuditController(GatewayAuditLog auditLog) {
		this.auditLog = auditLog;
	}

	record AuditPage(String source, List<GatewayAuditLog.Entry> entries, int page, int size, boolean more) {
	}

	@GetMapping(PATH)
	Mono<ResponseEntity<?>> search(@RequestParam(required = false) @Nullable UUID patient,
			@RequestParam(name = "user", required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
			return Mono.just(problem(HttpStatus.BAD_REQUEST, "Invalid input",
					"page is 0 to " + MAX_PAGE + " and size 1 to " + MAX_SIZE + "."));
		}
		if (actor != null && actor.length() > MAX_USER_LENGTH) {
			return Mono.just(problem(HttpStatus.BAD_REQUEST, "Invalid input",
					"user is at most " + MAX_USER_LENGTH + " characters."));
		}
		var query = new GatewayAuditLog.Query(patient, actor == null || actor.isBlank() ? null : actor.strip(), from,
				to, page, size);
		return Mono.fromCallable(() -> auditLog.search(query)).subscribeOn(Schedulers.boundedElastic()).map(rows -> {
			var more = rows.size() > size;
			return ResponseEntity.ok(new AuditPage("gateway", more ? rows.subList(0, size) : rows, page, size, more));
		});
	}

	private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).body(problem);
	}
}
