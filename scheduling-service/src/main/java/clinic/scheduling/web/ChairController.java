package clinic.scheduling.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.scheduling.resources.Chair;
import clinic.scheduling.resources.ChairAttributes;
import clinic.scheduling.resources.ChairService;
import clinic.scheduling.resources.Inputs;
import clinic.scheduling.resources.ResourceHistory;
import clinic.scheduling.resources.ResourceKind;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Chairs: listed for booking (in service only, unless asked), maintained by the administrator, never deleted. */
@RestController
@RequestMapping("/api/scheduling")
class ChairController {

	private final ChairService chairs;

	private final ResourceHistory history;

	ChairController(ChairService chairs, ResourceHistory history) {
		this.chairs = chairs;
		this.history = history;
	}

	record ChairView(UUID id, String name, String site, UUID siteId, UUID roomId, String room, List<String> attributes,
			boolean active, long version) {

		static ChairView of(Chair chair) {
			return new ChairView(chair.id(), chair.name(), chair.siteName(), chair.siteId(), chair.roomId(),
					chair.roomName(), chair.attributes(), chair.active(), chair.version());
		}
	}

	/** Attributes are what a wish may name ({@link ChairAttributes}); kept in lower case. */
	record NewChairRequest(@NotBlank @Size(max = Inputs.MAX_NAME) String name,
			@Nullable @Size(max = ChairAttributes.MAX_PER_CHAIR) List<@NotNull @Pattern(regexp = ChairAttributes.PATTERN) String> attributes) {
	}

	record ChairChangeRequest(@NotBlank @Size(max = Inputs.MAX_NAME) String name,
			@Nullable @Size(max = ChairAttributes.MAX_PER_CHAIR) List<@NotNull @Pattern(regexp = ChairAttributes.PATTERN) String> attributes,
			@NotNull UUID roomId, @NotNull Long version) {
	}

	@GetMapping("/chairs")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "The chairs infusions can be booked into, with site, room, attributes and version; "
			+ "filter by siteId or roomId, includeInactive=true adds the chairs out of service")
	List<ChairView> chairs(@RequestParam(required = false) @Nullable UUID siteId,
			@RequestParam(required = false) @Nullable UUID roomId,
			@RequestParam(defaultValue = "false") boolean includeInactive) {
		return chairs.chairs(siteId, roomId, includeInactive).stream().map(ChairView::of).toList();
	}

	@GetMapping("/chairs/{chairId}")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "A chair, in service or not")
	ChairView chair(@PathVariable UUID chairId) {
		return ChairView.of(chairs.chair(chairId));
	}

	@PostMapping("/rooms/{roomId}/chairs")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: put a new chair in a room, with attributes such as recliner or monitor "
			+ "(name unique at the site; 409 when taken)")
	ChairView createChair(@PathVariable UUID roomId, @Valid @RequestBody NewChairRequest request) {
		return ChairView.of(chairs.create(roomId, request.name(), request.attributes()));
	}

	@PutMapping("/chairs/{chairId}")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: change a chair's name, attributes and room (a room of its site); "
			+ "the version read is required (409 when stale)")
	ChairView changeChair(@PathVariable UUID chairId, @Valid @RequestBody ChairChangeRequest request) {
		return ChairView.of(
				chairs.change(chairId, request.name(), request.attributes(), request.roomId(), request.version()));
	}

	@PostMapping("/chairs/{chairId}/deactivation")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: take a chair out of service (no new bookings; booked appointments stay)")
	ChairView deactivate(@PathVariable UUID chairId, @Valid @RequestBody VersionRequest request) {
		return ChairView.of(chairs.deactivate(chairId, request.version()));
	}

	@PostMapping("/chairs/{chairId}/reactivation")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: put a chair back into service")
	ChairView reactivate(@PathVariable UUID chairId, @Valid @RequestBody VersionRequest request) {
		return ChairView.of(chairs.reactivate(chairId, request.version()));
	}

	@GetMapping("/chairs/{chairId}/revisions")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Every version of a chair, with who changed it and when")
	List<RevisionView> revisions(@PathVariable UUID chairId) {
		return RevisionView.of(history.of(ResourceKind.CHAIR, chairId));
	}
}
