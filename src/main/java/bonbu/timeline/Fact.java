package bonbu.timeline;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A past-tense fact for the timeline ({@code IncidentDeclared}, {@code TaskAssigned}, …). A fact is
 * a record: its components are exactly the JSON stored in the entry's {@code data}, so the stored
 * form (and with it the hash chain) is the record's Jackson form. Each feature declares its facts
 * as one sealed interface extending this one; readers decode an entry with {@link
 * TimelineEvent#fact(Class)} and switch on the record type.
 */
public interface Fact {

    /** The entry type a fact is stored under, such as {@code incident.declared}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Type {
        String value();
    }
}
