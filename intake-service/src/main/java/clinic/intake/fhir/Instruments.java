package clinic.intake.fhir;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import clinic.instruments.Gad7;
import clinic.instruments.Pcl5;
import clinic.instruments.Phq9;
import clinic.intake.outcomes.OutcomeScores;

/**
 * How FHIR names the clinic's questionnaires, in LOINC: the panel (a QuestionnaireResponse's {@code questionnaire},
 * as LOINC's own Questionnaires are named, {@code http://loinc.org/q/<panel>}), each item's code (its {@code linkId})
 * and the total score's code (the score's Observation and the response's last item). PCL-5's items have no LOINC code
 * the clinic relies on, so they are named by the instrument's own numbering, {@code pcl5-1} to {@code pcl5-20}.
 *
 * @param name the instrument as the clinic names it ({@link OutcomeScores#PHQ9}, …)
 * @param panel the LOINC panel code
 * @param panelDisplay the panel's LOINC name
 * @param total the LOINC code of the total score
 * @param totalDisplay the total score's LOINC name
 * @param items each item's linkId, in the instrument's order
 */
record Instruments(String name, String panel, String panelDisplay, String total, String totalDisplay,
		List<String> items) {

	static final String LOINC = "http://loinc.org";

	static final Instruments PHQ9 = new Instruments(OutcomeScores.PHQ9, "44249-1",
			"PHQ-9 quick depression assessment panel", "44261-6",
			"Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]", List.of("44250-9", "44255-8",
					"44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"));

	static final Instruments GAD7 = new Instruments(OutcomeScores.GAD7, "69737-5",
			"Generalized anxiety disorder 7 item (GAD-7)", "70274-6",
			"Generalized anxiety disorder 7 item (GAD-7) total score",
			List.of("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"));

	static final Instruments PCL5 = new Instruments(OutcomeScores.PCL5, "101697-1",
			"Post traumatic stress disorder checklist - civilian version DSM-5 [PCL-5]", "101698-9",
			"PTSD PCL-5 score [PCL-5]", IntStream.rangeClosed(1, Pcl5.ITEMS).mapToObj(i -> "pcl5-" + i).toList());

	static final List<Instruments> ALL = List.of(PHQ9, GAD7, PCL5);

	Instruments {
		items = List.copyOf(items);
	}

	static Instruments of(String name) {
		return ALL.stream()
			.filter(instrument -> instrument.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("not an instrument of FHIR's: " + name));
	}

	/** The instrument whose LOINC Questionnaire this canonical names (a version after {@code |} ignored). */
	static Optional<Instruments> ofQuestionnaire(String canonical) {
		var url = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
		return ALL.stream().filter(instrument -> instrument.questionnaire().equals(url)).findFirst();
	}

	/** The instrument whose total score this LOINC code names. */
	static Optional<Instruments> ofTotal(String code) {
		return ALL.stream().filter(instrument -> instrument.total().equals(code)).findFirst();
	}

	/** Of a name's slug ({@code phq9}), as resource ids carry it. */
	static Optional<Instruments> ofSlug(String slug) {
		return ALL.stream().filter(instrument -> instrument.slug().equals(slug)).findFirst();
	}

	String slug() {
		return OutcomeScores.slug(name);
	}

	String questionnaire() {
		return "http://loinc.org/q/" + panel;
	}

	/** The severity band of a total, as the instrument publishes it; PCL-5 publishes none. */
	Optional<String> band(int score) {
		var band = switch (slug()) {
			case "phq9" -> Phq9.Band.of(score).name();
			case "gad7" -> Gad7.Band.of(score).name();
			default -> null;
		};
		return Optional.ofNullable(band).map(b -> b.charAt(0) + b.substring(1).toLowerCase().replace('_', ' '));
	}
}
