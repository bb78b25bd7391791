package clinic.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import clinic.contracts.KafkaTopics;

/**
 * What each service may do on the broker (the broker refuses everything else: {@code allow.everyone.if.no.acl.found=false}):
 * <ul>
 *   <li>WRITE (and DESCRIBE) on the topic it publishes, and on its own dead-letter topic;</li>
 *   <li>READ (and DESCRIBE) on the topics it consumes ({@code clinic.events.consume}) and on its dead-letter topic;</li>
 *   <li>READ on the consumer groups named after it ({@code <service>}, {@code <service>-dead-letters}: prefix
 *       {@code <service>}).</li>
 * </ul>
 * Its idempotent producer needs no more (WRITE on a topic is enough since Kafka 3.0); it uses no transactions. The
 * launcher's administrator is a super user and needs no ACL. {@link #ensure} makes the ACLs of the clinic's users
 * exactly these on every start: what is missing is created, what is not in this list is deleted.
 */
final class KafkaAcls {

    /** The topic each service publishes. */
    static final Map<Part, String> PUBLISHES = Map.of(
            Part.INTAKE, KafkaTopics.INTAKE,
            Part.SCHEDULING, KafkaTopics.SCHEDULING,
            Part.SESSION, KafkaTopics.SESSION);

    /** The topics each service consumes (its {@code clinic.events.consume}). */
    static final Map<Part, List<String>> CONSUMES = Map.of(
            Part.INTAKE, List.of(KafkaTopics.SESSION, KafkaTopics.SCHEDULING),
            Part.SCHEDULING, List.of(KafkaTopics.INTAKE, KafkaTopics.SESSION),
            Part.SESSION, List.of(KafkaTopics.INTAKE, KafkaTopics.SCHEDULING));

    private KafkaAcls() {
    }

    static String principal(String user) {
        return "User:" + user;
    }

    /** Every ACL of the clinic's service users. */
    static Set<AclBinding> wanted() {
        Set<AclBinding> acls = new LinkedHashSet<>();
        for (Part service : List.of(Part.INTAKE, Part.SCHEDULING, Part.SESSION)) {
            String user = principal(service.id());
            String dlt = service.id() + ".dlt";
            allow(acls, user, ResourceType.TOPIC, PUBLISHES.get(service), PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE);
            for (String topic : CONSUMES.get(service)) {
                allow(acls, user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
            }
            allow(acls, user, ResourceType.TOPIC, dlt, PatternType.LITERAL, AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE);
            allow(acls, user, ResourceType.GROUP, service.id(), PatternType.PREFIXED, AclOperation.READ);
        }
        return acls;
    }

    private static void allow(Set<AclBinding> acls, String principal, ResourceType type, String name, PatternType pattern,
                              AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    /** Creates the missing ACLs of {@link #wanted()} and deletes other ACLs of the clinic's users; returns a summary. */
    static String ensure(Admin admin) throws Exception {
        Set<AclBinding> wanted = wanted();
        Set<String> ours = new LinkedHashSet<>();
        KafkaCredentials.scramUsers().forEach(u -> ours.add(principal(u)));
        Collection<AclBinding> existing = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
        List<AclBinding> missing = new ArrayList<>(wanted);
        missing.removeAll(existing);
        List<AclBindingFilter> stale = existing.stream()
                .filter(acl -> ours.contains(acl.entry().principal()) && !wanted.contains(acl))
                .map(AclBinding::toFilter)
                .toList();
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
        }
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
        }
        // the controller has them; wait until the broker (which answers DescribeAcls from its authorizer) does too,
        // so that a service started next is not refused
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!missing.isEmpty() || !stale.isEmpty()) {
            Collection<AclBinding> now = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
            boolean current = now.containsAll(wanted)
                    && now.stream().noneMatch(acl -> ours.contains(acl.entry().principal()) && !wanted.contains(acl));
            if (current) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker does not show the clinic's ACLs within 30 s");
            }
            Thread.sleep(100);
        }
        return missing.isEmpty() && stale.isEmpty() ? "ACLs present"
                : missing.size() + " ACLs created" + (stale.isEmpty() ? "" : ", " + stale.size() + " removed");
    }
}
