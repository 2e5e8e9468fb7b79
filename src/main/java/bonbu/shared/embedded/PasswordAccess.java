package bonbu.shared.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Who may connect to the embedded PostgreSQL: only the service's user, with a password generated
 * at the first start, over TCP from this machine. Also upgrades a data directory made before
 * passwords, which trusted every local connection.
 */
final class PasswordAccess {

    private static final Logger LOG = Logger.getLogger(PasswordAccess.class);
    private static final String USER = EmbeddedDatabase.USER;
    private static final String HBA = """
            # Written by Bonbu at every start of the embedded PostgreSQL: TCP from this machine only,
            # with the password kept in the file postgres-password beside this data directory.
            host all all 127.0.0.1/32 scram-sha-256
            """;

    private PasswordAccess() {}

    /** Creates or upgrades the data directory so that it asks for the password; answers it. */
    static String prepare(PostgresBinaries binaries, Path root, Path data) throws IOException {
        Path passwordFile = root.resolve("postgres-password");
        String password = Files.exists(passwordFile)
                ? Files.readString(passwordFile, StandardCharsets.UTF_8).trim()
                : "";
        boolean newPassword = password.isEmpty();
        if (newPassword) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.deleteIfExists(passwordFile);
            Files.createFile(
                    passwordFile,
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(PostgresBinaries.OWNER_ONLY_FILE));
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        }
        Files.setPosixFilePermissions(passwordFile, PostgresBinaries.OWNER_ONLY_FILE);

        if (!Files.exists(data.resolve("PG_VERSION"))) {
            Files.createDirectories(data);
            Files.setPosixFilePermissions(data, PostgresBinaries.OWNER_ONLY_DIR);
            binaries.run(
                    null,
                    "initdb",
                    "-D",
                    data.toString(),
                    "-U",
                    USER,
                    "-E",
                    "UTF-8",
                    "-A",
                    "scram-sha-256",
                    "--pwfile=" + passwordFile.toAbsolutePath());
        } else if (newPassword || trustsAnyone(data)) {
            // A data directory from before passwords (or whose password file was removed): set the
            // password in single-user mode, which opens no port, then close the door below.
            LOG.warnf("Upgrading the embedded PostgreSQL in %s to password authentication", data);
            binaries.run(
                    "ALTER ROLE " + USER + " PASSWORD '" + password + "';\n",
                    "postgres",
                    "--single",
                    "-D",
                    data.toString(),
                    "-c",
                    "unix_socket_directories=",
                    "postgres");
        }
        Files.writeString(data.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(data.resolve("pg_hba.conf"), PostgresBinaries.OWNER_ONLY_FILE);
        Files.setPosixFilePermissions(data, PostgresBinaries.OWNER_ONLY_DIR);
        return password;
    }

    private static boolean trustsAnyone(Path data) throws IOException {
        Path hba = data.resolve("pg_hba.conf");
        if (!Files.exists(hba)) return true;
        for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
            String rule = line.replaceFirst("#.*", "").trim();
            if (!rule.isEmpty() && !rule.endsWith("scram-sha-256")) return true;
        }
        return false;
    }
}
