/**
 * Chart entries that survive a tablet dropping off Wi-Fi: the page sends each entry with an {@code Idempotency-Key}
 * of its own and sends it again until it has an answer. The first answer is kept with the entry's effect, in one
 * transaction; a repeat gets that answer back and changes nothing, and a key sent again with another entry is a
 * conflict. An entry that replaces what the chart says (a check-in, the checklist, a signature) names the record
 * version it was made on ({@code If-Match}); when someone else changed the record since, it is refused and shown,
 * never written over the other change.
 */
package clinic.session.entries;
