package clinic.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Who may talk to the embedded broker, and with which password: the launcher's administrator ({@link #ADMIN}, a
 * super user that creates topics, users and ACLs; also the broker's own inter-broker login), one SCRAM-SHA-256 user
 * per service (named like the service, e.g. {@code intake-service}), and the controller listener's login
 * ({@link #CONTROLLER}, SASL/PLAIN with the password in the broker's own configuration, because SCRAM users live in
 * the metadata log the controller serves).
 *
 * <p>The passwords are generated on the first start and kept in {@code <data>/conf/kafka-credentials.properties}
 * (readable by the owner only), so a second start and every service of it use the same ones. Delete the file to
 * get new ones: the next start sets them (the launcher writes every user's SCRAM credential on every start).
 */
final class KafkaCredentials {

    /** The launcher's administrator: super user of the broker. */
    static final String ADMIN = "clinic-admin";
    /** The controller listener's (PLAIN) login: super user, used by the broker and by the launcher to set up users. */
    static final String CONTROLLER = "clinic-controller";
    static final String MECHANISM = "SCRAM-SHA-256";
    static final String FILE = "kafka-credentials.properties";
    /** Set in the file once the broker knows every user of it as a SCRAM user (dropped when a password is new). */
    private static final String USERS_SET = "scram.users.set";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords;
    private final boolean usersSet;

    private KafkaCredentials(Map<String, String> passwords, boolean usersSet) {
        this.passwords = Map.copyOf(passwords);
        this.usersSet = usersSet;
    }

    /** The SCRAM users the launcher keeps: the administrator and one per Kafka-using service. */
    static List<String> scramUsers() {
        List<String> users = new java.util.ArrayList<>();
        users.add(ADMIN);
        for (Part service : Part.SERVICES) {
            if (service != Part.GATEWAY) {
                users.add(service.id());
            }
        }
        return users;
    }

    /** Reads {@code <data>/conf/kafka-credentials.properties}, adding a password for every user that has none. */
    static synchronized KafkaCredentials load(Path dataDir) {
        Path file = dataDir.resolve("conf").resolve(FILE);
        try {
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    stored.load(in);
                }
            }
            Map<String, String> passwords = new LinkedHashMap<>();
            boolean changed = false;
            List<String> users = new java.util.ArrayList<>(scramUsers());
            users.add(CONTROLLER);
            for (String user : users) {
                String password = stored.getProperty(user);
                if (password == null || password.isBlank()) {
                    password = generate();
                    changed = true;
                }
                passwords.put(user, password);
            }
            if (changed) {
                stored.putAll(passwords);
                stored.remove(USERS_SET);
                store(file, stored);
            }
            return new KafkaCredentials(passwords, "true".equals(stored.getProperty(USERS_SET)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /**
     * Whether the broker has been given every SCRAM user of this file (by {@link KafkaComponent}). Not yet on a
     * storage formatted by a launcher before SASL, nor after a password was added to the file.
     */
    boolean scramUsersSet() {
        return usersSet;
    }

    /** Notes in the file that the broker knows every user of it. */
    static synchronized void markScramUsersSet(Path dataDir) {
        Path file = dataDir.resolve("conf").resolve(FILE);
        try {
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                stored.load(in);
            }
            stored.setProperty(USERS_SET, "true");
            store(file, stored);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static void store(Path file, Properties properties) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        createOwnerOnly(tmp);
        try (Writer w = Files.newBufferedWriter(tmp)) {
            properties.store(w, "Kafka SASL passwords of the embedded broker (user = password), generated by the launcher;"
                    + " " + USERS_SET + ": the broker has them all");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        // URL-safe base64 without padding: letters, digits, - and _; nothing a JAAS string or a shell must quote
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka user " + user);
        }
        return password;
    }

    /** {@code sasl.jaas.config} of a SCRAM client. */
    String scramJaas(String user) {
        return jaas("org.apache.kafka.common.security.scram.ScramLoginModule", user);
    }

    /** The controller listener's server side: the one PLAIN user it knows. */
    String controllerServerJaas() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER
                + "\" password=\"" + password(CONTROLLER) + "\" user_" + CONTROLLER + "=\"" + password(CONTROLLER) + "\";";
    }

    /** The client listener's PLAIN server side during the one-time bootstrap: only the administrator. */
    String bootstrapServerJaas() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + ADMIN + "=\"" + password(ADMIN) + "\";";
    }

    /** The administrator's PLAIN login during the one-time bootstrap. */
    Map<String, String> bootstrapClientProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("security.protocol", "SASL_PLAINTEXT");
        props.put("sasl.mechanism", "PLAIN");
        props.put("sasl.jaas.config", jaas("org.apache.kafka.common.security.plain.PlainLoginModule", ADMIN));
        return props;
    }

    private String jaas(String module, String user) {
        return module + " required username=\"" + user + "\" password=\"" + password(user) + "\";";
    }

    /** What a client needs to log in to the broker as {@code user} (security.protocol, sasl.mechanism, sasl.jaas.config). */
    Map<String, String> clientProperties(String user) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("security.protocol", "SASL_PLAINTEXT");
        props.put("sasl.mechanism", MECHANISM);
        props.put("sasl.jaas.config", scramJaas(user));
        return props;
    }
}
