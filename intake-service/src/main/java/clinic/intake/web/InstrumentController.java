package clinic.intake.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.instruments.Cssrs;
import clinic.instruments.Gad7;
import clinic.instruments.Pcl5;
import clinic.instruments.Phq9;
import clinic.intake.screening.ScreeningService;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Scores questionnaire answers without storing them, so that a form shows the scores while the clinician types.
 * The scoring is clinic.instruments', the same as a recorded screening's: a page never scores a questionnaire itself.
 */
@RestController
class InstrumentController {

	private final ScreeningService screenings;

	InstrumentController(ScreeningService screenings) {
		this.screenings = screenings;
	}

	/** Any instrument may be left out; an answer not given yet is null. */
	record ScoreRequest(List<Integer> phq9, List<Integer> gad7, List<Integer> pcl5,
			ScreeningController.CssrsRequest cssrs) {
	}

	/** Per instrument given: answered of items, and once complete its score (null before). */
	record Phq9Score(int answered, int items, boolean complete, Integer total, Phq9.Band band,
			Boolean suicideRiskFlag) {

		static Phq9Score of(ScreeningService.Scored<Phq9> s) {
			var p = s.progress();
			var score = s.score();
			return score == null ? new Phq9Score(p.answered(), p.items(), false, null, null, null)
					: new Phq9Score(p.answered(), p.items(), true, score.total(), score.band(), score.suicideRiskFlag());
		}
	}

	record Gad7Score(int answered, int items, boolean complete, Integer total, Gad7.Band band,
			Boolean warrantsEvaluation) {

		static Gad7Score of(ScreeningService.Scored<Gad7> s) {
			var p = s.progress();
			var score = s.score();
			return score == null ? new Gad7Score(p.answered(), p.items(), false, null, null, null)
					: new Gad7Score(p.answered(), p.items(), true, score.total(), score.band(),
							score.warrantsEvaluation());
		}
	}

	record Pcl5Score(int answered, int items, boolean complete, Integer total, Integer cutoff, Boolean probablePtsd) {

		static Pcl5Score of(ScreeningService.Scored<Pcl5> s) {
			var p = s.progress();
			var score = s.score();
			return score == null ? new Pcl5Score(p.answered(), p.items(), false, null, null, null)
					: new Pcl5Score(p.answered(), p.items(), true, score.total(), score.cutoff(), score.probablePtsd());
		}
	}

	record CssrsScore(int answered, int items, boolean complete, Boolean highRisk, List<String> highRiskAnswers) {

		static CssrsScore of(ScreeningService.Scored<Cssrs> s) {
			var p = s.progress();
			var score = s.score();
			return score == null ? new CssrsScore(p.answered(), p.items(), false, null, null)
					: new CssrsScore(p.answered(), p.items(), true, score.highRisk(), score.highRiskAnswers());
		}
	}

	/** {@code suicideRisk}: what a recorded screening would flag for urgent review, from complete answers. */
	record Scores(Phq9Score phq9, Gad7Score gad7, Pcl5Score pcl5, CssrsScore cssrs, boolean suicideRisk) {
	}

	@PostMapping("/api/intake/instruments/score")
	@PreAuthorize(Roles.IS_CARE_TEAM_OR_ADMIN)
	@Operation(summary = "Score PHQ-9, GAD-7, PCL-5 and C-SSRS answers as given so far, storing nothing",
			description = "Each instrument given answers how many of its items are answered and, once all are, its "
					+ "score as a recorded screening scores it; 400 naming the item (`phq9[3]`, `cssrs.q4`) for an "
					+ "answer out of range")
	Scores score(@RequestBody ScoreRequest request) {
		var c = request.cssrs();
		var scores = screenings.score(new ScreeningService.PartialAnswers(request.phq9(), request.gad7(),
				request.pcl5(),
				c == null ? null : new ScreeningService.CssrsAnswers(c.q1(), c.q2(), c.q3(), c.q4(), c.q5(), c.q6())));
		return new Scores(scores.phq9() == null ? null : Phq9Score.of(scores.phq9()),
				scores.gad7() == null ? null : Gad7Score.of(scores.gad7()),
				scores.pcl5() == null ? null : Pcl5Score.of(scores.pcl5()),
				scores.cssrs() == null ? null : CssrsScore.of(scores.cssrs()), scores.suicideRisk());
	}
}
