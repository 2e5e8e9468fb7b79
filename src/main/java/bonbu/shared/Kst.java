package bonbu.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Korea Standard Time: the one zone every page, export and daily bar speaks in. */
public final class Kst {

    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    /** {@code 2023-11-17 08:40 KST}. */
    public static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'KST'").withZone(ZONE);

    /** {@code 2023-11-17 08:40:05 KST}. */
    public static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'KST'").withZone(ZONE);

    /** {@code 11-17 08:40 KST}: within the year on screens where space is short. */
    public static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("MM-dd HH:mm 'KST'").withZone(ZONE);

    private Kst() {}

    public static String minutes(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }

    public static String seconds(Instant at) {
        return at == null ? "" : SECONDS.format(at);
    }

    /** The calendar day in Korea on which {@code at} falls. */
    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZONE);
    }
}
