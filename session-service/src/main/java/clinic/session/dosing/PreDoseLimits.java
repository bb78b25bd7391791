package clinic.session.dosing;

import org.springframework.stereotype.Component;

/** Whether a blood pressure before dosing is above the clinic's pre-dose limit (then a clinician confirms). */
@Component
public class PreDoseLimits {

	private final DosingSettings settings;

	public PreDoseLimits(DosingSettings settings) {
		this.settings = settings;
	}

	public boolean elevated(int systolic, int diastolic) {
		return systolic > settings.preDoseSystolicAbove() || diastolic > settings.preDoseDiastolicAbove();
	}

	public String describe() {
		return settings.preDoseSystolicAbove() + "/" + settings.preDoseDiastolicAbove() + " mmHg";
	}
}
