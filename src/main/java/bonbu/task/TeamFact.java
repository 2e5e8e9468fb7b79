package bonbu.task;

import bonbu.timeline.Fact;
import java.util.List;

/** Changes to teams: staff entries about no incident. */
public sealed interface TeamFact extends Fact {

    String team();

    /** {@code members} as given when the team was made. */
    @Fact.Type("team.created")
    record TeamCreated(String team, List<String> members) implements TeamFact {}

    @Fact.Type("team.member_added")
    record TeamMemberAdded(String team, String member) implements TeamFact {}

    @Fact.Type("team.member_removed")
    record TeamMemberRemoved(String team, String member) implements TeamFact {}
}
