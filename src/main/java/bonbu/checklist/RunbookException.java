package bonbu.checklist;

/** A runbook file that cannot be used, saying which file, which line and what is wrong. */
public class RunbookException extends RuntimeException {

    public RunbookException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}
