package clinic.launcher;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The least-privilege roles of the services' databases: for each of {@code intake}, {@code scheduling},
 * {@code session} and {@code gateway} an owner role ({@code <database>_owner}) that owns the database and everything in
 * it and runs the migrations, and an application role ({@code <database>_app}) that the service runs as, which may only
 * connect to its own database and owns nothing (the service's Flyway callback grants it its rows). Keycloak's
 * database keeps the superuser.
 *
 * <p>Run as the superuser on every start: creates what is missing, sets the passwords of the config, and hands what
 * an earlier version made as {@code postgres} (a data directory from before the roles) to the owner role, so that an
 * existing {@code .clinic/} keeps working. {@code REASSIGN OWNED BY postgres} cannot be used (the bootstrap superuser
 * owns the system catalogs too), so each object of the schema is given over by name; extensions stay the superuser's.
 */
final class DatabaseRoles {

    /** The services' databases (each with an owner and an application role). */
    static final List<String> SERVICE_DATABASES = List.of("intake", "scheduling", "session", "gateway");

    /** The hand-over of what an earlier version made as the superuser: compose/postgres-hand-over.sql, copied by the build. */
    private static final String HAND_OVER = "postgres-hand-over.sql";


    private DatabaseRoles() {
    }

    static String owner(String database) {
        return database + "_owner";
    }

    static String application(String database) {
        return database + "_app";
    }

    /**
     * Makes the roles and the database (if missing), gives the database and its objects to the owner role and lets
     * only the two roles connect. {@code superuser} is connected to any database of the server.
     */
    static void ensure(Connection superuser, String jdbcBaseUrl, String database, String ownerPassword, String appPassword)
            throws SQLException {
        String owner = owner(database);
        String app = application(database);
        try (Statement s = superuser.createStatement()) {
            ensureRole(superuser, owner, ownerPassword);
            ensureRole(superuser, app, appPassword);
            if (!exists(superuser, "select 1 from pg_database where datname = ?", database)) {
                s.execute("create database " + quote(database) + " owner " + quote(owner));
            } else {
                s.execute("alter database " + quote(database) + " owner to " + quote(owner));
            }
            s.execute("revoke connect, temporary on database " + quote(database) + " from public");
            s.execute("grant connect on database " + quote(database) + " to " + quote(owner) + ", " + quote(app));
        }
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", "postgres");
        try (Connection db = DriverManager.getConnection(jdbcBaseUrl + database, props); Statement s = db.createStatement()) {
            try (PreparedStatement setting = db.prepareStatement("select set_config('clinic.owner', ?, false)")) {
                setting.setString(1, owner);
                setting.execute();
            }
            s.execute(handOverScript());
        }
    }

    private static String handOverScript() {
        try (var in = DatabaseRoles.class.getResourceAsStream(HAND_OVER)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the launcher's " + HAND_OVER + " is missing", e);
        }
    }

    /**
     * Creates or alters the role without a password, then sets the password as a SCRAM verifier computed here
     * (pgjdbc's {@code alterUserPassword}): the password itself never reaches the server as SQL text, so a failing
     * statement logged by PostgreSQL ({@code log_min_error_statement}, whose log tail the launcher prints on a failed
     * start) cannot show it.
     */
    private static void ensureRole(Connection c, String role, String password) throws SQLException {
        String verb = exists(c, "select 1 from pg_roles where rolname = ?", role) ? "alter" : "create";
        try (Statement s = c.createStatement()) {
            s.execute(verb + " role " + quote(role) + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
        }
        c.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    }

    private static boolean exists(Connection c, String query, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(query)) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

}
