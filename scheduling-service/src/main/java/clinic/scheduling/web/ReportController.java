package clinic.scheduling.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.scheduling.reports.DayUtilisation;
import clinic.scheduling.reports.UtilisationService;
import clinic.scheduling.reports.WeekUtilisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

/** Reports for the administrator: how a site's chairs were used. */
@RestController
@RequestMapping("/api/scheduling/reports")
class ReportController {

	private final UtilisationService utilisation;

	ReportController(UtilisationService utilisation) {
		this.utilisation = utilisation;
	}

	/**
	 * Chair time in chair-minutes (exact) and chair-hours (two decimals) for reading; {@code utilisationPercent} is
	 * booked over open, null when nothing was open.
	 */
	record Figures(long openChairMinutes, long staffedChairMinutes, long bookedChairMinutes, long noShowChairMinutes,
			BigDecimal openChairHours, BigDecimal staffedChairHours, BigDecimal bookedChairHours,
			BigDecimal noShowChairHours, @Nullable BigDecimal utilisationPercent, int appointments, int noShows) {

		static Figures of(long open, long staffed, long booked, long noShow, @Nullable BigDecimal percent,
				int appointments, int noShows) {
			return new Figures(open, staffed, booked, noShow, hours(open), hours(staffed), hours(booked),
					hours(noShow), percent, appointments, noShows);
		}

		private static BigDecimal hours(long minutes) {
			return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
		}
	}

	/**
	 * A day on the site's clock: {@code opens}–{@code closes} its opening hours that weekday (null when it does not
	 * open that weekday), {@code closure} why it is closed that day, {@code open} whether it opened at all.
	 */
	@Schema(name = "UtilisationDayView")
	record DayView(LocalDate date, boolean open, @Nullable LocalTime opens, @Nullable LocalTime closes,
			@Nullable String closure, Figures figures) {

		static DayView of(DayUtilisation d) {
			return new DayView(d.date(), d.open(), d.hours() == null ? null : d.hours().opens(),
					d.hours() == null ? null : d.hours().closes(), d.closure(),
					Figures.of(d.openChairMinutes(), d.staffedChairMinutes(), d.bookedChairMinutes(),
							d.noShowChairMinutes(), d.utilisationPercent(), d.appointments(), d.noShows()));
		}
	}

	record UtilisationView(UUID siteId, String siteName, String timeZone, String week, LocalDate from, LocalDate to,
			int chairsInService, List<DayView> days, Figures total) {

		static UtilisationView of(WeekUtilisation w) {
			return new UtilisationView(w.siteId(), w.siteName(), w.zone().getId(), w.week().toString(),
					w.week().monday(), w.week().sunday(), w.chairsInService(),
					w.days().stream().map(DayView::of).toList(),
					Figures.of(w.openChairMinutes(), w.staffedChairMinutes(), w.bookedChairMinutes(),
							w.noShowChairMinutes(), w.utilisationPercent(), w.appointments(), w.noShows()));
		}
	}

	@GetMapping("/utilisation")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Admin: a site's utilisation in an ISO week (week=2026-W48; default the current week on the "
			+ "site's clock), Monday to Sunday on the site's clock: per day and in total, chair-hours open (chairs in "
			+ "service × opening hours, closure days none), staffed (as far as the nurses on shift can watch them), "
			+ "booked (appointments holding chair time, no-shows included, cancellations not), utilisation % (booked "
			+ "over open) and no-shows (count and chair-hours); 400 naming week when it is no ISO week")
	UtilisationView utilisation(@RequestParam(required = false) @Nullable UUID siteId,
			@RequestParam(required = false) @Nullable String week) {
		return UtilisationView.of(utilisation.week(siteId, week));
	}
}
