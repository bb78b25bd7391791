package clinic.intake.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import clinic.intake.patients.LikelyDuplicateException;
import clinic.intake.patients.Patient;
import clinic.platform.audit.AuditedPatient;

/** A likely duplicate on registration: 409 problem+json listing the existing records as {@code candidates}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DuplicateProblems {

	record Candidate(@AuditedPatient UUID id, String mrn, String givenName, String familyName, LocalDate birthDate) {

		static Candidate of(Patient p) {
			return new Candidate(p.id(), p.mrn(), p.givenName(), p.familyName(), p.birthDate());
		}
	}

	@ExceptionHandler(LikelyDuplicateException.class)
	ResponseEntity<ProblemDetail> likelyDuplicate(LikelyDuplicateException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Likely duplicate");
		problem.setType(URI.create("urn:clinic:problem:likely-duplicate-patient"));
		problem.setProperties(Map.of("candidates", ex.candidates().stream().map(Candidate::of).toList()));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}
}
