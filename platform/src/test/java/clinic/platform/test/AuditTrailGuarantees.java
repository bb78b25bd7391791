package clinic.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The audit trail every service must keep (HIPAA §164.312(b)), run on the service as the module's integration tests
 * share it. Every call to {@code /api/**} leaves a row naming who (the user, or {@code anonymous} without a valid
 * token), the operation and its kind, every patient it named, the client's address and agent, and the status the
 * caller really got: refusals (401, 403) included, searches naming every patient they showed. A change's row is
 * written in the change's transaction (a change whose row cannot be written is not made), a read's row before its
 * answer leaves (a read whose row cannot be written is answered 503 without the data). The application cannot
 * rewrite the log, and administrators search it by patient and by user.
 * <p>
 * A service's test supplies a read of a patient of its own, a search that shows that patient, and a change that
 * inserts a row (its table, and how to find the row's id once made). Each test calls as a user of a name of its own,
 * so rows of other tests never get in the way.
 */
public interface AuditTrailGuarantees {

	/** Agents whose rows the trigger {@link #auditRowsRefusedFor} installs refuses to store. */
	String REFUSED_AGENT = "audit-test-refused";

	/** A read of one patient's data: the request's path, the operation it is, a role allowed and one refused. */
	record PatientRead(UUID patient, String path, String operation, String allowedRole, String refusedRole) {
	}

	/** A search or list whose answer shows the patient of a read. */
	record Search(String pathAndQuery, String operation, String role) {
	}

	/**
	 * A change about {@code patient} as {@code role}, answered {@code status}, that inserts a row into {@code table}.
	 * {@code insertedId} finds the {@code id} of that row as text ({@code id::text}), or null while there is none: it
	 * tells whether the change was made, and which row's transaction id ({@code xmin}) the audit row must share. The
	 * row must be inserted by the change's transaction itself, not in a savepoint: a savepoint's rows carry the id of
	 * its subtransaction.
	 */
	record Change(MockHttpServletRequestBuilder request, String operation, String kind, String role, int status,
			UUID patient, String table, Callable<@Nullable String> insertedId) {
	}

	ConfigurableApplicationContext runningService();

	/** Makes a patient of this test's own, and says how to read their data. */
	PatientRead patientRead() throws Exception;

	/** A search or list that shows the patient of {@code read}. */
	Search searchShowing(PatientRead read) throws Exception;

	/** Prepares a change about a patient of this test's own (not yet sent). */
	Change change() throws Exception;

	/** Where administrators search this service's trail. */
	String auditPath();

	@Test
	default void givenACallerWithoutTheRoleWhenTheyReadAPatientThenTheRowSays403WithTheCallerAndThePatient()
			throws Exception {
		var read = patientRead();
		var user = uniqueUser("refused");
		mvc().perform(get(read.path()).with(Tokens.as(user, read.refusedRole()))).andExpect(status().isForbidden());
		var row = onlyRowOf(user);
		assertThat(row.outcome()).isEqualTo(403);
		assertThat(row.action()).isEqualTo(read.operation());
		assertThat(row.patients()).containsExactly(read.patient());
	}

	@Test
	default void givenNoValidTokenWhenSomeoneReadsAPatientThenTheRowSays401AnonymousWithTheOperation()
			throws Exception {
		var read = patientRead();
		var agent = "audit-test-" + UUID.randomUUID();
		mvc().perform(get(read.path()).header("User-Agent", agent)).andExpect(status().isUnauthorized());
		mvc().perform(get(read.path()).header("User-Agent", agent).header("Authorization", "Bearer forged.token.here"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("error=\"invalid_token\"")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value(not(containsString("forged"))));
		var rows = rowsWhere("user_agent = ?", agent);
		assertThat(rows).hasSize(2).allSatisfy(row -> {
			assertThat(row.actor()).isEqualTo("anonymous");
			assertThat(row.outcome()).isEqualTo(401);
			assertThat(row.action()).isEqualTo(read.operation());
			assertThat(row.patients()).containsExactly(read.patient());
		});
	}

	@Test
	default void givenAReadThenItsRowNamesTheReaderThePatientWhereFromAndTheOutcome() throws Exception {
		var read = patientRead();
		var user = uniqueUser("reader");
		mvc().perform(get(read.path()).with(Tokens.as(user, read.allowedRole()))
			.header("X-Forwarded-For", "198.51.100.7, 203.0.113.9")
			.header("User-Agent", "Clinic browser 1.0")).andExpect(status().isOk());
		var row = onlyRowOf(user);
		assertThat(row.outcome()).isEqualTo(200);
		assertThat(row.kind()).isEqualTo("read");
		assertThat(row.action()).isEqualTo(read.operation());
		assertThat(row.patients()).containsExactly(read.patient());
		assertThat(row.clientAddress()).as("the hop the gateway added, not what the client claimed")
			.isEqualTo("203.0.113.9");
		assertThat(row.userAgent()).isEqualTo("Clinic browser 1.0");
	}

	@Test
	default void givenASearchThenItsRowNamesEveryPatientItShowed() throws Exception {
		var read = patientRead();
		var other = patientRead();
		var search = searchShowing(read);
		var user = uniqueUser("searcher");
		mvc().perform(get(search.pathAndQuery()).with(Tokens.as(user, search.role()))).andExpect(status().isOk());
		var row = onlyRowOf(user);
		assertThat(row.outcome()).isEqualTo(200);
		assertThat(row.kind()).isEqualTo("search");
		assertThat(row.action()).isEqualTo(search.operation());
		assertThat(row.patients()).contains(read.patient()).doesNotContain(other.patient());
	}

	@Test
	default void givenAChangeThenItsRowIsWrittenInTheChangesOwnTransaction() throws Exception {
		var change = change();
		var user = uniqueUser("changer");
		mvc().perform(change.request().with(Tokens.as(user, change.role())))
			.andExpect(status().is(change.status()));
		var inserted = change.insertedId().call();
		assertThat(inserted).as("the change inserted its row into %s", change.table()).isNotNull();
		var row = onlyRowOf(user);
		assertThat(row.outcome()).isEqualTo(change.status());
		assertThat(row.kind()).isEqualTo(change.kind());
		assertThat(row.action()).isEqualTo(change.operation());
		assertThat(row.patients()).contains(change.patient());
		var changeTransaction = jdbc().sql("select xmin::text from " + change.table() + " where id::text = ?")
			.param(inserted)
			.query(String.class)
			.single();
		var auditTransaction = jdbc().sql("select xmin::text from audit_log where actor = ?")
			.param(user)
			.query(String.class)
			.single();
		assertThat(auditTransaction).as("the audit row was inserted by the transaction that inserted the %s row",
				change.table())
			.isEqualTo(changeTransaction);
	}

	@Test
	default void givenTheAuditRowOfAChangeCannotBeWrittenThenTheChangeIsNotMadeAndTheAnswerIs503() throws Exception {
		auditRowsRefusedFor(runningService().getEnvironment());
		var change = change();
		var user = uniqueUser("unrecorded");
		mvc().perform(change.request().with(Tokens.as(user, change.role())).header("User-Agent", REFUSED_AGENT))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Audit trail unavailable"));
		assertThat(change.insertedId().call()).as("the change rolled back with its audit row").isNull();
	}

	@Test
	default void givenTheAuditRowOfAReadCannotBeWrittenThenTheAnswerIs503WithoutTheData() throws Exception {
		auditRowsRefusedFor(runningService().getEnvironment());
		var read = patientRead();
		var answer = mvc().perform(get(read.path()).with(Tokens.as(uniqueUser("unrecorded"), read.allowedRole()))
			.header("User-Agent", REFUSED_AGENT))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).contains("Audit trail unavailable").doesNotContain(read.patient().toString());
	}

	@Test
	default void givenTheApplicationsOwnConnectionThenItCannotUpdateDeleteOrTruncateTheAuditLog() throws Exception {
		var read = patientRead();
		var user = uniqueUser("kept");
		mvc().perform(get(read.path()).with(Tokens.as(user, read.allowedRole()))).andExpect(status().isOk());
		var jdbc = jdbc();
		// refused by the application role's grants (SELECT, INSERT only); under a role with more, by the triggers
		var refused = "(?s).*(permission denied|append-only).*";
		assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'someone else' where actor = ?")
			.param(user)
			.update()).rootCause().hasMessageMatching(refused);
		assertThatThrownBy(() -> jdbc.sql("delete from audit_log where actor = ?").param(user).update()).rootCause()
			.hasMessageMatching(refused);
		assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update()).rootCause().hasMessageMatching(refused);
		assertThat(onlyRowOf(user).actor()).isEqualTo(user);
	}

	@Test
	default void givenReadsWhenAnAdministratorSearchesByPatientOrUserThenTheyAreFoundAndTheSearchIsAudited()
			throws Exception {
		var read = patientRead();
		var reader = uniqueUser("reader");
		mvc().perform(get(read.path()).with(Tokens.as(reader, read.allowedRole()))).andExpect(status().isOk());
		var admin = uniqueUser("auditor");
		mvc().perform(get(auditPath()).param("patient", read.patient().toString()).with(Tokens.as(admin, "admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries[?(@.actor == '%s')].action".formatted(reader)).value(read.operation()))
			.andExpect(jsonPath("$.entries[?(@.actor == '%s')].outcome".formatted(reader)).value(200));
		mvc().perform(get(auditPath()).param("user", reader)
			.param("from", java.time.Instant.now().minusSeconds(3600).toString())
			.with(Tokens.as(admin, "admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries.length()").value(1))
			.andExpect(jsonPath("$.entries[0].patientIds[0]").value(read.patient().toString()));
		var searches = rowsWhere("actor = ?", admin);
		assertThat(searches).hasSize(2).allSatisfy(row -> assertThat(row.kind()).isEqualTo("search"));
		assertThat(searches.get(0).patients()).containsExactly(read.patient());

		var curious = uniqueUser("curious");
		mvc().perform(get(auditPath()).with(Tokens.as(curious, read.allowedRole()))).andExpect(status().isForbidden());
		assertThat(onlyRowOf(curious).outcome()).isEqualTo(403);
	}

	/** An audit row as the tests read it. */
	record Row(String actor, String action, @Nullable String kind, List<UUID> patients, int outcome,
			@Nullable String clientAddress, @Nullable String userAgent) {
	}

	default MockMvc mvc() {
		return runningService().getBean(MockMvc.class);
	}

	default JdbcClient jdbc() {
		return runningService().getBean(JdbcClient.class);
	}

	default Row onlyRowOf(String actor) {
		var rows = rowsWhere("actor = ?", actor);
		assertThat(rows).as("audit rows of " + actor).hasSize(1);
		return rows.get(0);
	}

	default List<Row> rowsWhere(String condition, Object value) {
		return jdbc().sql("select actor, action, kind, patient_ids, outcome, client_address, user_agent from audit_log"
				+ " where " + condition + " order by id")
			.param(value)
			.query((rs, n) -> new Row(rs.getString("actor"), rs.getString("action"), rs.getString("kind"),
					Arrays.stream((Object[]) rs.getArray("patient_ids").getArray()).map(UUID.class::cast).toList(),
					rs.getInt("outcome"), rs.getString("client_address"), rs.getString("user_agent")))
			.list();
	}

	static String uniqueUser(String role) {
		return "audit-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Makes the audit log refuse rows whose user agent is {@link #REFUSED_AGENT}, as a full disk or a lost connection
	 * would refuse any row. Installed as the schema's owner (Flyway's user where it has one of its own); other rows
	 * are stored as before.
	 */
	static void auditRowsRefusedFor(Environment environment) throws SQLException {
		var url = environment.getProperty("spring.flyway.url", environment.getRequiredProperty("spring.datasource.url"));
		var user = environment.getProperty("spring.flyway.user",
				environment.getRequiredProperty("spring.datasource.username"));
		var password = environment.getProperty("spring.flyway.password",
				environment.getProperty("spring.datasource.password", ""));
		try (var owner = DriverManager.getConnection(url, user, password); var statement = owner.createStatement()) {
			statement.execute("""
					create or replace function audit_test_refuses_agent() returns trigger language plpgsql as $$
					begin
					  if new.user_agent = '%s' then
					    raise exception 'audit_log refuses this test''s rows';
					  end if;
					  return new;
					end $$""".formatted(REFUSED_AGENT));
			statement.execute("""
					create or replace trigger audit_test_refuses_agent before insert on audit_log
					for each row execute function audit_test_refuses_agent()""");
		}
	}
}
