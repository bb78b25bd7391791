package clinic.platform.test.cycles.c;

import clinic.platform.test.cycles.a.Ordering;

/** The other half: c uses a, closing a → b → c → a. */
public class Ledger {

	public Ordering reorder() {
		return new Ordering();
	}
}
