package bonbu.task;

import bonbu.incident.IncidentService;
import bonbu.security.account.AccountService;
import bonbu.shared.LocalizedText;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import bonbu.task.TaskFact.TaskClaimed;
import bonbu.task.TaskFact.TaskCreated;
import bonbu.task.TaskFact.TaskOverdue;
import bonbu.task.TaskFact.TaskReassigned;
import bonbu.task.TaskFact.TaskStatusChanged;
import bonbu.task.TeamFact.TeamCreated;
import bonbu.task.TeamFact.TeamMemberAdded;
import bonbu.task.TeamFact.TeamMemberRemoved;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Teams, and the tasks of incidents: who does what, by when, and what is late. */
@ApplicationScoped
public class TaskService {

    @Inject
    IncidentService incidents;

    @Inject
    AccountService accounts;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    /** A new task: for a person and/or a team. */
    public record NewTask(
            String title, String description, String assignee, String team, Priority priority, Instant dueAt) {}

    // --- teams ---

    @Transactional
    public TeamView createTeam(String key, LocalizedText name, List<String> members, String actor) {
        if (Team.findById(key) != null) {
            throw new DomainException("There is already a team '" + key + "'.");
        }
        for (String m : members) requireActive("members", m);
        Instant now = clock.instant();
        Team team = new Team();
        team.key = key;
        team.nameKo = name.ko();
        team.nameEn = name.en();
        team.createdAt = now;
        team.updatedAt = now;
        team.persist();
        for (String m : members.stream().distinct().toList()) addMember(key, m, now);
        timeline.append(actor, List.of(NewTimelineEntry.staff(new TeamCreated(key, members))));
        return team(key);
    }

    @Transactional
    public TeamView join(String key, String username, String actor) {
        findTeam(key);
        requireActive("username", username);
        if (TeamMember.findById(new TeamMember.Id(key, username)) == null) {
            addMember(key, username, clock.instant());
            timeline.append(actor, List.of(NewTimelineEntry.staff(new TeamMemberAdded(key, username))));
        }
        return team(key);
    }

    @Transactional
    public TeamView leave(String key, String username, String actor) {
        findTeam(key);
        if (TeamMember.deleteById(new TeamMember.Id(key, username))) {
            timeline.append(actor, List.of(NewTimelineEntry.staff(new TeamMemberRemoved(key, username))));
        }
        return team(key);
    }

    @Transactional
    public List<TeamView> teams() {
        return Team.<Team>listAll().stream()
                .sorted(java.util.Comparator.comparing(t -> t.key))
                .map(t -> new TeamView(t.key, t.name(), TeamMember.of(t.key)))
                .toList();
    }

    // --- tasks ---

    @Transactional
    public TaskView create(String number, NewTask request, String actor) {
        incidents.get(number);
        if (request.assignee() == null && request.team() == null) {
            throw ProblemException.badRequest("Give the task an assignee (a staff username), a team, or both.");
        }
        if (request.assignee() != null) requireActive("assignee", request.assignee());
        if (request.team() != null) findTeam(request.team());
        Instant now = clock.instant();
        Task t = new Task();
        t.incidentNumber = number;
        t.title = request.title().strip();
        t.description = request.description();
        t.assignee = request.assignee();
        t.team = request.team();
        t.priority = request.priority() == null ? Priority.P2 : request.priority();
        t.dueAt = request.dueAt();
        t.status = TaskStatus.OPEN;
        t.createdBy = actor;
        t.createdAt = now;
        t.updatedAt = now;
        t.persist();
        timeline.append(actor, List.of(entry(TaskCreated::new, t)));
        return view(t);
    }

    @Transactional
    public TaskView claim(String number, long id, String actor) {
        Task t = find(number, id);
        requireActive("assignee", actor);
        t.claim(actor, clock.instant());
        timeline.append(actor, List.of(entry(TaskClaimed::new, t)));
        return view(t);
    }

    @Transactional
    public TaskView reassign(String number, long id, String assignee, String team, String actor) {
        Task t = find(number, id);
        if (assignee == null && team == null) {
            throw ProblemException.badRequest("Give the task an assignee (a staff username), a team, or both.");
        }
        if (assignee != null) requireActive("assignee", assignee);
        if (team != null) findTeam(team);
        t.assign(assignee, team, clock.instant());
        timeline.append(actor, List.of(entry(TaskReassigned::new, t)));
        return view(t);
    }

    @Transactional
    public TaskView move(String number, long id, TaskStatus to, String reason, String actor) {
        Task t = find(number, id);
        t.moveTo(to, reason, clock.instant());
        timeline.append(actor, List.of(entry(TaskStatusChanged::new, t)));
        return view(t);
    }

    @Transactional
    public List<TaskView> ofIncident(String number) {
        incidents.get(number);
        Instant now = clock.instant();
        return Task.<Task>list("incidentNumber = ?1 order by id", number).stream()
                .map(t -> TaskView.of(t, now))
                .toList();
    }

    /**
     * Open tasks of one member: assigned to them, or to a team of theirs with nobody assigned;
     * most urgent first, then soonest due.
     */
    @Transactional
    public List<TaskView> openFor(String username) {
        List<String> teams = TeamMember.teamsOf(username);
        List<Task> tasks = Task.list(
                "status in ?1 and (assignee = ?2 or (assignee is null and team in ?3))"
                        + " order by priority, dueAt nulls last, id",
                List.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED),
                username,
                teams.isEmpty() ? List.of("") : teams);
        Instant now = clock.instant();
        return tasks.stream().map(t -> TaskView.of(t, now)).toList();
    }

    /** Flags each open task whose due time has passed, once per lapse; answers how many. */
    @Transactional
    public int flagOverdue() {
        Instant now = clock.instant();
        // Locked, skipping rows another replica is flagging right now: each lapse is flagged once.
        List<Task> late = Task.<Task>find(
                        "status in ?1 and dueAt < ?2 and overdueFlaggedAt is null",
                        List.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED),
                        now)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .list();
        List<NewTimelineEntry> entries = new ArrayList<>();
        for (Task t : late) {
            t.overdueFlaggedAt = now;
            entries.add(entry(TaskOverdue::new, t));
        }
        if (!entries.isEmpty()) timeline.append(Timeline.SYSTEM_ACTOR, entries);
        return entries.size();
    }

    private void requireActive(String field, String username) {
        if (!accounts.isActive(username)) {
            throw ProblemException.badRequest(field + ": '" + username
                    + "' is not an active staff account (unknown or disabled). Give someone who can take the work.");
        }
    }

    private static Team findTeam(String key) {
        Team team = Team.findById(key);
        if (team == null) {
            throw ProblemException.badRequest("team: there is no team '" + key + "'. GET /api/teams lists them.");
        }
        return team;
    }

    private static void addMember(String team, String username, Instant at) {
        TeamMember m = new TeamMember();
        m.id = new TeamMember.Id(team, username);
        m.addedAt = at;
        m.persist();
    }

    private static TeamView team(String key) {
        Panache.getEntityManager().flush();
        Team t = Team.findById(key);
        return new TeamView(t.key, t.name(), TeamMember.of(key));
    }

    private static Task find(String number, long id) {
        Task t = Task.findById(id);
        if (t == null || !t.incidentNumber.equals(number)) {
            throw ProblemException.notFound("Incident " + number + " has no task " + id + ". GET /api/incidents/"
                    + number + "/tasks lists them.");
        }
        return t;
    }

    private TaskView view(Task t) {
        Panache.getEntityManager().flush();
        return TaskView.of(t, clock.instant());
    }

    /** The constructor of one kind of task fact: each is a snapshot of the task taken the same way. */
    @FunctionalInterface
    private interface Snapshot {
        TaskFact of(
                long task,
                String title,
                String assignee,
                String team,
                Priority priority,
                TaskStatus status,
                Instant dueAt,
                String reason);
    }

    private static NewTimelineEntry entry(Snapshot fact, Task t) {
        return NewTimelineEntry.staff(
                t.incidentNumber, fact.of(t.id, t.title, t.assignee, t.team, t.priority, t.status, t.dueAt, t.reason));
    }
}
