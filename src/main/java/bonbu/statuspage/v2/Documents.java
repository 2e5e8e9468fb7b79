package bonbu.statuspage.v2;

import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The Statuspage v2 documents as Atlassian's clients read them. Field order, names and nulls are
 * theirs: each record lists its fields in the order they are written, in snake case.
 */
final class Documents {

    private Documents() {}

    @JsonNaming(SnakeCaseStrategy.class)
    record Page(String id, String name, String url, String timeZone, String updatedAt) {}

    record Status(String indicator, String description) {}

    @JsonNaming(SnakeCaseStrategy.class)
    record Summary(
            Page page,
            List<Listed> components,
            List<Incident> incidents,
            List<Maintenance> scheduledMaintenances,
            Status status) {}

    record StatusDocument(Page page, Status status) {}

    record ComponentsDocument(Page page, List<Listed> components) {}

    record IncidentsDocument(Page page, List<Incident> incidents) {}

    @JsonNaming(SnakeCaseStrategy.class)
    record MaintenancesDocument(Page page, List<Maintenance> scheduledMaintenances) {}

    /** An entry of {@code components}: a group, or a component in one. */
    sealed interface Listed permits Group, Component {}

    /** A group of components; {@code components} names its members. */
    @JsonNaming(SnakeCaseStrategy.class)
    record Group(
            String id,
            String name,
            String status,
            String createdAt,
            String updatedAt,
            int position,
            String description,
            boolean showcase,
            String startDate,
            String groupId,
            String pageId,
            boolean group,
            boolean onlyShowIfDegraded,
            List<String> components)
            implements Listed {}

    @JsonNaming(SnakeCaseStrategy.class)
    record Component(
            String id,
            String name,
            String status,
            String createdAt,
            String updatedAt,
            int position,
            String description,
            boolean showcase,
            String startDate,
            String groupId,
            String pageId,
            boolean group,
            boolean onlyShowIfDegraded)
            implements Listed {}

    @JsonNaming(SnakeCaseStrategy.class)
    record Incident(
            String id,
            String name,
            String status,
            String createdAt,
            String updatedAt,
            String monitoringAt,
            String resolvedAt,
            String impact,
            String shortlink,
            String startedAt,
            String pageId,
            List<Update> incidentUpdates,
            List<Component> components) {}

    /** A scheduled maintenance: an incident with its window. */
    @JsonNaming(SnakeCaseStrategy.class)
    record Maintenance(
            String id,
            String name,
            String status,
            String createdAt,
            String updatedAt,
            String monitoringAt,
            String resolvedAt,
            String impact,
            String shortlink,
            String startedAt,
            String pageId,
            List<Update> incidentUpdates,
            List<Component> components,
            String scheduledFor,
            String scheduledUntil) {}

    /** An incident update; {@code custom_tweet} and {@code tweet_id} are always null here. */
    @JsonNaming(SnakeCaseStrategy.class)
    record Update(
            String id,
            String status,
            String body,
            String incidentId,
            String createdAt,
            String updatedAt,
            String displayAt,
            List<Affected> affectedComponents,
            boolean deliverNotifications,
            String customTweet,
            String tweetId) {}

    /** A component an update set; the status before is not kept ({@code old_status} null). */
    @JsonNaming(SnakeCaseStrategy.class)
    record Affected(String code, String name, String oldStatus, String newStatus) {}
}
