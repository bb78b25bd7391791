/**
 * The exceptions domain code throws when a request cannot be carried out: not found, a conflict with the stored
 * state, invalid input naming the field. They carry no web types; {@code clinic.platform.web.ProblemHandling}
 * turns them into RFC 9457 problem+json at the edge.
 */
package clinic.platform.problems;
