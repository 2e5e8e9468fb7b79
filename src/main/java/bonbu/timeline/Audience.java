package bonbu.timeline;

/** Who may see a timeline entry: everyone (the public page and feeds) or staff only. */
public enum Audience {
    PUBLIC,
    STAFF
}
