package bonbu.incident.terms;

/** Incident command system roles held on an incident. */
public enum CommandRole {
    INCIDENT_COMMANDER,
    OPERATIONS_LEAD,
    PLANNING_LEAD,
    LOGISTICS_LEAD,
    COMMUNICATIONS_LEAD,
    LIAISON
}
