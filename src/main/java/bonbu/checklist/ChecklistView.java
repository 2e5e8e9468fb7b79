package bonbu.checklist;

import bonbu.shared.LocalizedText;
import java.time.Instant;
import java.util.List;

/** A checklist with its steps and progress: done, skipped, and minutes spent against expected. */
public record ChecklistView(
        long id,
        String incident,
        String runbook,
        String runbookVersion,
        LocalizedText title,
        String createdBy,
        Instant createdAt,
        List<Item> items,
        Progress progress) {

    /** One step; {@code spentMinutes}: from the previous step's end (or the start) to this one's. */
    public record Item(
            int position,
            LocalizedText text,
            String role,
            String team,
            int expectedMinutes,
            boolean evidenceRequired,
            String status,
            String doneBy,
            Instant doneAt,
            String evidence,
            String reason,
            Long task,
            Long spentMinutes) {}

    public record Progress(
            int total, int done, int skipped, int pending, int percent, int expectedMinutes, long spentMinutes) {}

    /** A runbook that applies to an incident, and through which affected components. */
    public record Suggestion(
            String id,
            LocalizedText title,
            int steps,
            int expectedMinutes,
            List<String> matches,
            boolean instantiated) {}
}
