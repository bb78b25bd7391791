package clinic.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/** The topics of docs/runtime.md with their partition counts (replication 1 on the embedded broker). */
public final class KafkaTopics {

    public static final String INTAKE = "clinic.intake";
    public static final String SCHEDULING = "clinic.scheduling";
    public static final String SESSION = "clinic.session";
    public static final String INTAKE_DLT = "intake-service.dlt";
    public static final String SCHEDULING_DLT = "scheduling-service.dlt";
    public static final String SESSION_DLT = "session-service.dlt";

    /** Topic name to partition count, in creation order. */
    public static final Map<String, Integer> PARTITIONS;

    static {
        Map<String, Integer> topics = new LinkedHashMap<>();
        topics.put(INTAKE, 6);
        topics.put(SCHEDULING, 6);
        topics.put(SESSION, 6);
        topics.put(INTAKE_DLT, 1);
        topics.put(SCHEDULING_DLT, 1);
        topics.put(SESSION_DLT, 1);
        PARTITIONS = java.util.Collections.unmodifiableMap(topics);
    }

    private KafkaTopics() {
    }
}
