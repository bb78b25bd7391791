package clinic.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import clinic.gateway.security.KeycloakRealmRoles;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's audit trail for administrators, in the shape of the services' {@code /api/<service>/audit}: rows
 * naming a patient, by a user, in a time range, newest first. Only the {@code admin} role may search; every search,
 * refused or not, is itself recorded by {@link GatewayAuditFilter}.
 */
@RestController
class GatewayAuditController {

	private static final int MAX_SIZE = 200;

	private final GatewayAuditLog auditLog;

	GatewayAuditController(GatewayAuditLog auditLog) {
		this.auditLog = auditLog;
	}

	record AuditPage(String source, List<GatewayAuditLog.Entry> entries, int page, int size, boolean more) {
	}

	@GetMapping(GatewayAuditFilter.AUDIT_SEARCH)
	Mono<ResponseEntity<?>> search(@AuthenticationPrincipal OidcUser user,
			@RequestParam(required = false) @Nullable UUID patient,
			@RequestParam(name = "user", required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (!KeycloakRealmRoles.fromAuthorities(user.getAuthorities()).contains("admin")) {
			return Mono.just(problem(HttpStatus.FORBIDDEN, "Not allowed", "Only an administrator reads the audit trail."));
		}
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			return Mono.just(problem(HttpStatus.BAD_REQUEST, "Invalid input",
					"page is 0 or more and size 1 to " + MAX_SIZE + "."));
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
