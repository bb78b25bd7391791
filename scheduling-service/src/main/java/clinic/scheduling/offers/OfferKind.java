package clinic.scheduling.offers;

/** What an offered appointment is: an infusion in a chair (of the patient's course) or a consultation in a slot. */
public enum OfferKind {
	INFUSION, CONSULTATION
}
