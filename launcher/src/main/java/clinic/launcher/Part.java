package clinic.launcher;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** One process of the embedded stack, in start order. */
public enum Part {
    POSTGRES("postgres", "PostgreSQL 17"),
    KAFKA("kafka", "Kafka broker (KRaft)"),
    KEYCLOAK("keycloak", "Keycloak"),
    MAIL("mail", "GreenMail (SMTP)"),
    INTAKE("intake-service", "intake-service"),
    SCHEDULING("scheduling-service", "scheduling-service"),
    SESSION("session-service", "session-service"),
    GATEWAY("gateway", "gateway");

    /** PostgreSQL, Kafka, Keycloak and the mail server: everything except the four Spring Boot services. */
    public static final Set<Part> INFRA = EnumSet.of(POSTGRES, KAFKA, KEYCLOAK, MAIL);
    /** The four Spring Boot services (started with {@code java -jar}). */
    public static final Set<Part> SERVICES = EnumSet.of(INTAKE, SCHEDULING, SESSION, GATEWAY);
    public static final Set<Part> ALL = EnumSet.allOf(Part.class);

    private final String id;
    private final String title;

    Part(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Short name used for log files ({@code <data>/logs/<id>.log}), pid files and {@code --only}. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public boolean isService() {
        return SERVICES.contains(this);
    }

    /** Database of a service ({@code intake}, {@code scheduling}, {@code session}, {@code gateway}). */
    public String database() {
        return switch (this) {
            case INTAKE -> "intake";
            case SCHEDULING -> "scheduling";
            case SESSION -> "session";
            case GATEWAY -> "gateway";
            case KEYCLOAK -> "keycloak";
            default -> throw new IllegalStateException(this + " has no database");
        };
    }

    /**
     * Parses a comma separated selection such as {@code infra}, {@code all}, {@code services},
     * {@code postgres,kafka} or {@code intake} (the {@code -service} suffix is optional).
     */
    public static Set<Part> parse(String selection) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        for (String raw : selection.split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            switch (name) {
                case "all" -> parts.addAll(ALL);
                case "infra" -> parts.addAll(INFRA);
                case "services" -> parts.addAll(SERVICES);
                default -> parts.add(Arrays.stream(values())
                        .filter(p -> p.id.equals(name) || p.id.equals(name + "-service") || p.name().equalsIgnoreCase(name))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown part '" + raw.trim()
                                + "' (use all, infra, services, postgres, kafka, keycloak, mail, intake, scheduling, session, gateway)")));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no parts selected");
        }
        return parts;
    }
}
