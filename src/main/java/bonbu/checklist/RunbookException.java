package bonbu.checklist;

/** A runbook file that cannot be used, saying which file, which line and what is wrong. */
class RunbookException extends RuntimeException {

    RunbookException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}
