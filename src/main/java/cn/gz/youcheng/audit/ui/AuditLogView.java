package cn.gz.youcheng.audit.ui;

import cn.gz.youcheng.base.ui.ComponentTexts;
import cn.gz.youcheng.base.Guangzhou;
import cn.gz.youcheng.audit.AuditLog;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every committed change, newest first, by whom and when, loaded page by page: registry revisions with the
 * partners they touched, and changes of officers' accounts.
 */
@Route("admin/audit")
@Menu(title = "menu.admin.audit", order = 25)
@RolesAllowed({"ADMIN", "EDITOR"})
class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    AuditLogView(AuditLog log) {
        setSizeFull();
        ComboBox<String> user = new ComboBox<>(getTranslation("audit.user"));
        user.setId("audit-user");
        user.setItems(log.usernames());
        user.setClearButtonVisible(true);
        DatePicker from = ComponentTexts.dates(new DatePicker(getTranslation("audit.from")));
        from.setId("audit-from");
        DatePicker to = ComponentTexts.dates(new DatePicker(getTranslation("audit.to")));
        to.setId("audit-to");
        Select<AuditLog.Kind> kind = new Select<>();
        kind.setId("audit-kind");
        kind.setLabel(getTranslation("audit.kind"));
        kind.setItems(AuditLog.Kind.values());
        kind.setItemLabelGenerator(value -> getTranslation("audit.kind." + value.name().toLowerCase(Locale.ROOT)));
        kind.setValue(AuditLog.Kind.ALL);
        kind.setVisible(log.showsAccounts());
        TextField partner = new TextField(getTranslation("audit.partner"));
        partner.setId("audit-partner");
        partner.setValueChangeMode(ValueChangeMode.LAZY);
        partner.setClearButtonVisible(true);

        Grid<AuditLog.Entry> grid = new Grid<>(AuditLog.Entry.class, false);
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(entry -> entry.account().isPresent() ? "" : String.valueOf(entry.revision()))
                .setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> TIME.format(entry.at().atZoneSameInstant(ZoneOffset.UTC)) + " UTC")
                .setHeader(getTranslation("audit.time-utc")).setAutoWidth(true);
        grid.addColumn(entry -> TIME.format(entry.at().atZoneSameInstant(Guangzhou.ZONE)))
                .setHeader(getTranslation("audit.time-local")).setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::username).setHeader(getTranslation("audit.user")).setAutoWidth(true);
        grid.addColumn(entry -> String.join("、", entry.partners())
                        + (entry.partnerCount() > entry.partners().size()
                        ? " " + getTranslation("audit.more", entry.partnerCount() - entry.partners().size()) : ""))
                .setHeader(getTranslation("audit.partners"));
        grid.addColumn(entry -> entry.account().map(this::describe).orElse(entry.comment()))
                .setHeader(getTranslation("audit.comment")).setAutoWidth(true);
        grid.setItems(query -> log.page(filter(user, from, to, partner, kind), query.getOffset(), query.getLimit())
                        .stream(),
                query -> log.count(filter(user, from, to, partner, kind)));
        user.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        from.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        partner.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        kind.addValueChangeListener(event -> grid.getDataProvider().refreshAll());

        HorizontalLayout filters = new HorizontalLayout(kind, user, from, to, partner);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        add(new H2(getTranslation("audit.title")), filters, grid);
        setFlexGrow(1, grid);
    }

    private static AuditLog.Filter filter(ComboBox<String> user, DatePicker from, DatePicker to, TextField partner,
            Select<AuditLog.Kind> kind) {
        return new AuditLog.Filter(user.getValue(), from.getValue(), to.getValue(), partner.getValue(), kind.getValue());
    }

    /** An account change in words: "li.na: role Editor → Administrator (from 203.0.113.5)". */
    private String describe(AuditLog.AccountChange change) {
        String what = getTranslation("audit.account." + change.event().toLowerCase(Locale.ROOT).replace('_', '-'),
                role(change.roleBefore()), role(change.roleAfter()));
        return change.account() + ": " + what
                + (change.address() == null ? "" : " " + getTranslation("audit.account.from", change.address()));
    }

    private String role(String role) {
        return role == null ? "" : getTranslation("role." + role.toLowerCase(Locale.ROOT));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}
