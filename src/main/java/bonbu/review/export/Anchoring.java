package bonbu.review.export;

import bonbu.review.record.IncidentRecord;
import bonbu.timeline.integrity.CheckpointView;
import bonbu.timeline.integrity.Checkpoints;
import java.util.List;

/**
 * The signed checkpoints that cover an incident's entries, with what it takes to verify them
 * away from the service: the algorithm, the signed message's format and the public keys.
 *
 * @param covering from the first checkpoint at or after the incident's first entry to the first
 *     at or after its last entry (the one that pins them all)
 * @param pinned whether the last of them covers the incident's last entry
 * @param note what is not covered yet, or why there are no checkpoints; null when pinned
 */
record Anchoring(
        String algorithm,
        String message,
        List<Checkpoints.Key> keys,
        List<CheckpointView> covering,
        boolean pinned,
        String note) {

    static Anchoring of(Checkpoints checkpoints, List<IncidentRecord.Entry> entries) {
        List<CheckpointView> covering = entries.isEmpty()
                ? List.of()
                : checkpoints.covering(
                        entries.get(0).seq(), entries.get(entries.size() - 1).seq());
        long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        boolean pinned =
                !covering.isEmpty() && covering.get(covering.size() - 1).seq() >= last;
        String note = null;
        if (!pinned) {
            note = checkpoints.signing()
                    ? "Entries up to seq " + last + " are not yet covered by a signed checkpoint: export again after"
                            + " the next one (see /checkpoints.json)."
                    : "Checkpoints are absent: this service has no signing key, so the entries after the last"
                            + " checkpoint listed here are not anchored outside its database.";
        }
        return new Anchoring("Ed25519", Checkpoints.MESSAGE_FORMAT, checkpoints.publicKeys(), covering, pinned, note);
    }

    /** The checkpoint that pins the whole record, or null. */
    CheckpointView pin() {
        return pinned ? covering.get(covering.size() - 1) : null;
    }
}
