package clinic.session.monitoring;

import java.time.Instant;

import clinic.platform.problems.InvalidInputException;

/** A side effect observed during the session, with its severity. OTHER says what it was in the note. */
public record SideEffect(SideEffectKind effect, Severity severity, String note, String recordedBy,
		Instant recordedAt) {

	public SideEffect {
		if (effect == SideEffectKind.OTHER && (note == null || note.isBlank())) {
			throw new InvalidInputException("note", "Say in the note what the side effect was");
		}
	}
}
