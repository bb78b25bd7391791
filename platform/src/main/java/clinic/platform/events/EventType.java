package clinic.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The published, versioned CloudEvents type of an event record, such as
 * {@code clinic.intake.patient-registered.v1}. Its schema lives in the contracts module under the same name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

	String value();
}
