package clinic.scheduling.resources;

/**
 * The store refused a write because it collides with a stored row: a unique name or date taken, or (for consultation
 * slots) an overlapping time. The services say in words what collided.
 */
public class ResourceCollision extends RuntimeException {

	public ResourceCollision(String constraint, Throwable cause) {
		super("The write collides with an existing row (" + constraint + ")", cause);
	}
}
