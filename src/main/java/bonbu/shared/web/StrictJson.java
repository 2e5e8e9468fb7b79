package bonbu.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The JSON reader takes what a request says literally and refuses what cannot be stored: a number
 * field takes a JSON number and no fraction ({@code "tier": 2.5} or {@code "2"} is refused, not
 * rounded or parsed), a true/false field takes {@code true} or {@code false}, text must not
 * contain NUL, and dates must lie in {@link InputRules}' range. Each refusal is a 400 naming the
 * field.
 */
@Singleton
class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule rules = new SimpleModule("bonbu-input-rules");
        rules.addDeserializer(String.class, new Text());
        rules.addKeyDeserializer(String.class, new TextKey());
        rules.addDeserializer(Instant.class, new BoundedInstant());
        rules.addDeserializer(LocalDate.class, new BoundedDate());
        rules.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                return new TextToObject(deserializer);
            }
        });
        mapper.registerModule(rules);
    }

    /** After Quarkus' own customizers, so these deserializers win over the java.time module's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (InputRules.hasNul(value)) {
                throw new RefusedValue(p, String.class, InputRules.NUL_REASON, null);
            }
            return value;
        }
    }

    /**
     * An object made from a JSON string (such as {@code LocalizedText} from plain Korean text)
     * bypasses the text deserializer: the same rule, checked before the object is made.
     */
    static final class TextToObject extends DelegatingDeserializer {
        TextToObject(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextToObject(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && InputRules.hasNul(p.getText())) {
                throw new RefusedValue(p, handledType(), InputRules.NUL_REASON, null);
            }
            return super.deserialize(p, ctxt);
        }
    }

    static final class TextKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (InputRules.hasNul(key)) {
                throw new RefusedValue(ctxt.getParser(), String.class, InputRules.NUL_REASON, null);
            }
            return key;
        }
    }

    static final class BoundedInstant extends StdScalarDeserializer<Instant> {
        BoundedInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Instant value = InstantDeserializer.INSTANT.deserialize(p, ctxt);
            if (value != null && !InputRules.inRange(value)) {
                throw new RefusedValue(p, Instant.class, InputRules.DATE_REASON, value.toString());
            }
            return value;
        }
    }

    static final class BoundedDate extends StdScalarDeserializer<LocalDate> {
        BoundedDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate value = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            if (value != null && !InputRules.inRange(value)) {
                throw new RefusedValue(p, LocalDate.class, InputRules.DATE_REASON, value.toString());
            }
            return value;
        }
    }
}
