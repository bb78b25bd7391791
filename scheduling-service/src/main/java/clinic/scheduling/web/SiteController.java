package clinic.scheduling.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import clinic.scheduling.resources.ResourceHistory;
import clinic.scheduling.resources.ResourceKind;
import clinic.scheduling.resources.Room;
import clinic.scheduling.resources.Site;
import clinic.scheduling.resources.SiteService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Sites and their rooms. Collections are created and listed under their parent ({@code /sites/{siteId}/rooms}); each
 * item is changed at its own address ({@code /rooms/{roomId}}) with the version it was read at.
 */
@RestController
@RequestMapping("/api/scheduling")
class SiteController {

	private final SiteService sites;

	private final ResourceHistory history;

	SiteController(SiteService sites, ResourceHistory history) {
		this.sites = sites;
		this.history = history;
	}

	record NameRequest(@NotBlank String name) {
	}

	record RenameRequest(@NotBlank String name, @NotNull Long version) {
	}

	record RoomView(UUID id, UUID siteId, String site, String name, long version) {

		static RoomView of(Room room) {
			return new RoomView(room.id(), room.siteId(), room.siteName(), room.name(), room.version());
		}
	}

	@GetMapping("/sites")
	@PreAuthorize(Roles.READ_RESOURCES)
	@Operation(summary = "The clinic's sites, by name")
	List<Site> sites() {
		return sites.sites();
	}

	@GetMapping("/sites/{siteId}")
	@PreAuthorize(Roles.READ_RESOURCES)
	@Operation(summary = "A site with its version")
	Site site(@PathVariable UUID siteId) {
		return sites.site(siteId);
	}

	@PostMapping("/sites")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.ADMIN)
	@Operation(summary = "Admin: create a site (name unique; 409 when taken)")
	Site createSite(@Valid @RequestBody NameRequest request) {
		return sites.create(request.name());
	}

	@PutMapping("/sites/{siteId}")
	@PreAuthorize(Roles.ADMIN)
	@Operation(summary = "Admin: rename a site; the version read is required (409 when stale or the name is taken)")
	Site renameSite(@PathVariable UUID siteId, @Valid @RequestBody RenameRequest request) {
		return sites.rename(siteId, request.name(), request.version());
	}

	@GetMapping("/sites/{siteId}/revisions")
	@PreAuthorize(Roles.READ_RESOURCES)
	@Operation(summary = "Every version of a site, with who changed it and when")
	List<RevisionView> siteRevisions(@PathVariable UUID siteId) {
		return RevisionView.of(history.of(ResourceKind.SITE, siteId));
	}

	@GetMapping("/sites/{siteId}/rooms")
	@PreAuthorize(Roles.READ_RESOURCES)
	@Operation(summary = "The rooms of a site, by name")
	List<RoomView> rooms(@PathVariable UUID siteId) {
		return sites.rooms(siteId).stream().map(RoomView::of).toList();
	}

	@PostMapping("/sites/{siteId}/rooms")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.ADMIN)
	@Operation(summary = "Admin: create a room at a site (name unique at the site; 409 when taken)")
	RoomView createRoom(@PathVariable UUID siteId, @Valid @RequestBody NameRequest request) {
		return RoomView.of(sites.createRoom(siteId, request.name()));
	}

	@GetMapping("/rooms/{roomId}")
	@PreAuthorize(Roles.READ_RESOURCES)
	@Operation(summary = "A room with its site and version")
	RoomView room(@PathVariable UUID roomId) {
		return RoomView.of(sites.room(roomId));
	}

	@PutMapping("/rooms/{roomId}")
	@PreAuthorize(Roles.ADMIN)
	@Operation(summary = "Admin: rename a room; the version read is required (409 when stale or the name is taken)")
	RoomView renameRoom(@PathVariable UUID roomId, @Valid @RequestBody RenameRequest request) {
		return RoomView.of(sites.renameRoom(roomId, request.name(), request.version()));
	}

	@GetMapping("/rooms/{roomId}/revisions")
	@PreAuthorize(Roles.READ_RESOURCES)
	@Operation(summary = "Every version of a room, with who changed it and when")
	List<RevisionView> roomRevisions(@PathVariable UUID roomId) {
		return RevisionView.of(history.of(ResourceKind.ROOM, roomId));
	}
}
