/** The intake REST API (documented at /api/intake/docs): request and response records and the controllers. */
package clinic.intake.web;
