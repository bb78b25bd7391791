/** The scheduling REST API (documented at /api/scheduling/docs): request and response records and the controllers. */
package clinic.scheduling.web;
