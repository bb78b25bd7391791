package clinic.session.discharge;

/** A discharge criterion that does not hold yet, and why. */
public record OpenCriterion(DischargeCriterion criterion, String detail) {
}
