package bonbu.timeline.integrity;

/**
 * The result of checking the stored hash chain against the signed checkpoints: {@code OK},
 * {@code BROKEN} (the first checkpoint that disagrees, and why) or {@code ABSENT} (this service
 * has no key to check them with, so none were checked).
 *
 * @param checked how many checkpoints were checked
 * @param lastSeq the newest checkpoint checked
 * @param lastAt when it was taken
 */
public record CheckpointCheck(String status, int checked, Long lastSeq, String lastAt, Disagreement disagreeing) {

    /**
     * A checkpoint that the stored log or its signature contradicts.
     *
     * @param hash what the checkpoint says the entry's hash was
     * @param storedHash what the stored entry's hash is now (null: the entry is missing)
     * @param agreesUpTo the last checkpoint before it that still agrees (0: none), so the change
     *     lies after that entry and at or before {@code seq}
     */
    public record Disagreement(
            long seq, String at, String keyId, String hash, String storedHash, long agreesUpTo, String problem) {}

    public boolean ok() {
        return !"BROKEN".equals(status);
    }
}
