package clinic.session.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.springframework.web.util.HtmlUtils;

import clinic.instruments.Cadss6;
import clinic.instruments.Phq9;
import clinic.session.monitoring.ReadingSlot;
import clinic.session.records.SessionChart;

/**
 * The printable session summary: one self-contained HTML page. Every value goes through {@link #e} (HTML escaping),
 * whoever typed it; the page carries no script. Times are printed in UTC with the zone named.
 */
final class SummaryPage {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private SummaryPage() {
	}

	static String render(SessionChart chart) {
		var r = chart.record();
		var html = new StringBuilder(8192);
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Session summary · ")
			.append(e(r.patientName()))
			.append("</title><style>body{font:12pt/1.4 serif;margin:2em}table{border-collapse:collapse;margin:.5em 0}"
					+ "td,th{border:1px solid #999;padding:2px 6px;text-align:left}h2{margin-top:1.2em}"
					+ ".breach{font-weight:bold}</style></head><body>\n");
		html.append("<h1>Infusion session summary</h1>\n<table>")
			.append(row("Patient", r.patientName()))
			.append(row("Patient id", r.patientId()))
			.append(row("Session record", r.id()))
			.append(row("Status", r.status()))
			.append(row("Dose plan", r.dosePlan().route() + " " + r.dosePlan().mgPerKg().toPlainString() + " mg/kg"))
			.append(row("Opened", by(r.openedBy(), r.openedAt())))
			.append("</table>\n");
		checkIn(html, chart);
		dosing(html, chart);
		vitals(html, chart);
		html.append(list("Alerts", r.alerts(), a -> time(a.raisedAt()) + " " + a.phase() + ": "
				+ String.join(", ", a.breaches().stream().map(b -> b.description()).toList()) + " → "
				+ (a.response() == null ? "NO ACTION RECORDED"
						: a.response().action() + (a.response().reason() == null ? "" : " (" + a.response().reason() + ")")
								+ " by " + by(a.response().respondedBy(), a.response().respondedAt()))));
		html.append(list("Side effects", r.sideEffects(), s -> s.effect() + " (" + s.severity() + ")"
				+ (s.note() == null ? "" : ": " + s.note()) + " · " + by(s.recordedBy(), s.recordedAt())));
		html.append(list("CADSS-6", r.cadssScores(),
				c -> c.total() + " / " + Cadss6.MAX_TOTAL + " · " + by(c.recordedBy(), c.recordedAt())));
		html.append(list("Adverse events", r.adverseEvents(), a -> a.grade() + ": " + a.description() + " · "
				+ by(a.reportedBy(), a.reportedAt())));
		discharge(html, chart);
		html.append(list("Addenda", r.addenda(), a -> by(a.writtenBy(), a.writtenAt()) + ": " + a.text()));
		html.append("<p><small>Printed ").append(e(time(chart.asOf()))).append("</small></p>\n</body></html>\n");
		return html.toString();
	}

	private static void checkIn(StringBuilder html, SessionChart chart) {
		var c = chart.record().checkIn();
		html.append("<h2>Check-in</h2>\n");
		if (c == null) {
			html.append("<p>Not checked in.</p>\n");
			return;
		}
		html.append("<table>")
			.append(row("Identity confirmed", yes(c.identityConfirmed())))
			.append(row("Escort / driver home", yes(c.escortConfirmed()) + (c.escortName() == null ? "" : " (" + c.escortName() + ")")))
			.append(row("Fasting", yes(c.fasting())))
			.append(row("Medication changes", c.medicationChanges() == null ? "none recorded" : c.medicationChanges()))
			.append(row("PHQ-9 before the session", c.phq9() == null ? "not taken"
					: c.phq9().total() + " / " + Phq9.MAX_TOTAL + (c.phq9().suicideRiskFlag() ? " — item 9 above 0: suicide-risk flag" : "")))
			.append(row("Checked in", by(c.checkedInBy(), c.checkedInAt())));
		var bp = chart.record().preDoseClearance();
		if (bp != null) {
			html.append(row("Pre-dose BP confirmed", bp.reason() + " · " + by(bp.clearedBy(), bp.clearedAt())));
		}
		html.append("</table>\n");
	}

	private static void dosing(StringBuilder html, SessionChart chart) {
		var d = chart.record().dosing();
		html.append("<h2>Dose</h2>\n");
		if (d == null) {
			html.append("<p>No dose given.</p>\n");
			return;
		}
		html.append("<table>")
			.append(row("Weight at the chair", d.weightKg().toPlainString() + " kg"))
			.append(row("Planned dose", d.plannedDoseMg().toPlainString() + " mg"))
			.append(row("Dose given", d.doseMg().toPlainString() + " mg"))
			.append(row("Infusion rate", d.infusionRateMgPerHour() == null ? "—" : d.infusionRateMgPerHour().toPlainString() + " mg/h"))
			.append(row("Drug lot", d.drugLot()))
			.append(row("Prepared by", d.preparedBy()))
			.append(row("Administered", by(d.administeredBy(), d.administeredAt())));
		var end = chart.record().infusionEnd();
		if (end != null) {
			html.append(row("Infusion ended", by(end.endedBy(), end.endedAt())));
		}
		html.append("</table>\n");
	}

	private static void vitals(StringBuilder html, SessionChart chart) {
		html.append("<h2>Vitals</h2>\n<table><tr><th>Time</th><th>Phase</th><th>BP</th><th>HR</th><th>SpO2</th>"
				+ "<th>RR</th><th>By</th><th>Breaches</th></tr>\n");
		for (var v : chart.record().vitals()) {
			html.append("<tr").append(v.breached() ? " class=\"breach\"" : "").append(">")
				.append(td(time(v.takenAt())))
				.append(td(v.phase()))
				.append(td(v.systolic() + "/" + v.diastolic()))
				.append(td(v.heartRate()))
				.append(td(v.spo2() + " %"))
				.append(td(v.respiratoryRate()))
				.append(td(v.takenBy()))
				.append(td(String.join("; ", v.breaches().stream().map(b -> b.description()).toList())))
				.append("</tr>\n");
		}
		html.append("</table>\n");
		var missed = chart.readings().stream().filter(s -> s.status() == ReadingSlot.Status.OVERDUE).toList();
		if (!missed.isEmpty()) {
			html.append("<p>Readings overdue or missed: ")
				.append(e(String.join(", ", missed.stream().map(s -> time(s.dueAt())).toList())))
				.append("</p>\n");
		}
	}

	private static void discharge(StringBuilder html, SessionChart chart) {
		var r = chart.record();
		var x = r.discharge();
		html.append("<h2>Discharge</h2>\n<table>");
		if (x != null) {
			html.append(row("Vitals near baseline", yes(x.vitalsNearBaseline())))
				.append(row("Alert and oriented", yes(x.alertAndOriented())))
				.append(row("Steady gait", yes(x.steadyGait())))
				.append(row("Escort present", yes(x.escortPresent())))
				.append(row("Written instructions given", yes(x.instructionsGiven())))
				.append(row("Checked", by(x.checkedBy(), x.checkedAt())));
		}
		html.append(row("Signed by nurse", r.nurseSignature() == null ? "not signed"
				: by(r.nurseSignature().signedBy(), r.nurseSignature().signedAt())))
			.append(row("Signed by clinician", r.clinicianSignature() == null ? "not signed"
					: by(r.clinicianSignature().signedBy(), r.clinicianSignature().signedAt())))
			.append(row("Notes", r.notes() == null ? "" : r.notes()))
			.append("</table>\n");
		if (!chart.openDischargeCriteria().isEmpty()) {
			html.append(list("Open discharge criteria", chart.openDischargeCriteria(), c -> c.detail()));
		}
	}

	private static <T> String list(String heading, List<T> items, Function<T, String> line) {
		var html = new StringBuilder("<h2>").append(e(heading)).append("</h2>\n");
		if (items.isEmpty()) {
			return html.append("<p>None recorded.</p>\n").toString();
		}
		html.append("<ul>");
		items.forEach(item -> html.append("<li>").append(e(line.apply(item))).append("</li>"));
		return html.append("</ul>\n").toString();
	}

	private static String row(String label, Object value) {
		return "<tr><th>" + e(label) + "</th>" + td(value) + "</tr>";
	}

	private static String td(Object value) {
		return "<td>" + e(value) + "</td>";
	}

	private static String by(String who, Instant when) {
		return who + ", " + time(when);
	}

	private static String yes(boolean value) {
		return value ? "yes" : "no";
	}

	private static String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}

	/** HTML-escapes any value, null as empty. */
	private static String e(Object value) {
		return value == null ? "" : HtmlUtils.htmlEscape(String.valueOf(value), "UTF-8");
	}
}
