package clinic.session.path;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.AppointmentState;
import clinic.session.appointments.BookedAppointment;
import clinic.session.appointments.CourseStatus;
import clinic.session.path.Refusal.Reason;

/**
 * The one rule for "may this infusion be given now", asked when the record opens, at check-in and at the dose:
 * <ol>
 * <li>the patient's latest eligibility decision is CLEARED with a dose plan that carries its dose range (and, at the
 * dose, it is still the decision the record was opened under);</li>
 * <li>the course is ACTIVE (a booster's course COMPLETED), not paused, not cancelled, and no pausing adverse event of
 * the patient awaits a clinician's resumption;</li>
 * <li>scheduling still has the appointment booked;</li>
 * <li>today is the appointment's day in its site's time zone, and it is no earlier than
 * {@link PathSettings#recordOpensBeforeStart()} before its start;</li>
 * <li>no earlier appointment of the course is outstanding (booked, no dose given), unless a clinician overrode the
 * order with a reason;</li>
 * <li>the patient's last dose was given at least {@link PathSettings#minimumDoseInterval()} before (the appointment's
 * start when opening or checking in, now at the dose).</li>
 * </ol>
 * Every rule that does not hold is named; an empty list means the infusion may go ahead.
 */
@Component
public class InfusionGate {

	/** Where in the session the question is asked. */
	public enum Moment {
		OPEN, CHECK_IN, DOSE
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private final PathSettings settings;

	public InfusionGate(PathSettings settings) {
		this.settings = settings;
	}

	public List<Refusal> check(GateFacts facts, Moment moment, Instant now) {
		var refusals = new ArrayList<Refusal>();
		decision(facts, moment, refusals);
		course(facts, refusals);
		var appointment = facts.appointment();
		if (facts.appointmentState() != AppointmentState.BOOKED) {
			refusals.add(new Refusal(Reason.APPOINTMENT_NOT_BOOKED, "Scheduling has " + switch (facts.appointmentState()) {
				case CANCELLED -> "cancelled or moved this appointment";
				case NO_SHOW -> "marked this appointment no-show";
				case BOOKED -> "booked this appointment";
			}));
		}
		day(appointment, now, refusals);
		order(facts, refusals);
		interval(facts, moment, now, refusals);
		return List.copyOf(refusals);
	}

	private static void decision(GateFacts facts, Moment moment, List<Refusal> refusals) {
		var decision = facts.decision();
		if (decision.isEmpty()) {
			refusals.add(new Refusal(Reason.NOT_CLEARED,
					"No signed eligibility decision is known for this patient: a clinician must clear them first"));
			return;
		}
		var latest = decision.get();
		if (latest.plan().isEmpty()) {
			refusals.add(new Refusal(Reason.NOT_CLEARED, "The patient's latest eligibility decision (by "
					+ latest.decidedBy() + ") does not clear them: there is no dose plan"));
			return;
		}
		if (!latest.plan().get().hasRange()) {
			refusals.add(new Refusal(Reason.PLAN_WITHOUT_RANGE, "The dose plan signed by " + latest.decidedBy()
					+ " carries no dose range to check a dose against: a clinician must sign the decision again"));
		}
		if (moment == Moment.DOSE && facts.recordDecisionId() != null
				&& !facts.recordDecisionId().equals(latest.decisionId())) {
			refusals.add(new Refusal(Reason.PLAN_CHANGED, "The patient's eligibility decision changed after this "
					+ "record was opened (now signed by " + latest.decidedBy() + "): do not dose by the old plan"));
		}
	}

	private static void course(GateFacts facts, List<Refusal> refusals) {
		var booster = facts.appointment().kind() == AppointmentKind.BOOSTER;
		var first = refusals.size();
		var paused = new ArrayList<String>();
		facts.course().ifPresentOrElse(course -> {
			switch (course.status()) {
				case PAUSED -> paused.add("The course is paused"
						+ (course.reason() == null ? "" : " (" + course.reason() + ")")
						+ ": a clinician must resume it in scheduling before the next dose");
				case CANCELLED -> refusals.add(new Refusal(Reason.COURSE_CANCELLED, "The course was closed"
						+ (course.reason() == null ? "" : ": " + course.reason())));
				case TO_PLAN -> refusals.add(new Refusal(Reason.COURSE_NOT_ACTIVE, "The course has not started"));
				case COMPLETED -> {
					if (!booster) {
						refusals.add(new Refusal(Reason.COURSE_NOT_ACTIVE,
								"Every infusion of the course was given; only boosters follow"));
					}
				}
				case ACTIVE -> {
					if (booster) {
						refusals.add(new Refusal(Reason.COURSE_NOT_ACTIVE,
								"Boosters follow a completed induction course; this course is still under way"));
					}
				}
			}
		}, () -> refusals.add(new Refusal(Reason.COURSE_NOT_ACTIVE,
				"Scheduling has not told this service the state of the appointment's course yet")));
		if (!facts.pauses().isEmpty()) {
			paused.add(facts.pauses()
				.stream()
				.map(p -> p.grade() + " adverse event reported by " + p.reportedBy() + " at "
						+ p.reportedAt().atZone(zoneOf(facts.appointment())).format(WHEN))
				.collect(Collectors.joining("; ", "Dosing is paused: ",
						". It stays paused until a clinician resumes the course in scheduling")));
		}
		if (!paused.isEmpty()) {
			// the course's pause and this service's own are one reason to the nurse
			refusals.add(first, new Refusal(Reason.COURSE_PAUSED, String.join(". ", paused)));
		}
	}

	private void day(BookedAppointment appointment, Instant now, List<Refusal> refusals) {
		if (appointment.place() == null) {
			refusals.add(new Refusal(Reason.DAY_UNKNOWN, "The appointment's site time zone is unknown, so its day "
					+ "cannot be told: scheduling must announce the appointment again"));
			return;
		}
		var zone = appointment.place().timeZone();
		var today = now.atZone(zone).toLocalDate();
		if (!today.equals(appointment.day())) {
			refusals.add(new Refusal(Reason.NOT_ITS_DAY, "The appointment is on " + appointment.day().format(DAY)
					+ "; today is " + today.format(DAY) + " (" + zone.getId() + "): a session is charted on its day"));
			return;
		}
		var opens = appointment.start().minus(settings.recordOpensBeforeStart());
		if (now.isBefore(opens)) {
			refusals.add(new Refusal(Reason.TOO_EARLY, "The appointment starts at "
					+ appointment.start().atZone(zone).format(WHEN) + "; its record opens from "
					+ opens.atZone(zone).format(WHEN)));
		}
	}

	private static void order(GateFacts facts, List<Refusal> refusals) {
		if (facts.earlierOutstanding().isEmpty() || facts.override().isPresent()) {
			return;
		}
		refusals.add(new Refusal(Reason.NOT_NEXT_IN_COURSE, facts.earlierOutstanding()
			.stream()
			.map(a -> a.position() + " (" + a.start().atZone(zoneOf(a)).format(WHEN) + ", " + a.chairName() + ")")
			.collect(Collectors.joining(", ", "Earlier in the course and not given yet: ",
					". Give them first, mark them no-show or cancelled in scheduling, or a clinician records why this "
							+ "one goes first"))));
	}

	private void interval(GateFacts facts, Moment moment, Instant now, List<Refusal> refusals) {
		facts.lastDose().ifPresent(last -> {
			var at = moment == Moment.DOSE ? now : facts.appointment().start();
			var earliest = last.givenAt().plus(settings.minimumDoseInterval());
			if (at.isBefore(earliest)) {
				var zone = zoneOf(facts.appointment());
				refusals.add(new Refusal(Reason.TOO_SOON_AFTER_LAST_DOSE, "The patient's last dose was given "
						+ last.givenAt().atZone(zone).format(WHEN) + "; the next may be given from "
						+ earliest.atZone(zone).format(WHEN) + " (at least " + hours(settings.minimumDoseInterval())
						+ " apart)"));
			}
		});
	}

	private static ZoneId zoneOf(BookedAppointment appointment) {
		return appointment.place() == null ? ZoneId.of("UTC") : appointment.place().timeZone();
	}

	private static String hours(java.time.Duration duration) {
		return duration.toMinutesPart() == 0 ? duration.toHours() + " h" : duration.toMinutes() + " min";
	}
}
