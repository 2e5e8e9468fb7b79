package bonbu.timeline;

import java.time.Instant;

/**
 * The result of recomputing the timeline's hash chain: {@code OK}, or {@code BROKEN} with the
 * first entry whose stored hash does not match its content and its predecessor's hash (or that is
 * missing), and why.
 *
 * @param scope {@code all} or an incident number
 * @param entries how many entries were checked
 * @param lastSeq the last entry checked
 * @param lastHash its hash: it commits to every entry before it, so quoting it pins the record
 */
public record ChainCheck(
        String scope,
        String status,
        long entries,
        Long lastSeq,
        String lastHash,
        Long firstBrokenSeq,
        String problem,
        Instant checkedAt) {

    public boolean ok() {
        return "OK".equals(status);
    }
}
