package clinic.platform.input;

import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The answer to an error sent outside a controller (a filter refusing a caller, a servlet container's error page):
 * RFC 9457 problem+json like every other error of the clinic, whatever the caller accepts, with no stack trace,
 * exception or message of the server's own. {@code @Controller} is what makes Spring MVC map it: a type-level
 * {@code @RequestMapping} alone is no longer detected, and then an exception that escaped a controller answered 404
 * "No static resource error." (seen in the fault run while PostgreSQL was down).
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController extends AbstractErrorController {

	ProblemErrorController(ErrorAttributes errorAttributes) {
		super(errorAttributes);
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		var status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return ResponseEntity.noContent().build();
		}
		var problem = ProblemDetail.forStatusAndDetail(status, switch (status) {
			case UNAUTHORIZED -> "Sign in to do this.";
			case FORBIDDEN -> "Your role does not allow this.";
			default -> ErrorWording.detailOf(status.value());
		});
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
