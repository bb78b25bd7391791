package clinic.session.monitoring;

/**
 * Where the session is, which decides how often vitals are due: before the dose, during an IV infusion (every
 * {@code infusion-interval}), and in recovery after the infusion ended or after an IM or intranasal dose (every
 * {@code recovery-interval}).
 */
public enum Phase {
	PRE_DOSE, INFUSION, RECOVERY
}
