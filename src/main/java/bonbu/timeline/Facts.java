package bonbu.timeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns facts into the maps stored in {@code timeline_entry.data} and back. One fixed mapper, not
 * the REST one: the stored form must not change when the API's JSON settings do.
 */
public final class Facts {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private static final ObjectMapper WRITER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final ObjectMapper READER = WRITER.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private static final ObjectMapper STRICT_READER = WRITER.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Per family (a sealed interface of facts): entry type → record class. */
    private static final Map<Class<?>, Map<String, Class<?>>> FAMILIES = new ConcurrentHashMap<>();

    private Facts() {}

    /** The entry type of a fact. */
    public static String typeOf(Fact fact) {
        return typeOf(fact.getClass());
    }

    public static String typeOf(Class<?> factClass) {
        Fact.Type type = factClass.getAnnotation(Fact.Type.class);
        if (type == null) throw new IllegalArgumentException(factClass.getName() + " has no @Fact.Type");
        return type.value();
    }

    /** The stored JSON of a fact, as a map. */
    public static Map<String, Object> data(Fact fact) {
        return WRITER.convertValue(fact, MAP);
    }

    /** The fact of {@code family} that an entry holds, or null when the entry is of another family. */
    public static <F> F read(String type, Map<String, Object> data, Class<F> family) {
        Class<?> recordClass = typesOf(family).get(type);
        return recordClass == null ? null : family.cast(READER.convertValue(data, recordClass));
    }

    /** As {@link #read}, refusing any stored key the record does not name (for tests of the stored form). */
    public static <F> F readStrictly(String type, Map<String, Object> data, Class<F> family) {
        Class<?> recordClass = typesOf(family).get(type);
        return recordClass == null ? null : family.cast(STRICT_READER.convertValue(data, recordClass));
    }

    /** Every entry type of a family, with its record class. */
    public static Map<String, Class<?>> typesOf(Class<?> family) {
        return FAMILIES.computeIfAbsent(family, f -> {
            Map<String, Class<?>> types = new HashMap<>();
            collect(f, types);
            return Map.copyOf(types);
        });
    }

    private static void collect(Class<?> type, Map<String, Class<?>> into) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) collect(sub, into);
        } else if (type.isAnnotationPresent(Fact.Type.class)) {
            Class<?> earlier = into.put(typeOf(type), type);
            if (earlier != null && earlier != type)
                throw new IllegalStateException(
                        "Two facts share the type " + typeOf(type) + ": " + earlier.getName() + ", " + type.getName());
        }
    }
}
