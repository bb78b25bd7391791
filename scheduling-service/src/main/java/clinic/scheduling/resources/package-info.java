/**
 * The clinic's resources: its site, the chairs infusions are given in, and the hours it is open. Staff shifts and
 * rooms come with the full scheduling feature.
 */
package clinic.scheduling.resources;
