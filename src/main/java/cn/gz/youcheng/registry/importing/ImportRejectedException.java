package cn.gz.youcheng.registry.importing;

/** A bulk import that cannot be applied: a file problem or at least one row in error. Nothing was written. */
public class ImportRejectedException extends RuntimeException {

    private final BulkImport.Preview preview;

    public ImportRejectedException(BulkImport.Preview preview) {
        super(preview.fileProblem() != null ? preview.fileProblem().key()
                : preview.count(BulkImport.Outcome.ERROR) + " rows in error");
        this.preview = preview;
    }

    public BulkImport.Preview preview() {
        return preview;
    }
}
