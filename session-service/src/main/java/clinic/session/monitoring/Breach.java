package clinic.session.monitoring;

/** A measurement beyond the clinic's threshold: which one, the value read and the limit it crossed. */
public record Breach(VitalSign vital, int value, int limit, String description) {
}
