package clinic.scheduling.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import clinic.scheduling.resources.Chair;
import clinic.scheduling.resources.ClinicResources;
import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/scheduling/chairs")
class ChairController {

	private final ClinicResources resources;

	ChairController(ClinicResources resources) {
		this.resources = resources;
	}

	record ChairView(UUID id, String name, String site) {

		static ChairView of(Chair chair) {
			return new ChairView(chair.id(), chair.name(), chair.siteName());
		}
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('front-desk', 'nurse', 'clinician', 'admin')")
	@Operation(summary = "The chairs infusions can be booked into, with their site")
	List<ChairView> chairs() {
		return resources.chairs().stream().map(ChairView::of).toList();
	}
}
