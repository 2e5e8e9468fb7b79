package bonbu.task;

import bonbu.shared.LocalizedText;
import java.util.List;

/** A team and its members (usernames). */
record TeamView(String key, LocalizedText name, List<String> members) {}
