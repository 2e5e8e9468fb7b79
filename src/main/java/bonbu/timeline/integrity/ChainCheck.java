package bonbu.timeline.integrity;

import java.time.Instant;

/**
 * The result of recomputing the timeline's hash chain and checking it against the signed
 * checkpoints: {@code OK}, or {@code BROKEN} with the first entry whose stored hash does not match
 * its content and its predecessor's hash (or that is missing), or, when the chain itself is
 * consistent, a checkpoint it disagrees with (a rewrite with the chain recomputed after it); and
 * why.
 *
 * @param scope {@code all} or an incident number
 * @param entries how many entries were checked
 * @param lastSeq the last entry checked
 * @param lastHash its hash: it commits to every entry before it, so quoting it pins the record
 * @param firstBrokenSeq the first entry that does not follow; null when only a checkpoint disagrees
 * @param checkpoints how many signed checkpoints were checked, and the first that disagrees
 */
public record ChainCheck(
        String scope,
        String status,
        long entries,
        Long lastSeq,
        String lastHash,
        Long firstBrokenSeq,
        String problem,
        CheckpointCheck checkpoints,
        Instant checkedAt) {

    public boolean ok() {
        return "OK".equals(status);
    }
}
