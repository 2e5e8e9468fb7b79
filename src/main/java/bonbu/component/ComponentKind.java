package bonbu.component;

/** What a component is: a service citizens use, a system staff use, or shared infrastructure. */
public enum ComponentKind {
    PUBLIC_SERVICE,
    STAFF_SYSTEM,
    SHARED_INFRASTRUCTURE
}
