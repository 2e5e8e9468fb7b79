package bonbu.checklist;

import bonbu.checklist.ChecklistFact.ChecklistCreated;
import bonbu.checklist.ChecklistFact.ItemCompleted;
import bonbu.checklist.ChecklistFact.ItemSkipped;
import bonbu.checklist.ChecklistFact.ItemTasked;
import bonbu.component.Catalog;
import bonbu.component.ComponentView;
import bonbu.incident.IncidentService;
import bonbu.incident.IncidentView;
import bonbu.shared.LocalizedText;
import bonbu.shared.problem.DomainException;
import bonbu.shared.problem.ProblemException;
import bonbu.task.Priority;
import bonbu.task.TaskService;
import bonbu.task.TaskView;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runbooks suggested for an incident, instantiated as checklists, and worked step by step. */
@ApplicationScoped
public class ChecklistService {

    @Inject
    RunbookLibrary runbooks;

    @Inject
    IncidentService incidents;

    @Inject
    Catalog catalog;

    @Inject
    TaskService tasks;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    /** Runbooks whose components or kinds match the incident's affected components (direct or propagated). */
    @Transactional
    public List<ChecklistView.Suggestion> suggestions(String number) {
        IncidentView incident = incidents.get(number);
        Set<String> instantiated = new LinkedHashSet<>();
        Checklist.<Checklist>list("incidentNumber", number).forEach(c -> instantiated.add(c.runbookId));
        List<ChecklistView.Suggestion> out = new ArrayList<>();
        for (Runbook r : runbooks.all()) {
            List<String> matches = new ArrayList<>();
            for (IncidentView.Affected a : incident.components()) {
                ComponentView c = catalog.get(a.key());
                if (r.components().contains(a.key()) || r.kinds().contains(c.kind())) matches.add(a.key());
            }
            if (!matches.isEmpty()) {
                out.add(new ChecklistView.Suggestion(
                        r.id(),
                        r.title(),
                        r.steps().size(),
                        r.expectedMinutes(),
                        matches,
                        instantiated.contains(r.id())));
            }
        }
        // The most specific first: runbooks naming the components before those matching by kind.
        out.sort(java.util.Comparator.comparing((ChecklistView.Suggestion s) -> !runbooks.get(s.id())
                        .map(r -> s.matches().stream().anyMatch(r.components()::contains))
                        .orElse(false))
                .thenComparing(ChecklistView.Suggestion::id));
        return out;
    }

    @Transactional
    public ChecklistView instantiate(String number, String runbookId, String actor) {
        incidents.get(number);
        Runbook r = runbooks.get(runbookId)
                .orElseThrow(() -> ProblemException.notOneOf(
                        "runbook",
                        runbookId,
                        runbooks.all().stream().map(Runbook::id).toList()));
        if (Checklist.count("incidentNumber = ?1 and runbookId = ?2", number, runbookId) > 0) {
            throw new DomainException(number + " already has a checklist from runbook '" + runbookId + "'.");
        }
        Instant now = clock.instant();
        Checklist c = new Checklist();
        c.incidentNumber = number;
        c.runbookId = r.id();
        c.runbookVersion = r.version();
        c.titleKo = r.title().ko();
        c.titleEn = r.title().en();
        c.runbook = Checklist.RunbookCopy.of(r);
        c.createdBy = actor;
        c.createdAt = now;
        c.persist();
        int position = 0;
        for (Runbook.Step s : r.steps()) {
            ChecklistItem item = new ChecklistItem();
            item.id = new ChecklistItem.Id(c.id, ++position);
            item.textKo = s.text().ko();
            item.textEn = s.text().en();
            item.role = s.role() == null ? null : s.role().name();
            item.team = s.team();
            item.minutes = s.minutes();
            item.evidenceRequired = s.evidence();
            item.status = "pending";
            item.persist();
        }
        timeline.append(
                actor,
                List.of(NewTimelineEntry.staff(
                        number,
                        new ChecklistCreated(
                                c.id, r.id(), r.version(), r.steps().size()))));
        return view(c);
    }

    @Transactional
    public List<ChecklistView> ofIncident(String number) {
        incidents.get(number);
        return Checklist.<Checklist>list("incidentNumber = ?1 order by id", number).stream()
                .map(this::view)
                .toList();
    }

    @Transactional
    public ChecklistView complete(String number, long id, int position, String evidence, String actor) {
        Checklist c = find(number, id);
        ChecklistItem item = item(c, position);
        item.complete(evidence, actor, clock.instant());
        timeline.append(actor, List.of(itemEntry(ItemCompleted::new, c, item)));
        return view(c);
    }

    @Transactional
    public ChecklistView skip(String number, long id, int position, String reason, String actor) {
        Checklist c = find(number, id);
        ChecklistItem item = item(c, position);
        item.skip(reason, actor, clock.instant());
        timeline.append(actor, List.of(itemEntry(ItemSkipped::new, c, item)));
        return view(c);
    }

    /** Turns a step into a task for someone or a team; the step remembers its task. */
    @Transactional
    public ChecklistView toTask(
            String number,
            long id,
            int position,
            String assignee,
            String team,
            Priority priority,
            Instant dueAt,
            String actor) {
        Checklist c = find(number, id);
        ChecklistItem item = item(c, position);
        if (item.taskId != null)
            throw new DomainException("Step " + position + " is already task " + item.taskId + ".");
        if (!"pending".equals(item.status))
            throw new DomainException("Step " + position + " is already " + item.status + ".");
        TaskView task = tasks.create(
                number,
                new TaskService.NewTask(
                        item.textKo,
                        "Checklist " + c.runbookId + ", step " + position,
                        assignee,
                        team != null ? team : (assignee == null ? item.team : null),
                        priority,
                        dueAt != null ? dueAt : clock.instant().plus(Duration.ofMinutes(item.minutes))),
                actor);
        item.taskId = task.id();
        timeline.append(actor, List.of(itemEntry(ItemTasked::new, c, item)));
        return view(c);
    }

    private static Checklist find(String number, long id) {
        Checklist c = Checklist.findById(id);
        if (c == null || !c.incidentNumber.equals(number)) {
            throw ProblemException.notFound("Incident " + number + " has no checklist " + id + ". GET /api/incidents/"
                    + number + "/checklists lists them.");
        }
        return c;
    }

    private static ChecklistItem item(Checklist c, int position) {
        ChecklistItem item = ChecklistItem.findById(new ChecklistItem.Id(c.id, position));
        if (item == null) {
            throw ProblemException.notFound("Checklist " + c.id + " has no step " + position + ".");
        }
        return item;
    }

    private ChecklistView view(Checklist c) {
        Panache.getEntityManager().flush();
        List<ChecklistItem> items = ChecklistItem.list("id.checklist = ?1 order by id.position", c.id);
        List<ChecklistView.Item> views = new ArrayList<>();
        int done = 0;
        int skipped = 0;
        int expected = 0;
        long spent = 0;
        Instant previous = c.createdAt;
        for (ChecklistItem i : items) {
            expected += i.minutes;
            Long minutes = null;
            if (i.doneAt != null) {
                Instant from = previous.isAfter(i.doneAt) ? c.createdAt : previous;
                minutes = Math.max(0, Duration.between(from, i.doneAt).toMinutes());
                spent += minutes;
                previous = i.doneAt.isAfter(previous) ? i.doneAt : previous;
            }
            if ("done".equals(i.status)) done++;
            if ("skipped".equals(i.status)) skipped++;
            views.add(new ChecklistView.Item(
                    i.id.position(),
                    new LocalizedText(i.textKo, i.textEn),
                    i.role,
                    i.team,
                    i.minutes,
                    i.evidenceRequired,
                    i.status,
                    i.doneBy,
                    i.doneAt,
                    i.evidence,
                    i.reason,
                    i.taskId,
                    minutes));
        }
        int total = items.size();
        int pending = total - done - skipped;
        int percent = total == 0 ? 0 : (done + skipped) * 100 / total;
        return new ChecklistView(
                c.id,
                c.incidentNumber,
                c.runbookId,
                c.runbookVersion,
                new LocalizedText(c.titleKo, c.titleEn),
                c.createdBy,
                c.createdAt,
                views,
                new ChecklistView.Progress(total, done, skipped, pending, percent, expected, spent));
    }

    /** The constructor of one kind of step fact: each is a snapshot of the step taken the same way. */
    @FunctionalInterface
    private interface StepSnapshot {
        ChecklistFact.StepFact of(
                long checklist,
                String runbook,
                int step,
                String text,
                String status,
                String evidence,
                String reason,
                Long task);
    }

    private static NewTimelineEntry itemEntry(StepSnapshot fact, Checklist c, ChecklistItem i) {
        return NewTimelineEntry.staff(
                c.incidentNumber,
                fact.of(c.id, c.runbookId, i.id.position(), i.textKo, i.status, i.evidence, i.reason, i.taskId));
    }
}
