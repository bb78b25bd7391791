package clinic.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;

class RecordParametersTest {

	enum Status {
		OPEN, SIGNED
	}

	record Signature(String signedBy, Instant signedAt) {
	}

	record Dose(BigDecimal mg, int minutes) {
	}

	record Chart(UUID id, Status status, @Nullable Dose dose, @Nullable Signature signature, long version) {
	}

	private static final Instant AT = Instant.parse("2026-12-01T09:30:00Z");

	private final Chart open = new Chart(UUID.randomUUID(), Status.OPEN, new Dose(new BigDecimal("35.5"), 40), null, 3);

	@Test
	void readsComponentsAndTheRecordsTheyHoldByPath() {
		var signed = new Chart(open.id(), Status.SIGNED, open.dose(), new Signature("nurse", AT), 4);
		var parameters = RecordParameters.of(signed);

		assertThat(parameters.getValue("id")).isEqualTo(open.id());
		assertThat(parameters.getValue("dose.mg")).isEqualTo(new BigDecimal("35.5"));
		assertThat(parameters.getValue("dose.minutes")).isEqualTo(40);
		assertThat(parameters.getValue("signature.signedBy")).isEqualTo("nurse");
		assertThat(parameters.getValue("version")).isEqualTo(4L);
	}

	@Test
	void aPartNotReachedYetIsNullInEveryColumnOfItAndStillTyped() {
		var parameters = RecordParameters.of(open);

		assertThat(parameters.hasValue("signature.signedAt")).isTrue();
		assertThat(parameters.getValue("signature.signedBy")).isNull();
		assertThat(parameters.getValue("signature.signedAt")).isNull();
		assertThat(parameters.getSqlType("signature.signedBy")).isEqualTo(Types.VARCHAR);
		assertThat(parameters.getSqlType("signature.signedAt")).isEqualTo(Types.TIMESTAMP);
		assertThat(parameters.getSqlType("dose.mg")).isEqualTo(Types.NUMERIC);
		assertThat(parameters.getSqlType("dose.minutes")).isEqualTo(Types.INTEGER);
		assertThat(parameters.getSqlType("id")).isEqualTo(Types.OTHER);
	}

	@Test
	void instantsGoAsTimestampsAndEnumsByName() {
		var parameters = RecordParameters.of(new Chart(open.id(), Status.SIGNED, null, new Signature("nurse", AT), 4));

		assertThat(parameters.getValue("signature.signedAt")).isEqualTo(Timestamp.from(AT));
		assertThat(parameters.getValue("status")).isEqualTo("SIGNED");
		assertThat(parameters.getSqlType("status")).isEqualTo(Types.VARCHAR);
	}

	@Test
	void addedParametersWinAndUnknownNamesAreRefused() {
		var parameters = RecordParameters.of(open).with("previous", 2L).with("version", 9L);

		assertThat(parameters.getValue("previous")).isEqualTo(2L);
		assertThat(parameters.getValue("version")).isEqualTo(9L);
		assertThat(parameters.hasValue("signature.nobody")).isFalse();
		assertThat(parameters.hasValue("dose.mg.scale")).isFalse();
		assertThatThrownBy(() -> parameters.getValue("signature.nobody")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("signature.nobody");
	}

	@Test
	void pathsAreWholeParameterNamesInSpringsNamedSql() {
		var sql = NamedParameterUtils.parseSqlStatement(
				"update chart set signed_by = :signature.signedBy, mg = :dose.mg where id = :id and version = :previous");

		var substituted = NamedParameterUtils.substituteNamedParameters(sql,
				RecordParameters.of(open).with("previous", 2L));

		assertThat(substituted).isEqualTo("update chart set signed_by = ?, mg = ? where id = ? and version = ?");
	}
}
