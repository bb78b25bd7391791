/**
 * The clinic's questionnaires, scored exactly as published (DOMAIN.md, "Screening instruments"): PHQ-9, GAD-7,
 * PCL-5, the C-SSRS screener and CADSS-6. This is the only place their items, ranges, totals, bands, cut-offs and
 * flags are defined; intake and session both score through it. Plain Java: no Spring, no platform. Each
 * {@code score} method takes the caller's field path and throws {@link clinic.instruments.InvalidAnswerException}
 * naming the wrong item under it; the services turn that into their 400 problem at their edge.
 */
package clinic.instruments;
