package clinic.platform.test.cycles.b;

import clinic.platform.test.cycles.c.Ledger;

/** b uses c. */
public class Billing {

	public Ledger ledger() {
		return new Ledger();
	}
}
