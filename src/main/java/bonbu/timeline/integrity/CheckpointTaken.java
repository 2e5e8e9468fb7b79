package bonbu.timeline.integrity;

/** A checkpoint this replica has just committed (fired after the commit, on this replica only). */
public record CheckpointTaken(CheckpointView checkpoint) {}
