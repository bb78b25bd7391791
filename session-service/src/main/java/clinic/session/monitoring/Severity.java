package clinic.session.monitoring;

/** How bad a side effect is. */
public enum Severity {
	MILD, MODERATE, SEVERE
}
