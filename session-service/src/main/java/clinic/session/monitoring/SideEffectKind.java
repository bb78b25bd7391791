package clinic.session.monitoring;

/** The side effects DOMAIN.md lists, and OTHER (described in the note). */
public enum SideEffectKind {
	NAUSEA, DIZZINESS, DISSOCIATION, BLURRED_VISION, HALLUCINATIONS, ANXIETY, HEADACHE, ELEVATED_BP, OTHER
}
