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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.scheduling.resources.Inputs;
import clinic.scheduling.resources.ResourceHistory;
import clinic.scheduling.resources.ResourceKind;
import clinic.scheduling.resources.Room;
import clinic.scheduling.resources.Site;
import clinic.scheduling.resources.SiteService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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

	record NameRequest(@NotBlank @Size(max = Inputs.MAX_NAME) String name) {
	}

	record RenameRequest(@NotBlank @Size(max = Inputs.MAX_NAME) String name, @NotNull Long version) {
	}

	/** {@code timeZone}: an IANA zone such as America/New_York; left out (or blank), the site keeps the clinic's. */
	record NewSiteRequest(@NotBlank @Size(max = Inputs.MAX_NAME) String name,
			@Nullable @Size(max = Inputs.MAX_ZONE) String timeZone) {
	}

	/**
	 * {@code timeZone}: an IANA zone; left out, the site keeps the zone it has; blank ("") returns it to the clinic's.
	 */
	record SiteChangeRequest(@NotBlank @Size(max = Inputs.MAX_NAME) String name,
			@Nullable @Size(max = Inputs.MAX_ZONE) String timeZone, @NotNull Long version) {
	}

	/**
	 * A site with the zone it keeps time in; {@code timeZoneSource} is "site" (its own) or "clinic-settings" (the
	 * clinic's clinic.scheduling.time-zone, because it has none of its own).
	 */
	record SiteView(UUID id, String name, String timeZone, String timeZoneSource, long version) {
	}

	private SiteView view(Site site) {
		return new SiteView(site.id(), site.name(), sites.zoneOf(site).getId(),
				site.timeZone() == null ? "clinic-settings" : "site", site.version());
	}

	record RoomView(UUID id, UUID siteId, String site, String name, long version) {

		static RoomView of(Room room) {
			return new RoomView(room.id(), room.siteId(), room.siteName(), room.name(), room.version());
		}
	}

	@GetMapping("/sites")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "The clinic's sites, by name")
	List<SiteView> sites() {
		return sites.sites().stream().map(this::view).toList();
	}

	@GetMapping("/sites/{siteId}")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "A site with its time zone (its own, or the clinic's) and version")
	SiteView site(@PathVariable UUID siteId) {
		return view(sites.site(siteId));
	}

	@PostMapping("/sites")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: create a site (name unique; 409 when taken) with its IANA time zone, or without one "
			+ "to keep the clinic's (400 naming timeZone when it is no IANA zone)")
	SiteView createSite(@Valid @RequestBody NewSiteRequest request) {
		return view(sites.create(request.name(), request.timeZone()));
	}

	@PutMapping("/sites/{siteId}")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: rename a site and set its time zone (left out: unchanged; \"\": back to the "
			+ "clinic's); the version read is required (409 when stale, the name is taken, or the zone would change "
			+ "while appointments at the site lie ahead)")
	SiteView changeSite(@PathVariable UUID siteId, @Valid @RequestBody SiteChangeRequest request) {
		return view(sites.change(siteId, request.name(), request.timeZone(), request.version()));
	}

	@GetMapping("/sites/{siteId}/revisions")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Every version of a site, with who changed it and when")
	List<RevisionView> siteRevisions(@PathVariable UUID siteId) {
		return RevisionView.of(history.of(ResourceKind.SITE, siteId));
	}

	@GetMapping("/sites/{siteId}/rooms")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "The rooms of a site, by name")
	List<RoomView> rooms(@PathVariable UUID siteId) {
		return sites.rooms(siteId).stream().map(RoomView::of).toList();
	}

	@PostMapping("/sites/{siteId}/rooms")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: create a room at a site (name unique at the site; 409 when taken)")
	RoomView createRoom(@PathVariable UUID siteId, @Valid @RequestBody NameRequest request) {
		return RoomView.of(sites.createRoom(siteId, request.name()));
	}

	@GetMapping("/rooms/{roomId}")
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "A room with its site and version")
	RoomView room(@PathVariable UUID roomId) {
		return RoomView.of(sites.room(roomId));
	}

	@PutMapping("/rooms/{roomId}")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: rename a room; the version read is required (409 when stale or the name is taken)")
	RoomView renameRoom(@PathVariable UUID roomId, @Valid @RequestBody RenameRequest request) {
		return RoomView.of(sites.renameRoom(roomId, request.name(), request.version()));
	}

	@GetMapping("/rooms/{roomId}/revisions")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Every version of a room, with who changed it and when")
	List<RevisionView> roomRevisions(@PathVariable UUID roomId) {
		return RevisionView.of(history.of(ResourceKind.ROOM, roomId));
	}
}
