package cn.gz.youcheng.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/** Recovery codes, shown once: the officer saves them before going on. */
class RecoveryCodesPanel extends VerticalLayout {

    RecoveryCodesPanel(List<String> codes, Runnable done) {
        setPadding(false);
        UnorderedList list = new UnorderedList(codes.stream().map(ListItem::new).toArray(ListItem[]::new));
        list.setId("recovery-codes");
        list.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        Button saved = new Button(getTranslation("second-factor.recovery.saved"), event -> done.run());
        saved.setId("recovery-codes-saved");
        saved.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3(getTranslation("second-factor.recovery.title")),
                new Paragraph(getTranslation("second-factor.recovery.text")), list, saved);
    }
}
