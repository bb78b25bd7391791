package clinic.intake.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.intake.eligibility.EligibilityRules;
import clinic.intake.eligibility.EligibilitySettings;
import clinic.intake.eligibility.RuleSettingsService;
import clinic.intake.eligibility.RuleSettingsVersion;
import clinic.intake.eligibility.Severity;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The eligibility rule catalogue and its versioned thresholds; an administrator adds a version. */
@RestController
@RequestMapping("/api/intake/eligibility-rules")
class EligibilityRulesController {

	private final RuleSettingsService settings;

	EligibilityRulesController(RuleSettingsService settings) {
		this.settings = settings;
	}

	record RuleView(String id, String description, Severity severity, List<String> reads) {
	}

	record SettingsView(int version, int absoluteSystolicAbove, int absoluteDiastolicAbove, int reviewSystolicAbove,
			int reviewDiastolicAbove, int minimumAgeYears, int abstinenceMonths, int requiredFailedTrials,
			String changedBy, Instant changedAt, String reason) {

		static SettingsView of(RuleSettingsVersion v) {
			var s = v.settings();
			return new SettingsView(v.version(), s.absoluteSystolicAbove(), s.absoluteDiastolicAbove(),
					s.reviewSystolicAbove(), s.reviewDiastolicAbove(), s.minimumAgeYears(), s.abstinenceMonths(),
					s.requiredFailedTrials(), v.changedBy(), v.changedAt(), v.reason());
		}
	}

	record CatalogueView(SettingsView settings, List<RuleView> rules) {

		static CatalogueView of(EligibilityRules rules) {
			return new CatalogueView(SettingsView.of(rules.settingsVersion()), rules.rules()
				.stream()
				.map(r -> new RuleView(r.id(), r.description(), r.severity(), r.reads()))
				.toList());
		}
	}

	/**
	 * New thresholds with the reason for the change. {@code basedOnVersion}, the version the administrator read, is
	 * optional: given, the change is refused (409) when another version was added since. The bounds are plausibility limits of the setting itself
	 * (systolic 100–250, diastolic 50–150 mmHg), not clinical thresholds; review limits must not exceed absolute ones.
	 */
	record SettingsRequest(@NotNull @Min(100) @Max(250) Integer absoluteSystolicAbove,
			@NotNull @Min(50) @Max(150) Integer absoluteDiastolicAbove,
			@NotNull @Min(100) @Max(250) Integer reviewSystolicAbove,
			@NotNull @Min(50) @Max(150) Integer reviewDiastolicAbove, @NotNull @Min(0) @Max(99) Integer minimumAgeYears,
			@NotNull @Min(0) @Max(240) Integer abstinenceMonths, @NotNull @Min(0) @Max(20) Integer requiredFailedTrials,
			@NotBlank @Size(max = 2000) String reason, @Nullable Integer basedOnVersion) {
	}

	@GetMapping
	@PreAuthorize(Roles.IS_CLINICIAN_OR_ADMIN)
	@Operation(summary = "The eligibility rules (id, description, severity, facts read) and the thresholds in force")
	CatalogueView rules() {
		return CatalogueView.of(settings.rules());
	}

	@GetMapping("/settings")
	@PreAuthorize(Roles.IS_CLINICIAN_OR_ADMIN)
	@Operation(summary = "Every version of the rule thresholds, oldest first")
	List<SettingsView> history() {
		return settings.history().stream().map(SettingsView::of).toList();
	}

	@PutMapping("/settings")
	@PreAuthorize(Roles.IS_ADMIN)
	@Operation(summary = "Set new rule thresholds: adds a version; later proposals use it, earlier ones keep theirs; "
			+ "with basedOnVersion (the version read) 409 when another version was added since")
	CatalogueView change(@Valid @RequestBody SettingsRequest request) {
		var created = settings.change(new EligibilitySettings(request.absoluteSystolicAbove(), request.absoluteDiastolicAbove(),
				request.reviewSystolicAbove(), request.reviewDiastolicAbove(), request.minimumAgeYears(),
				request.abstinenceMonths(), request.requiredFailedTrials()), request.reason(), request.basedOnVersion());
		return CatalogueView.of(new EligibilityRules(created));
	}
}
