package bonbu.incident;

/** How two incidents relate. */
public enum LinkKind {
    RECURRENCE_OF,
    RELATED
}
