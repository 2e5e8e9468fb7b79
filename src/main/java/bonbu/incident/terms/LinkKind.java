package bonbu.incident.terms;

/** How two incidents relate. */
public enum LinkKind {
    RECURRENCE_OF,
    RELATED
}
