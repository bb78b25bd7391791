/**
 * Events from other services, each read into scheduling's own record of just the fields it needs and handed to
 * the domain in one call, inside the inbox transaction.
 */
package clinic.scheduling.messaging;
