package bonbu.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The emergency account, configured only from the environment
 * ({@code BONBU_BREAK_GLASS_PASSWORD_HASH}, a bcrypt hash); without a hash it does not exist.
 */
@ConfigMapping(prefix = "bonbu.break-glass")
public interface BreakGlassConfig {

    @WithDefault("break-glass")
    String username();

    Optional<String> passwordHash();
}
