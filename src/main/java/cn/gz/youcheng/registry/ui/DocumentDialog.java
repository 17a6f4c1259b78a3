package cn.gz.youcheng.registry.ui;

import cn.gz.youcheng.registry.DocumentService;
import cn.gz.youcheng.registry.RegistryCommands;
import cn.gz.youcheng.registry.RegistryValidationException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attaches a document to an agreement or an exchange: a title, whether it is public, and the file, which goes
 * to the database as it arrives (DocumentService), never whole in the server's memory.
 */
class DocumentDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(DocumentDialog.class);

    final TextField title = new TextField();
    final Checkbox published = new Checkbox();
    final Upload upload;
    final Span problem = new Span();

    DocumentDialog(PartnerEditor editor, DocumentService documents, @Nullable Long agreementId, @Nullable Long exchangeId) {
        setId("document-dialog");
        setHeaderTitle(getTranslation("admin.document.attach"));
        title.setLabel(getTranslation("admin.document.title"));
        title.setId("document-title");
        title.setMaxLength(RegistryCommands.TITLE);
        title.setRequired(true);
        published.setLabel(getTranslation("admin.document.published"));
        published.setId("document-published");
        problem.setId("document-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.getElement().setAttribute("role", "alert");

        upload = new Upload(new Handler(documents, agreementId, exchangeId, editor));
        upload.setId("document-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) DocumentService.MOST_BYTES);
        upload.setAcceptedFileTypes("application/pdf", ".pdf", "image/jpeg", ".jpg", ".jpeg", "image/png", ".png",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
        Span label = new Span(getTranslation("admin.document.file"));
        add(new FormLayout(title, published), label, upload, problem);
        getFooter().add(new Button(getTranslation("admin.close"), event -> close()));
    }

    /** What the officer asked for, read in the UI's lock before the file is streamed outside it. */
    private RegistryCommands.AttachDocument command(@Nullable Long agreementId, @Nullable Long exchangeId) {
        return new RegistryCommands.AttachDocument(agreementId, exchangeId, title.getValue(), published.getValue());
    }

    /** Streams the file into the database in the upload's own request, then tells the dialog in the UI's lock. */
    private final class Handler implements UploadHandler {

        private final DocumentService documents;
        private final @Nullable Long agreementId;
        private final @Nullable Long exchangeId;
        private final PartnerEditor editor;

        Handler(DocumentService documents, @Nullable Long agreementId, @Nullable Long exchangeId, PartnerEditor editor) {
            this.documents = documents;
            this.agreementId = agreementId;
            this.exchangeId = exchangeId;
            this.editor = editor;
        }

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            UI ui = event.getUI();
            if (event.getFileSize() > DocumentService.MOST_BYTES) {
                event.reject("too large");
                ui.access(() -> problem.setText(getTranslation("validation.document-too-large", 20)));
                return;
            }
            AtomicReference<RegistryCommands.AttachDocument> asked = new AtomicReference<>();
            ui.accessSynchronously(() -> asked.set(command(agreementId, exchangeId)));
            try (InputStream in = event.getInputStream()) {
                documents.attach(asked.get(), event.getFileName(), in);
                ui.access(() -> {
                    FormErrors.saved(getTranslation("admin.document.attached"));
                    close();
                    editor.reload();
                });
            } catch (RegistryValidationException refused) {
                event.reject("refused");
                ui.access(() -> {
                    problem.setText(cn.gz.youcheng.base.ui.Messages.join(DocumentDialog.this,
                            refused.problems().stream().map(RegistryValidationException.Problem::message).toList()));
                    title.setInvalid(refused.problems().stream().anyMatch(p -> p.field().equals("title")));
                    upload.clearFileList();
                });
            } catch (RuntimeException failure) {
                log.error("A document could not be attached", failure);
                event.reject("failed");
                ui.access(() -> problem.setText(getTranslation("api.error.failed")));
            }
        }

        @Override
        public long getRequestSizeMax() {
            return DocumentService.MOST_BYTES + 64 * 1024L;
        }

        @Override
        public long getFileSizeMax() {
            return DocumentService.MOST_BYTES;
        }

        @Override
        public long getFileCountMax() {
            return 1;
        }
    }
}
