package clinic.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The broker's ACLs copy what each service reads ({@code clinic.events.consume} in its application.yml): a topic added
 * there without its ACL would be refused by the broker, so the two may not drift apart.
 */
class KafkaAclsTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();

    private static final Pattern CONSUME = Pattern.compile("(?m)^\\s+consume:\\s*(\\S+)\\s*$");

    @Test
    void eachServiceMayReadExactlyTheTopicsItsSettingsConsume() throws IOException {
        for (Part service : List.of(Part.INTAKE, Part.SCHEDULING, Part.SESSION)) {
            String yml = Files.readString(PROJECT.resolve(service.id() + "/src/main/resources/application.yml"));
            var matcher = CONSUME.matcher(yml);
            assertEquals(true, matcher.find(), service.id() + " names no clinic.events.consume");
            assertEquals(Arrays.stream(matcher.group(1).split(",")).sorted().toList(),
                    KafkaAcls.CONSUMES.get(service).stream().sorted().toList(), service.id());
        }
    }
}
