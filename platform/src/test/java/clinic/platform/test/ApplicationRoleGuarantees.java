package clinic.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database lets a service's own account do, run on the service as its integration tests share it: it is an
 * application role that owns nothing, so it cannot change the schema, drop or disable a trigger, or create a table;
 * the audit log and the records that are final once written it may only add to and read, by privilege (SQLState
 * 42501, refused before any trigger is asked). A service's test names its final records.
 */
public interface ApplicationRoleGuarantees {

	/** PostgreSQL's insufficient_privilege. */
	String INSUFFICIENT_PRIVILEGE = "42501";

	/** The service the module's integration tests share. */
	ConfigurableApplicationContext runningService();

	/** Tables of the service whose rows are final once written (the audit log is checked anyway). */
	List<String> finalRecords();

	/** Tables the service updates (until a record is signed, say) but never deletes from. */
	default List<String> recordsNeverRemoved() {
		return List.of();
	}

	private JdbcClient asTheService() {
		return JdbcClient.create(runningService().getBean(DataSource.class));
	}

	@Test
	default void theServiceRunsAsARoleThatOwnsNothingAndMayDoNothingBeyondRows() {
		var jdbc = asTheService();
		var role = jdbc.sql("select current_user").query(String.class).single();
		assertThat(role).isEqualTo(runningService().getEnvironment().getRequiredProperty("spring.datasource.username"));
		assertThat(jdbc.sql("select rolsuper or rolcreatedb or rolcreaterole or rolbypassrls from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single()).as("%s has more than LOGIN", role).isFalse();
		assertThat(jdbc.sql("select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = current_user)")
			.query(Long.class)
			.single()).as("relations owned by %s", role).isZero();
		assertThat(jdbc.sql("select count(*) from pg_proc where proowner = (select oid from pg_roles where rolname = current_user)")
			.query(Long.class)
			.single()).as("functions owned by %s", role).isZero();
		assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isNotNegative();
	}

	@Test
	default void theServiceCannotChangeTheSchemaNorTheTriggersThatGuardTheAuditLog() {
		var jdbc = asTheService();
		for (var statement : List.of("create table intruder (id int)",
				"alter table audit_log disable trigger audit_log_no_update_or_delete",
				"alter table audit_log disable trigger all",
				"drop trigger audit_log_no_truncate on audit_log",
				"alter table audit_log add column rewritten text",
				"alter table audit_log owner to current_user",
				"drop table audit_log",
				"create or replace function audit_log_is_append_only() returns trigger language plpgsql as $$ begin return new; end $$",
				"delete from flyway_schema_history")) {
			assertRefusedByPrivilege(jdbc, statement);
		}
	}

	@TestFactory
	default Stream<DynamicTest> theAuditLogAndFinalRecordsAreOnlyAddedToAndRead() {
		var jdbc = asTheService();
		var tables = new ArrayList<String>();
		tables.add("audit_log");
		tables.addAll(finalRecords());
		return tables.stream().flatMap(table -> {
			var column = jdbc.sql("""
					select column_name from information_schema.columns
					where table_schema = current_schema() and table_name = :table order by ordinal_position limit 1""")
				.param("table", table)
				.query(String.class)
				.optional()
				.orElseThrow(() -> new AssertionError("no table " + table + " the service can read"));
			return Stream.of(
					DynamicTest.dynamicTest(table + " cannot be updated",
							() -> assertRefusedByPrivilege(jdbc, "update " + table + " set " + column + " = " + column)),
					DynamicTest.dynamicTest(table + " cannot be deleted from",
							() -> assertRefusedByPrivilege(jdbc, "delete from " + table)),
					DynamicTest.dynamicTest(table + " cannot be truncated",
							() -> assertRefusedByPrivilege(jdbc, "truncate " + table)),
					DynamicTest.dynamicTest(table + " can be read", () -> assertThat(
							jdbc.sql("select count(*) from " + table).query(Long.class).single()).isNotNegative()));
		});
	}

	@TestFactory
	default Stream<DynamicTest> recordsThatAreNeverRemovedCannotBeDeletedNorTruncated() {
		var jdbc = asTheService();
		return recordsNeverRemoved().stream()
			.flatMap(table -> Stream.of(
					DynamicTest.dynamicTest(table + " cannot be deleted from",
							() -> assertRefusedByPrivilege(jdbc, "delete from " + table)),
					DynamicTest.dynamicTest(table + " cannot be truncated",
							() -> assertRefusedByPrivilege(jdbc, "truncate " + table))));
	}

	private static void assertRefusedByPrivilege(JdbcClient jdbc, String statement) {
		assertThatThrownBy(() -> jdbc.sql(statement).update()).as(statement)
			.isInstanceOf(DataAccessException.class)
			.satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause())
				.as("why '%s' was refused", statement)
				.isInstanceOfSatisfying(SQLException.class,
						sql -> assertThat(sql.getSQLState()).as(sql.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE)));
	}
}
