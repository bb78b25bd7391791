package clinic.launcher;

/** Every port the stack listens on, with its default, command line flag and environment variable. */
public enum PortName {
    POSTGRES(Part.POSTGRES, 15432),
    KAFKA(Part.KAFKA, 19092),
    KAFKA_CONTROLLER(Part.KAFKA, 19093),
    KEYCLOAK(Part.KEYCLOAK, 8180),
    KEYCLOAK_MANAGEMENT(Part.KEYCLOAK, 9180),
    INTAKE(Part.INTAKE, 8081),
    SCHEDULING(Part.SCHEDULING, 8082),
    SESSION(Part.SESSION, 8083),
    GATEWAY(Part.GATEWAY, 8080),
    GATEWAY_MANAGEMENT(Part.GATEWAY, 8090);

    private final Part part;
    private final int defaultPort;

    PortName(Part part, int defaultPort) {
        this.part = part;
        this.defaultPort = defaultPort;
    }

    /** The part that listens on this port. */
    public Part part() {
        return part;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Command line flag, e.g. {@code --keycloak-management-port}. */
    public String flag() {
        return "--" + name().toLowerCase().replace('_', '-') + "-port";
    }

    /** Environment variable, e.g. {@code CLINIC_KEYCLOAK_MANAGEMENT_PORT}. */
    public String envVar() {
        return "CLINIC_" + name() + "_PORT";
    }
}
