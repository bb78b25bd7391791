package clinic.scheduling.web;

import jakarta.validation.constraints.NotNull;

/** A change that carries nothing but the version the administrator read (optimistic locking). */
record VersionRequest(@NotNull Long version) {
}
