package bonbu.shared;

import io.quarkus.hibernate.orm.panache.Panache;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** Human-readable numbers per prefix and year, e.g. {@code INC-2023-0017}, counted in Korean time. */
public final class YearlyNumbers {

    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private YearlyNumbers() {}

    /** The next number for {@code prefix} in the year of {@code at}; call inside the write's transaction. */
    public static String next(String prefix, Instant at) {
        int year = at.atZone(KOREA).getYear();
        Object last = Panache.getEntityManager()
                .createNativeQuery("INSERT INTO yearly_number (prefix, year, last) VALUES (?1, ?2, 1)"
                        + " ON CONFLICT (prefix, year) DO UPDATE SET last = yearly_number.last + 1 RETURNING last")
                .setParameter(1, prefix)
                .setParameter(2, year)
                .getSingleResult();
        return String.format(Locale.ROOT, "%s-%d-%04d", prefix, year, ((Number) last).intValue());
    }
}
