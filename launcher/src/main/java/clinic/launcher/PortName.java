package clinic.launcher;

/** Every port the stack listens on, with its default, command line flag and environment variable. */
public enum PortName {
    POSTGRES(Part.POSTGRES, 15432),
    KAFKA(Part.KAFKA, 19092),
    KAFKA_CONTROLLER(Part.KAFKA, 19093),
    KEYCLOAK(Part.KEYCLOAK, 8180),
    KEYCLOAK_MANAGEMENT(Part.KEYCLOAK, 9180),
    // the embedded mail server (GreenMail) that intake's reminders go to: GreenMail's usual SMTP test port
    MAIL(Part.MAIL, 3025),
    INTAKE(Part.INTAKE, 8081),
    SCHEDULING(Part.SCHEDULING, 8082),
    SESSION(Part.SESSION, 8083),
    GATEWAY(Part.GATEWAY, 8080),
    GATEWAY_MANAGEMENT(Part.GATEWAY, 8090),
    // intake's HL7 v2 MLLP listener (ADT^A04/A08, REF^I12 in): 2575, the port IANA registered for HL7 over MLLP
    INTAKE_HL7(Part.INTAKE, 2575),
    // the second instance of each service (--instances 2): the first one's port plus 10000
    INTAKE_2(Part.INTAKE, 18081, 2),
    INTAKE_HL7_2(Part.INTAKE, 12575, 2),
    SCHEDULING_2(Part.SCHEDULING, 18082, 2),
    SESSION_2(Part.SESSION, 18083, 2),
    GATEWAY_2(Part.GATEWAY, 18080, 2),
    GATEWAY_MANAGEMENT_2(Part.GATEWAY, 18090, 2);

    private final Part part;
    private final int defaultPort;
    private final int instance;

    PortName(Part part, int defaultPort) {
        this(part, defaultPort, 1);
    }

    PortName(Part part, int defaultPort, int instance) {
        this.part = part;
        this.defaultPort = defaultPort;
        this.instance = instance;
    }

    /** Which instance of its part listens on this port: 1, or 2 for the second instance of a service. */
    public int instance() {
        return instance;
    }

    /** The part that listens on this port. */
    public Part part() {
        return part;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The port an instance of a service (the gateway included) serves on. */
    public static PortName service(Part service, int instance) {
        return switch (service) {
            case INTAKE -> instance == 1 ? INTAKE : INTAKE_2;
            case SCHEDULING -> instance == 1 ? SCHEDULING : SCHEDULING_2;
            case SESSION -> instance == 1 ? SESSION : SESSION_2;
            case GATEWAY -> instance == 1 ? GATEWAY : GATEWAY_2;
            default -> throw new IllegalArgumentException(service + " is not a service");
        };
    }

    /** The MLLP port of an intake instance. */
    public static PortName intakeHl7(int instance) {
        return instance == 1 ? INTAKE_HL7 : INTAKE_HL7_2;
    }

    /** The loopback-only actuator port of a gateway instance. */
    public static PortName gatewayManagement(int instance) {
        return instance == 1 ? GATEWAY_MANAGEMENT : GATEWAY_MANAGEMENT_2;
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
