package bonbu.task;

/** How urgent a task is: P1 first. */
public enum Priority {
    P1,
    P2,
    P3
}
