package clinic.intake.alerts;

/** One alert about a patient, in the words every page shows it. */
public record SafetyAlert(Kind kind, String text) {

	public enum Kind {
		SUICIDE_RISK("suicide-risk"), DECLINED("declined"), ALLERGY("allergy");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		/** The name pages know the kind by (and style it with). */
		public String code() {
			return code;
		}
	}
}
