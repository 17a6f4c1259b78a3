package cn.gz.youcheng.directory.ui;

import cn.gz.youcheng.directory.DirectoryParameters;
import com.vaadin.flow.component.html.Paragraph;
import java.util.stream.Collectors;

/** The notice naming what a link carried that could not be understood: the same on every public view. */
final class IgnoredNotice extends Paragraph {

    IgnoredNotice(String id) {
        setId(id);
        getElement().setAttribute("role", "status");
        getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
        setVisible(false);
    }

    /** Shows what the parameters ignored, or hides the notice if nothing was. */
    IgnoredNotice show(DirectoryParameters.Parsed parsed) {
        setVisible(!parsed.ignored().isEmpty());
        setText(parsed.ignored().isEmpty() ? "" : getTranslation("directory.notice.ignored", parsed.ignored().stream()
                .map(DirectoryParameters.Ignored::toString).collect(Collectors.joining(", "))));
        return this;
    }
}
