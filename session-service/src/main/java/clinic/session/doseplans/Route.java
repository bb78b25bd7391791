package clinic.session.doseplans;

/** How ketamine is given (DOMAIN.md: IV, IM, intranasal). */
public enum Route {
	IV, IM, INTRANASAL
}
