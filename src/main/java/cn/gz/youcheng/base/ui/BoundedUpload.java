package cn.gz.youcheng.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upload read into memory only up to its limit. Vaadin's in-memory handler copies the whole request body
 * before anyone can look at its size, so one request of a few hundred megabytes (from any signed-in officer,
 * or a stolen session; the browser's own size check is no defence) would take the heap. Here a body that
 * says it is too large is refused before it is read, and one that does not say is read to one byte past the
 * limit and then refused; Tomcat drops the rest with the connection. Multipart uploads are held to the same
 * limit by the servlet container ({@code spring.servlet.multipart.*}).
 */
public final class BoundedUpload implements UploadHandler {

    private static final Logger log = LoggerFactory.getLogger(BoundedUpload.class);

    /** What to do with a file within the limit; called in the UI's session lock. */
    public interface Receiver {
        void received(String fileName, byte[] content);
    }

    private final int maxBytes;
    private final Receiver receiver;
    private final Runnable tooLarge;

    /** @param tooLarge what to tell the officer when a file is over the limit; called in the UI's session lock */
    public BoundedUpload(int maxBytes, Receiver receiver, Runnable tooLarge) {
        this.maxBytes = maxBytes;
        this.receiver = receiver;
        this.tooLarge = tooLarge;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        if (event.getFileSize() > maxBytes) {
            refuse(event, ui, event.getFileSize());
            return;
        }
        byte[] content;
        try (InputStream in = event.getInputStream()) {
            content = in.readNBytes(maxBytes + 1);
        }
        if (content.length > maxBytes) {
            refuse(event, ui, -1);
            return;
        }
        String fileName = event.getFileName();
        ui.access(() -> receiver.received(fileName, content));
    }

    private void refuse(UploadEvent event, UI ui, long declared) {
        log.warn("Upload refused: {} bytes is more than {}", declared >= 0 ? declared : "more than " + maxBytes, maxBytes);
        event.reject("too large");
        ui.access(tooLarge::run);
    }

    @Override
    public long getRequestSizeMax() {
        // A multipart body is a little larger than its file.
        return maxBytes + 64 * 1024L;
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
