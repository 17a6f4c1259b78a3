package cn.gz.youcheng.registry.ui;

import cn.gz.youcheng.base.ui.BoundedUpload;
import cn.gz.youcheng.base.ui.ComponentTexts;
import cn.gz.youcheng.base.ui.Messages;
import cn.gz.youcheng.registry.RegistryValidationException;
import cn.gz.youcheng.registry.importing.BulkImport;
import cn.gz.youcheng.registry.importing.ImportRejectedException;
import cn.gz.youcheng.security.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Bulk import: upload a CSV (the export's columns) or the official text, see what every row would do, then
 * apply all of it or nothing.
 */
@Route("admin/import")
@Menu(title = "menu.admin.import", order = 20)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
class ImportView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ImportView.class);

    private final BulkImport bulkImport;
    private final Paragraph summary = new Paragraph();
    private final Grid<BulkImport.Row> rows = new Grid<>(BulkImport.Row.class, false);
    private final Button apply = new Button();
    private final ProgressBar progress = new ProgressBar();
    private BulkImport.@Nullable Preview previewed;
    private byte @Nullable [] content;

    ImportView(BulkImport bulkImport) {
        this.bulkImport = bulkImport;
        setSizeFull();
        // Bounded on the server while it streams: the browser's own limit below is a convenience only.
        Upload upload = new Upload(new BoundedUpload(BulkImport.MAX_BYTES, this::preview, this::tooLarge));
        upload.setId("import-upload");
        ComponentTexts.upload(upload);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(BulkImport.MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        upload.addFileRejectedListener(event -> tooLarge());

        summary.setId("import-summary");
        rows.setId("import-rows");
        rows.addThemeVariants(GridVariant.LUMO_COMPACT);
        rows.addColumn(BulkImport.Row::row).setHeader(getTranslation("import.row")).setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(row -> getTranslation("import.outcome." + row.outcome().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("import.outcome")).setAutoWidth(true);
        rows.addColumn(BulkImport.Row::nameZh).setHeader(getTranslation("directory.column.nameZh")).setAutoWidth(true);
        rows.addColumn(BulkImport.Row::countryIso2).setHeader(getTranslation("directory.column.country")).setAutoWidth(true);
        rows.addColumn(row -> Messages.join(this, row.detail())).setHeader(getTranslation("import.detail"));
        rows.setPartNameGenerator(row -> row.outcome() == BulkImport.Outcome.ERROR ? "error-row" : null);

        apply.setText(getTranslation("import.apply"));
        apply.setId("import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(event -> {
            apply.setEnabled(false);
            progress.setVisible(true);
            // A second round trip, so that the progress bar is on screen while the import runs.
            UI.getCurrent().getPage().executeJs("return 0").then(ignored -> applyFile());
        });
        progress.setIndeterminate(true);
        progress.setVisible(false);

        add(new H2(getTranslation("import.title")), new Paragraph(getTranslation("import.help",
                BulkImport.MAX_ROWS, BulkImport.MAX_BYTES / 1024 / 1024)), upload, summary, progress, apply, rows);
        setFlexGrow(1, rows);
    }

    void preview(String name, byte[] data) {
        content = data;
        show(bulkImport.preview(name, data));
    }

    /** A file refused for its size replaces the one before: nothing is left to apply by mistake. */
    void tooLarge() {
        previewed = null;
        content = null;
        rows.setItems(java.util.List.of());
        apply.setEnabled(false);
        summary.setText(getTranslation("import.error.too-large"));
    }

    void applyFile() {
        BulkImport.Preview previewed = this.previewed;
        byte[] content = this.content;
        if (previewed == null || content == null) {
            return;
        }
        try {
            BulkImport.Preview applied = bulkImport.apply(previewed, content);
            summary.setText(getTranslation("import.applied", applied.count(BulkImport.Outcome.NEW),
                    applied.count(BulkImport.Outcome.CHANGED), applied.fileName()));
            apply.setEnabled(false);
            this.content = null;
        } catch (ImportRejectedException e) {
            // The registry as it is now: if only others' changes stood in the way, this preview can be applied.
            show(e.preview());
            apply.setEnabled(e.preview().rows().stream().noneMatch(row -> row.outcome() == BulkImport.Outcome.ERROR)
                    && e.preview().rows().stream().anyMatch(row -> row.outcome() == BulkImport.Outcome.NEW
                    || row.outcome() == BulkImport.Outcome.CHANGED));
        } catch (ConcurrencyFailureException | DataIntegrityViolationException | RegistryValidationException e) {
            // A colleague saved a partner of the file while it was applied: nothing was applied.
            log.info("Import of {} not applied: the registry changed while it ran ({})", previewed.fileName(),
                    e.getClass().getSimpleName());
            summary.setText(getTranslation("import.error.changed-while-applying"));
        } catch (RuntimeException e) {
            log.error("Import of {} failed", previewed.fileName(), e);
            summary.setText(getTranslation("import.error.unexpected"));
        } finally {
            progress.setVisible(false);
        }
    }

    private void show(BulkImport.Preview preview) {
        previewed = preview;
        rows.setItems(preview.rows());
        if (preview.fileProblem() != null) {
            summary.setText(Messages.text(this, preview.fileProblem()));
        } else {
            summary.setText(getTranslation("import.preview", preview.fileName(), preview.count(BulkImport.Outcome.NEW),
                    preview.count(BulkImport.Outcome.CHANGED), preview.count(BulkImport.Outcome.UNCHANGED),
                    preview.count(BulkImport.Outcome.ERROR)));
        }
        apply.setEnabled(preview.applicable());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " · " + getTranslation("app.name");
    }
}
