package bonbu.shared;

/** This replica has begun to stop: it is out of rotation and should send its clients elsewhere. */
public record ShutdownBegan() {}
