/** The session REST API (documented at /api/session/docs): request and response records and the controllers. */
package clinic.session.web;
