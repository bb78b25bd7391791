package clinic.instruments;

import java.util.ArrayList;
import java.util.List;

/**
 * C-SSRS screener (Columbia, screen version with triage): six yes/no questions. Q1 wish to be dead, Q2 suicidal
 * thoughts (both past month); Q3 thoughts with method, Q4 intent, Q5 plan, asked only when Q2 is yes; Q6 suicidal
 * behaviour in the past 3 months. High risk: yes to Q4 or Q5 (past month) or Q6 (behaviour in the past 3 months).
 * Unasked questions (Q3–Q5 when Q2 is no) are null.
 */
public record Cssrs(Boolean q1, Boolean q2, Boolean q3, Boolean q4, Boolean q5, Boolean q6, boolean highRisk) {

	private static final String INSTRUMENT = "C-SSRS";

	/**
	 * Scores the answers; rejects a missing Q1, Q2 or Q6, a missing Q3–Q5 when Q2 is yes, and a yes to Q3–Q5 when
	 * Q2 is no (those are not asked then: an answer there means the form was filled in wrongly), naming the item
	 * under {@code field} (e.g. {@code "cssrs"} gives {@code "cssrs.q4"}).
	 */
	public static Cssrs score(Boolean q1, Boolean q2, Boolean q3, Boolean q4, Boolean q5, Boolean q6, String field) {
		require(q1, field, 1);
		require(q2, field, 2);
		require(q6, field, 6);
		Boolean[] followUps = { q3, q4, q5 };
		for (int i = 0; i < followUps.length; i++) {
			int question = i + 3;
			if (q2 && followUps[i] == null) {
				throw invalid(field, question, "C-SSRS Q" + question + " must be answered yes or no when Q2 is yes");
			}
			if (!q2 && Boolean.TRUE.equals(followUps[i])) {
				throw invalid(field, question, "C-SSRS Q" + question + " is only asked when Q2 is yes, but Q2 is no");
			}
		}
		boolean highRisk = Boolean.TRUE.equals(q4) || Boolean.TRUE.equals(q5) || q6;
		return new Cssrs(q1, q2, q3, q4, q5, q6, highRisk);
	}

	/**
	 * The screener's answers so far (null where not yet answered): Q1, Q2 and Q6 are always asked, Q3–Q5 only when
	 * Q2 is yes. A yes to Q3–Q5 while Q2 is no is refused as {@link #score} refuses it.
	 */
	public static Progress progress(Boolean q1, Boolean q2, Boolean q3, Boolean q4, Boolean q5, Boolean q6,
			String field) {
		Boolean[] followUps = { q3, q4, q5 };
		boolean followUpsAsked = Boolean.TRUE.equals(q2);
		int answered = 0;
		for (var answer : new Boolean[] { q1, q2, q6 }) {
			answered += answer == null ? 0 : 1;
		}
		for (int i = 0; i < followUps.length; i++) {
			if (followUpsAsked) {
				answered += followUps[i] == null ? 0 : 1;
			}
			else if (Boolean.FALSE.equals(q2) && Boolean.TRUE.equals(followUps[i])) {
				throw invalid(field, i + 3, "C-SSRS Q" + (i + 3) + " is only asked when Q2 is yes, but Q2 is no");
			}
		}
		return new Progress(answered, followUpsAsked ? 6 : 3);
	}

	/** The questions answered yes that make the screen high risk, e.g. {@code ["Q4", "Q6"]}. */
	public List<String> highRiskAnswers() {
		var answers = new ArrayList<String>();
		if (Boolean.TRUE.equals(q4)) {
			answers.add("Q4");
		}
		if (Boolean.TRUE.equals(q5)) {
			answers.add("Q5");
		}
		if (Boolean.TRUE.equals(q6)) {
			answers.add("Q6");
		}
		return List.copyOf(answers);
	}

	private static void require(Boolean answer, String field, int question) {
		if (answer == null) {
			throw invalid(field, question, "C-SSRS Q" + question + " must be answered yes or no");
		}
	}

	private static InvalidAnswerException invalid(String field, int question, String message) {
		return new InvalidAnswerException(field + ".q" + question, INSTRUMENT, question, message);
	}
}
