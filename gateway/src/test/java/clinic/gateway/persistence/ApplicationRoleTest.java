package clinic.gateway.persistence;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import clinic.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway keeps its web sessions as an application role that owns nothing (the platform's grants, copied into
 * the gateway's build): it reads and writes session rows, cannot change the schema, and may only add to and read an
 * audit table, should the gateway have one.
 */
class ApplicationRoleTest extends GatewayTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void theGatewayRunsAsItsApplicationRoleWhichMayUseSessionRowsAndNothingMore() {
		var jdbc = JdbcClient.create(this.dataSource);
		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("gateway_app");
		assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isNotNegative();
		assertThat(jdbc.sql("select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = current_user)")
			.query(Long.class)
			.single()).isZero();
		for (String statement : List.of("create table intruder (id int)", "drop table spring_session_attributes",
				"alter table spring_session add column rewritten text", "delete from flyway_schema_history")) {
			assertRefusedByPrivilege(jdbc, statement);
		}
		for (String audit : jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema()"
				+ " and table_name like '%audit%'").query(String.class).list()) {
			assertRefusedByPrivilege(jdbc, "delete from " + audit);
			assertRefusedByPrivilege(jdbc, "truncate " + audit);
		}
	}

	private static void assertRefusedByPrivilege(JdbcClient jdbc, String statement) {
		assertThatThrownBy(() -> jdbc.sql(statement).update()).as(statement)
			.isInstanceOf(DataAccessException.class)
			.satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause())
				.isInstanceOfSatisfying(SQLException.class, sql -> assertThat(sql.getSQLState()).as(sql.getMessage()).isEqualTo("42501")));
	}

}
