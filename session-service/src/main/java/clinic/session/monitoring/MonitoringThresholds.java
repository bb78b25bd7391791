package clinic.session.monitoring;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** Checks a reading against the clinic's thresholds. A value exactly at a limit is within it. */
@Component
public class MonitoringThresholds {

	private final MonitoringSettings settings;

	public MonitoringThresholds(MonitoringSettings settings) {
		this.settings = settings;
	}

	public List<Breach> breaches(VitalSigns signs) {
		var breaches = new ArrayList<Breach>();
		if (signs.systolic() > settings.systolicAbove()) {
			breaches.add(new Breach(VitalSign.SYSTOLIC, signs.systolic(), settings.systolicAbove(),
					"Systolic pressure " + signs.systolic() + " mmHg above " + settings.systolicAbove()));
		}
		if (signs.diastolic() > settings.diastolicAbove()) {
			breaches.add(new Breach(VitalSign.DIASTOLIC, signs.diastolic(), settings.diastolicAbove(),
					"Diastolic pressure " + signs.diastolic() + " mmHg above " + settings.diastolicAbove()));
		}
		if (signs.heartRate() > settings.heartRateAbove()) {
			breaches.add(new Breach(VitalSign.HEART_RATE, signs.heartRate(), settings.heartRateAbove(),
					"Heart rate " + signs.heartRate() + "/min above " + settings.heartRateAbove()));
		}
		if (signs.spo2() < settings.spo2Below()) {
			breaches.add(new Breach(VitalSign.SPO2, signs.spo2(), settings.spo2Below(),
					"SpO2 " + signs.spo2() + " % below " + settings.spo2Below()));
		}
		return List.copyOf(breaches);
	}
}
