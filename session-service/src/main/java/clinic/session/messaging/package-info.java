/** Handlers of other services' events (thin: read session's own record of the data, one call into the domain). */
package clinic.session.messaging;
