package clinic.platform.problems;

/** The request collides with the current state (a booked chair, a signed record): 409, naming what collided. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
