package clinic.intake.screening;

import java.time.Clock;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.instruments.Cssrs;
import clinic.instruments.Gad7;
import clinic.instruments.InvalidAnswerException;
import clinic.instruments.Pcl5;
import clinic.instruments.Phq9;
import clinic.instruments.Progress;
import clinic.intake.clinical.ClinicalHistory;
import clinic.intake.clinical.Vitals;
import clinic.intake.eligibility.RuleSettingsService;
import clinic.intake.eligibility.ScreeningFacts;
import clinic.intake.outcomes.OutcomeScores;
import clinic.intake.outcomes.OutcomeTracking;
import clinic.intake.patients.Found;
import clinic.intake.patients.Indication;
import clinic.intake.patients.PatientService;
import clinic.intake.patients.PatientStatus;
import clinic.platform.events.ClinicEvents;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.security.CurrentUser;

/** Records a screening: scores the questionnaires, asks the rules for a proposal, keeps the baseline score. */
@Service
public class ScreeningService {

	private final PatientService patients;

	private final Screenings screenings;

	private final RuleSettingsService rules;

	private final OutcomeTracking outcomes;

	private final ClinicEvents events;

	private final ScreeningSettings settings;

	private final Clock clock;

	ScreeningService(PatientService patients, Screenings screenings, RuleSettingsService rules, OutcomeTracking outcomes,
			ClinicEvents events, ScreeningSettings settings, Clock clock) {
		this.patients = patients;
		this.screenings = screenings;
		this.rules = rules;
		this.outcomes = outcomes;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * PHQ-9 is required; GAD-7, PCL-5 and the C-SSRS screener are optional (null when not given); the clinical
	 * history is {@link ClinicalHistory#NONE} when not given.
	 */
	public record ScreeningInput(List<Integer> phq9, List<Integer> gad7, List<Integer> pcl5, CssrsAnswers cssrs,
			Vitals vitals, ClinicalHistory history, String notes) {

		public ScreeningInput(List<Integer> phq9, Vitals vitals, String notes) {
			this(phq9, null, null, null, vitals, null, notes);
		}
	}

	/** The C-SSRS screener's yes/no answers as given; Q3–Q5 are null when not asked. */
	public record CssrsAnswers(Boolean q1, Boolean q2, Boolean q3, Boolean q4, Boolean q5, Boolean q6) {
	}

	@Transactional
	public Screening record(UUID patientId, ScreeningInput input) {
		var patient = patients.get(patientId);
		var phq9 = answered(() -> Phq9.score(input.phq9(), "phq9"));
		var gad7 = input.gad7() == null ? null : answered(() -> Gad7.score(input.gad7(), "gad7"));
		var pcl5 = input.pcl5() == null ? null
				: answered(() -> Pcl5.score(input.pcl5(), settings.pcl5ProbablePtsdFrom(), "pcl5"));
		var c = input.cssrs();
		var cssrs = c == null ? null
				: answered(() -> Cssrs.score(c.q1(), c.q2(), c.q3(), c.q4(), c.q5(), c.q6(), "cssrs"));
		var now = clock.instant();
		var today = now.atZone(clock.getZone()).toLocalDate();
		var history = (input.history() == null ? ClinicalHistory.NONE : input.history()).checked(today);
		var age = Period.between(patient.birthDate(), today).getYears();
		var indication = latestIndication(patientId);
		var proposal = rules.rules()
			.propose(new ScreeningFacts(age, today, indication, phq9, cssrs, input.vitals(), history));
		var screening = new Screening(UUID.randomUUID(), patientId, phq9, gad7, pcl5, cssrs,
				Screening.urgent(phq9, cssrs), input.vitals(), history, indication, input.notes(), proposal,
				CurrentUser.name(), now);
		screenings.insert(screening);
		outcomes.record(patientId, OutcomeScores.PHQ9, phq9.total(), OutcomeScores.Source.SCREENING, screening.id(),
				now);
		if (gad7 != null) {
			outcomes.record(patientId, OutcomeScores.GAD7, gad7.total(), OutcomeScores.Source.SCREENING,
					screening.id(), now);
		}
		if (pcl5 != null) {
			outcomes.record(patientId, OutcomeScores.PCL5, pcl5.total(), OutcomeScores.Source.SCREENING,
					screening.id(), now);
		}
		var screened = patients.changeStatus(patientId, PatientStatus.SCREENED);
		events.publish(ScreeningCompleted.of(screening, screened.version()));
		return screening;
	}

	/**
	 * Answers as a form holds them while the clinician types: any instrument may be left out (null), and any answer
	 * of one not given yet (null).
	 */
	public record PartialAnswers(List<Integer> phq9, List<Integer> gad7, List<Integer> pcl5, CssrsAnswers cssrs) {
	}

	/**
	 * What the answers so far score: per instrument given, how far it has got and, once complete, its score (null
	 * before); the instruments left out are null. {@code suicideRisk}: a complete PHQ-9 with item 9 above 0 or a
	 * complete high-risk C-SSRS screen, as a recorded screening would flag it.
	 */
	public record LiveScores(Scored<Phq9> phq9, Scored<Gad7> gad7, Scored<Pcl5> pcl5, Scored<Cssrs> cssrs,
			boolean suicideRisk) {
	}

	/** An instrument's progress, with its score once every question asked is answered. */
	public record Scored<T>(Progress progress, T score) {
	}

	/**
	 * Scores answers without storing anything, the way {@link #record} scores them (clinic.instruments, the clinic's
	 * PCL-5 cut-off): for a form that shows the scores as they are typed. A wrong answer is a 400 naming the item.
	 */
	public LiveScores score(PartialAnswers answers) {
		var phq9 = answers.phq9() == null ? null : answered(() -> scored(Phq9.progress(answers.phq9(), "phq9"),
				() -> Phq9.score(answers.phq9(), "phq9")));
		var gad7 = answers.gad7() == null ? null : answered(() -> scored(Gad7.progress(answers.gad7(), "gad7"),
				() -> Gad7.score(answers.gad7(), "gad7")));
		var pcl5 = answers.pcl5() == null ? null : answered(() -> scored(Pcl5.progress(answers.pcl5(), "pcl5"),
				() -> Pcl5.score(answers.pcl5(), settings.pcl5ProbablePtsdFrom(), "pcl5")));
		var c = answers.cssrs();
		var cssrs = c == null ? null
				: answered(() -> scored(Cssrs.progress(c.q1(), c.q2(), c.q3(), c.q4(), c.q5(), c.q6(), "cssrs"),
						() -> Cssrs.score(c.q1(), c.q2(), c.q3(), c.q4(), c.q5(), c.q6(), "cssrs")));
		boolean suicideRisk = (phq9 != null && phq9.score() != null && phq9.score().suicideRiskFlag())
				|| (cssrs != null && cssrs.score() != null && cssrs.score().highRisk());
		return new LiveScores(phq9, gad7, pcl5, cssrs, suicideRisk);
	}

	private static <T> Scored<T> scored(Progress progress, Supplier<T> score) {
		return new Scored<>(progress, progress.complete() ? score.get() : null);
	}

	/**
	 * Scores answers with clinic.instruments; an answer it cannot score is the caller's bad input, a 400 naming the
	 * item ({@code phq9[3]}, {@code cssrs.q4}) with the instrument's own sentence.
	 */
	private static <T> T answered(Supplier<T> scoring) {
		try {
			return scoring.get();
		}
		catch (InvalidAnswerException e) {
			throw new InvalidInputException(e.field(), e.getMessage());
		}
	}

	/** The indication of the patient's latest referral, or null without one. */
	private Indication latestIndication(UUID patientId) {
		var referrals = patients.referralsOf(patientId);
		return referrals.isEmpty() ? null : referrals.get(referrals.size() - 1).indication();
	}

	@Transactional(readOnly = true)
	public List<Screening> of(UUID patientId) {
		return screenings.of(patientId);
	}

	/** A recorded screening, if there is one of this id. */
	@Transactional(readOnly = true)
	public java.util.Optional<Screening> find(UUID id) {
		return screenings.find(id);
	}

	/** One page of the questionnaires recorded screenings answered (FHIR's QuestionnaireResponse). */
	@Transactional(readOnly = true)
	public Found<AnsweredQuestionnaire> answered(QuestionnaireCriteria criteria, int offset, int limit) {
		return screenings.answered(criteria, offset, limit);
	}
}
