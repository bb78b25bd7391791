package clinic.intake.eligibility.persistence;

import static clinic.platform.jdbc.Timestamps.instant;
import static clinic.platform.jdbc.Timestamps.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import clinic.intake.eligibility.EligibilitySettings;
import clinic.intake.eligibility.RuleSettingsVersion;
import clinic.intake.eligibility.RuleSettingsVersions;

@Repository
class JdbcRuleSettingsVersions implements RuleSettingsVersions {

	private final JdbcClient jdbc;

	JdbcRuleSettingsVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public RuleSettingsVersion current() {
		return jdbc.sql("select * from rule_settings_version order by version desc limit 1")
			.query(JdbcRuleSettingsVersions::version)
			.single();
	}

	/** The next version number is taken under the primary key: two concurrent changes cannot share one. */
	@Override
	public RuleSettingsVersion add(EligibilitySettings s, String changedBy, Instant changedAt, String reason) {
		return jdbc.sql("""
				insert into rule_settings_version (version, absolute_systolic_above, absolute_diastolic_above,
				  review_systolic_above, review_diastolic_above, minimum_age_years, abstinence_months,
				  required_failed_trials, changed_by, changed_at, reason)
				select coalesce(max(version), 0) + 1, :absSys, :absDia, :revSys, :revDia, :age, :months, :trials, :by,
				  :at, :reason
				from rule_settings_version
				returning *""")
			.param("absSys", s.absoluteSystolicAbove())
			.param("absDia", s.absoluteDiastolicAbove())
			.param("revSys", s.reviewSystolicAbove())
			.param("revDia", s.reviewDiastolicAbove())
			.param("age", s.minimumAgeYears())
			.param("months", s.abstinenceMonths())
			.param("trials", s.requiredFailedTrials())
			.param("by", changedBy)
			.param("at", timestamp(changedAt))
			.param("reason", reason)
			.query(JdbcRuleSettingsVersions::version)
			.single();
	}

	@Override
	public List<RuleSettingsVersion> all() {
		return jdbc.sql("select * from rule_settings_version order by version")
			.query(JdbcRuleSettingsVersions::version)
			.list();
	}

	private static RuleSettingsVersion version(ResultSet rs, int row) throws SQLException {
		var settings = new EligibilitySettings(rs.getInt("absolute_systolic_above"),
				rs.getInt("absolute_diastolic_above"), rs.getInt("review_systolic_above"),
				rs.getInt("review_diastolic_above"), rs.getInt("minimum_age_years"), rs.getInt("abstinence_months"),
				rs.getInt("required_failed_trials"));
		return new RuleSettingsVersion(rs.getInt("version"), settings, rs.getString("changed_by"),
				instant(rs, "changed_at"), rs.getString("reason"));
	}
}
