package clinic.session.doseplans;

import java.math.BigDecimal;

/** The dose plan a clinician set when clearing the patient: route and mg/kg of body weight. */
public record DosePlan(Route route, BigDecimal mgPerKg) {
}
