package bonbu.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Text shown to people in Korean and English. Korean is required; English falls back to Korean.
 *
 * <p>A plain JSON string is accepted as Korean-only text.
 */
public record LocalizedText(
        @NotBlank(message = "Korean text (ko) is required") @Size(max = 2000)
        String ko,

        @Size(max = 2000) String en) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LocalizedText korean(String ko) {
        return new LocalizedText(ko, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static LocalizedText of(
            @com.fasterxml.jackson.annotation.JsonProperty("ko") String ko,
            @com.fasterxml.jackson.annotation.JsonProperty("en") String en) {
        return new LocalizedText(ko, en == null || en.isBlank() ? null : en);
    }

    /** English, or Korean where no English was given. */
    public String enOrKo() {
        return en == null ? ko : en;
    }
}
