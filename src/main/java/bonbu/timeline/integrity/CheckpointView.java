package bonbu.timeline.integrity;

/**
 * A signed checkpoint as published: the timeline entry {@code seq} had hash {@code hash} when it
 * was taken at {@code at}. {@code signature} is the base64 Ed25519 signature, by key
 * {@code keyId}, of {@link Checkpoints#message}: those fields and {@code previousSeq} (the
 * checkpoint before it; 0 for the first). {@code reason} ({@code schedule} or {@code resolution},
 * with the resolved {@code incident}) is not signed.
 */
public record CheckpointView(
        long seq,
        String hash,
        String at,
        long previousSeq,
        String keyId,
        String signature,
        String reason,
        String incident) {}
