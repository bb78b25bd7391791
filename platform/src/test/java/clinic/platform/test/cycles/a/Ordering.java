package clinic.platform.test.cycles.a;

import clinic.platform.test.cycles.b.Billing;

/** Half of a cycle {@code BoundariesTest} must find: a uses b. */
public class Ordering {

	public Billing bill() {
		return new Billing();
	}
}
