package clinic.scheduling.fhir;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import clinic.platform.fhir.DateRange;
import clinic.platform.fhir.Ids;
import clinic.platform.fhir.Pages;
import clinic.platform.problems.InvalidInputException;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.booking.PlanningService;
import clinic.scheduling.planning.SlotFinder.Availability;
import clinic.scheduling.planning.SlotFinder.ChairTime;

/**
 * FHIR Slot: a chair's Schedule cut into the slots the front desk books, the chair time on the clinic's slot grid,
 * each {@code free}, {@code busy} (the chair booked or held by another client's $hold) or {@code busy-unavailable}
 * (no nurse on the rota can watch one more chair). Slots are not stored: they are what the site's calendar says at the
 * moment of asking, so a slot's id is its chair and start ({@code <chair id>-<epoch seconds>}) and a booked or
 * held time turns its slot busy at once. Search by {@code schedule} (required: one chair), {@code start} (from now,
 * at most the planning horizon ahead; default the next seven days) and {@code status}. A free slot says the chair can
 * take an infusion; whether it suits a patient (their own appointments, the course rules) is what $find answers. No
 * patient data: nothing to name in the audit trail.
 */
@Component
class SlotResources implements IResourceProvider {

	private static final String SEARCH_HINT = "Slot search needs schedule=Schedule/<chair id> (one chair's slots); "
			+ "find the chairs' schedules with GET /fhir/Schedule";

	/** The window a search without {@code start} looks at. */
	private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

	private final PlanningService planning;

	private final FhirSettings settings;

	private final SchedulingSettings scheduling;

	private final Clock clock;

	SlotResources(PlanningService planning, FhirSettings settings, SchedulingSettings scheduling, Clock clock) {
		this.planning = planning;
		this.settings = settings;
		this.scheduling = scheduling;
		this.clock = clock;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Slot.class;
	}

	@Read
	public Slot read(@IdParam IdType id) {
		var text = id.getIdPart();
		int dash = text == null ? -1 : text.lastIndexOf('-');
		UUID chairId;
		Instant start;
		try {
			chairId = UUID.fromString(text.substring(0, dash));
			start = Instant.ofEpochSecond(Long.parseLong(text.substring(dash + 1)));
		}
		catch (RuntimeException notASlotId) {
			throw new ResourceNotFoundException("Slot/" + text + " is not known: a slot's id is <chair id>-<start in "
					+ "epoch seconds>, as a Slot search answers");
		}
		if (start.isBefore(clock.instant())) {
			throw new ResourceNotFoundException("Slot/" + text + " has passed: slots are offered from now on");
		}
		return times(chairId, start, start.plusSeconds(1)).stream()
			.filter(time -> time.slot().start().equals(start))
			.findFirst()
			.map(SlotResources::slot)
			.orElseThrow(() -> new ResourceNotFoundException("Slot/" + text + " is not known: not a slot of the "
					+ "chair's grid on an open day, or past"));
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = Slot.SP_SCHEDULE) @Nullable ReferenceParam schedule,
			@OptionalParam(name = Slot.SP_START) @Nullable DateRangeParam start,
			@OptionalParam(name = Slot.SP_STATUS) @Nullable TokenOrListParam status,
			@Offset @Nullable Integer offset, @Count @Nullable Integer count) {
		var page = Pages.of(offset, count, settings);
		if (schedule == null) {
			throw new InvalidRequestException(SEARCH_HINT);
		}
		var chairId = Ids.referenced(schedule, Slot.SP_SCHEDULE, "Schedule");
		var statuses = status == null ? EnumSet.allOf(Slot.SlotStatus.class) : statuses(status);
		if (chairId.isEmpty()) {
			return Pages.answer(page, List.of(), 0);
		}
		var range = DateRange.of(start, Slot.SP_START, scheduling.timeZone());
		var from = range.from();
		var now = clock.instant();
		var until = range.before() != null ? range.before()
				: (from != null && from.isAfter(now) ? from : now).plus(DEFAULT_WINDOW);
		var matching = times(chairId.get(), from, until).stream()
			.map(SlotResources::slot)
			.filter(slot -> statuses.contains(slot.getStatus()))
			.toList();
		return Pages.answer(page, LocationResources.pageOf(matching, page), matching.size());
	}

	private List<ChairTime> times(UUID chairId, @Nullable Instant from, Instant until) {
		try {
			return planning.chairTimes(chairId, from, until);
		}
		catch (InvalidInputException refused) {
			if ("chairId".equals(refused.field())) {
				throw new ResourceNotFoundException("Schedule/" + chairId + " is not known");
			}
			throw new InvalidRequestException(Slot.SP_START + ": " + refused.getMessage());
		}
	}

	static Slot slot(ChairTime time) {
		var slot = new Slot();
		slot.setId(time.slot().chairId() + "-" + time.slot().start().getEpochSecond());
		slot.setSchedule(new Reference("Schedule/" + time.slot().chairId()));
		slot.addServiceType(new CodeableConcept().setText("Ketamine infusion"));
		slot.setStart(Date.from(time.slot().start()));
		slot.setEnd(Date.from(time.slot().end()));
		slot.setStatus(switch (time.availability()) {
			case FREE -> Slot.SlotStatus.FREE;
			case CHAIR_TAKEN -> Slot.SlotStatus.BUSY;
			case NO_NURSE_CAPACITY -> Slot.SlotStatus.BUSYUNAVAILABLE;
		});
		if (time.availability() == Availability.NO_NURSE_CAPACITY) {
			slot.setComment("No nurse on the rota can watch one more chair then");
		}
		return slot;
	}

	/** The asked statuses; {@code busy-tentative} and {@code entered-in-error} are R4 codes this server never uses. */
	private static Set<Slot.SlotStatus> statuses(TokenOrListParam status) {
		var statuses = EnumSet.noneOf(Slot.SlotStatus.class);
		for (var token : status.getValuesAsQueryTokens()) {
			try {
				statuses.add(Slot.SlotStatus.fromCode(token.getValue()));
			}
			catch (Exception unknown) {
				throw new InvalidRequestException("Unknown status '" + token.getValue()
						+ "': free, busy, busy-unavailable, busy-tentative or entered-in-error");
			}
		}
		return statuses;
	}
}
