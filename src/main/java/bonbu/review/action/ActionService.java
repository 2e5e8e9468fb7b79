package bonbu.review.action;

import bonbu.incident.IncidentQueries;
import bonbu.security.account.AccountService;
import bonbu.shared.Kst;
import bonbu.shared.problem.ProblemException;
import bonbu.timeline.NewTimelineEntry;
import bonbu.timeline.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Adds and moves the follow-up actions of incidents, and lists them. */
@ApplicationScoped
public class ActionService {

    @Inject
    IncidentQueries incidents;

    @Inject
    AccountService accounts;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    /** A new follow-up action. */
    public record NewAction(String title, String owner, LocalDate dueDate) {}

    @Transactional
    public ActionView add(String number, NewAction request, String actor) {
        incidents.get(number);
        if (!accounts.exists(request.owner())) {
            throw ProblemException.badRequest("owner: there is no staff account '" + request.owner()
                    + "'. Give the username of the person who will do it.");
        }
        Instant now = clock.instant();
        FollowUpAction a = new FollowUpAction();
        a.incidentNumber = number;
        a.title = request.title().strip();
        a.owner = request.owner();
        a.dueDate = request.dueDate();
        a.status = ActionStatus.OPEN;
        a.createdBy = actor;
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        timeline.append(
                actor,
                List.of(NewTimelineEntry.staff(
                        number, new ActionFact.ActionCreated(a.id, a.title, a.owner, a.dueDate, a.status, a.note))));
        return ActionView.of(a, today());
    }

    @Transactional
    public ActionView move(String number, long id, ActionStatus to, String note, String actor) {
        FollowUpAction a = FollowUpAction.findById(id);
        if (a == null || !a.incidentNumber.equals(number)) {
            throw ProblemException.notFound("Incident " + number + " has no follow-up action " + id + ".");
        }
        a.moveTo(to, note, clock.instant());
        timeline.append(
                actor,
                List.of(NewTimelineEntry.staff(
                        number,
                        new ActionFact.ActionStatusChanged(a.id, a.title, a.owner, a.dueDate, a.status, a.note))));
        FollowUpAction.getEntityManager().flush();
        return ActionView.of(a, today());
    }

    /** The follow-up actions of one incident, in the order they were added. */
    @Transactional
    public List<ActionView> of(String number) {
        return views(FollowUpAction.list("incidentNumber = ?1 order by id", number));
    }

    /** Every open follow-up action across incidents, soonest due first. */
    @Transactional
    public List<ActionView> open(String owner) {
        List<FollowUpAction> open = owner == null
                ? FollowUpAction.list(
                        "status in ?1 order by dueDate, id", List.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
                : FollowUpAction.list(
                        "status in ?1 and owner = ?2 order by dueDate, id",
                        List.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS),
                        owner);
        return views(open);
    }

    private List<ActionView> views(List<FollowUpAction> list) {
        LocalDate today = today();
        return list.stream().map(a -> ActionView.of(a, today)).toList();
    }

    private LocalDate today() {
        return Kst.day(clock.instant());
    }
}
