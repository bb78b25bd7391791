package clinic.platform.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that holds a patient's id under another name than {@code patientId} (a patient
 * summary's {@code id}), so that the audit entry of an answer carrying it names that patient. Components named
 * {@code patientId} count without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
public @interface AuditedPatient {
}
