package cn.gz.youcheng.registry.ui;

import cn.gz.youcheng.base.Guangzhou;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.DocumentEditing;
import cn.gz.youcheng.registry.DocumentService;
import cn.gz.youcheng.registry.ExchangeEditing;
import cn.gz.youcheng.registry.ExchangeService;
import cn.gz.youcheng.registry.PartnerEditing;
import cn.gz.youcheng.registry.PartnerEditing.AgreementEditing;
import cn.gz.youcheng.registry.PartnerHistory;
import cn.gz.youcheng.registry.RegistryCommands;
import cn.gz.youcheng.registry.RegistryService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Edits one partner: its details, each agreement (details, suspend, end, reinstate), the upgrade to sister
 * city, and shows who changed what and when.
 */
class PartnerEditor extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final RegistryService registry;
    private final ExchangeService exchanges;
    private final DocumentService documents;
    private final PartnerHistory history;
    private final long partnerId;
    private final VerticalLayout content = new VerticalLayout();

    final TextField nameZh = new TextField();
    final TextField nameEn = new TextField();
    final Select<AdminLevel> adminLevel = new Select<>();
    final NumberField latitude = new NumberField();
    final NumberField longitude = new NumberField();
    final TextField geonamesId = new TextField();
    final TextField wikidataQid = new TextField();
    // Both set by reload, which the constructor calls.
    @SuppressWarnings("NullAway.Init")
    Button upgrade;
    @SuppressWarnings("NullAway.Init")
    private PartnerEditing partner;
    private List<DocumentEditing> attached = List.of();

    PartnerEditor(RegistryService registry, ExchangeService exchanges, DocumentService documents, PartnerHistory history,
            long partnerId) {
        this.registry = registry;
        this.exchanges = exchanges;
        this.documents = documents;
        this.history = history;
        this.partnerId = partnerId;
        setId("partner-editor");
        setWidth("min(60em, 100vw)");
        nameZh.setLabel(getTranslation("admin.field.nameZh"));
        nameZh.setId("edit-nameZh");
        nameEn.setLabel(getTranslation("admin.field.nameEn"));
        nameEn.setId("edit-nameEn");
        adminLevel.setLabel(getTranslation("admin.field.adminLevel"));
        adminLevel.setItems(AdminLevel.values());
        adminLevel.setItemLabelGenerator(l -> getTranslation(Keys.of("level", l)));
        latitude.setLabel(getTranslation("admin.field.latitude"));
        longitude.setLabel(getTranslation("admin.field.longitude"));
        geonamesId.setLabel(getTranslation("admin.field.geonamesId"));
        geonamesId.setHelperText(getTranslation("admin.field.geonamesId.help"));
        geonamesId.setId("edit-geonamesId");
        wikidataQid.setLabel(getTranslation("admin.field.wikidataQid"));
        wikidataQid.setHelperText(getTranslation("admin.field.wikidataQid.help"));
        wikidataQid.setId("edit-wikidataQid");
        nameZh.setMaxLength(RegistryCommands.NAME_ZH);
        nameEn.setMaxLength(RegistryCommands.NAME_EN);
        Map<String, HasValidation> fields = Map.of("nameZh", nameZh, "nameEn", nameEn, "adminLevel", adminLevel,
                "latitude", latitude, "longitude", longitude, "geonamesId", geonamesId, "wikidataQid", wikidataQid);
        Button saveDetails = new Button(getTranslation("admin.save"));
        saveDetails.setId("edit-save");
        saveDetails.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveDetails.addClickListener(event -> {
            run(fields, () -> registry.editPartner(new RegistryCommands.EditPartner(partner.id(), partner.version(),
                    nameZh.getValue(), nameEn.getValue(), adminLevel.getValue(), latitude.getValue(),
                    longitude.getValue(), geonamesId.getValue(), wikidataQid.getValue())));
        });
        add(new FormLayout(nameZh, nameEn, adminLevel, latitude, longitude, geonamesId, wikidataQid, saveDetails), content);
        getFooter().add(new Button(getTranslation("admin.close"), event -> close()));
        reload();
    }

    /** Shows the partner as it is now in the database. */
    void reload() {
        partner = registry.partnerForEditing(partnerId).orElseThrow();
        setHeaderTitle(partner.nameZh() + " · " + partner.nameEn() + " (" + partner.countryZh() + ")");
        nameZh.setValue(partner.nameZh());
        nameEn.setValue(partner.nameEn());
        adminLevel.setValue(partner.adminLevel());
        latitude.setValue(partner.latitude());
        longitude.setValue(partner.longitude());
        geonamesId.setValue(partner.geonamesId() == null ? "" : partner.geonamesId().toString());
        wikidataQid.setValue(java.util.Objects.requireNonNullElse(partner.wikidataQid(), ""));
        for (HasValidation field : List.of(nameZh, nameEn, adminLevel, latitude, longitude, geonamesId, wikidataQid)) {
            field.setInvalid(false);
        }
        content.removeAll();

        attached = documents.ofPartner(partnerId);
        content.add(new H3(getTranslation("partner.agreements")));
        upgrade = new Button(getTranslation("admin.upgrade"), event -> new UpgradeDialog(this, registry, partner).open());
        upgrade.setId("upgrade");
        upgrade.setEnabled(partner.upgradable());
        content.add(upgrade);
        for (AgreementEditing agreement : partner.agreements()) {
            content.add(agreementRow(agreement));
        }

        content.add(new H3(getTranslation("admin.exchanges")));
        Button addExchange = new Button(getTranslation("admin.exchange.add"),
                event -> new ExchangeDialog(this, exchanges, partner, null).open());
        addExchange.setId("add-exchange");
        content.add(addExchange);
        List<ExchangeEditing> recorded = exchanges.exchangesForEditing(partnerId);
        if (recorded.isEmpty()) {
            content.add(new Paragraph(getTranslation("admin.exchange.none")));
        }
        for (ExchangeEditing exchange : recorded) {
            content.add(exchangeRow(exchange));
        }

        content.add(new H3(getTranslation("admin.history")));
        UnorderedList timeline = new UnorderedList();
        timeline.setId("partner-history");
        for (PartnerHistory.Entry entry : history.of(partnerId)) {
            ListItem item = new ListItem();
            item.add(new Span(entry.username() + " · " + TIME.format(entry.at().atZone(ZoneOffset.UTC)) + " UTC ("
                    + TIME.format(entry.at().atZone(Guangzhou.ZONE)) + " " + getTranslation("admin.history.local") + ") · "
                    + subject(entry) + " · " + getTranslation("admin.history." + entry.type().name().toLowerCase(java.util.Locale.ROOT))
                    + (entry.comment() == null ? "" : " · " + entry.comment())));
            UnorderedList changes = new UnorderedList();
            entry.changes().forEach(change -> changes.add(new ListItem(getTranslation("admin.field." + change.field())
                    + ": " + value(change.field(), change.before()) + " → " + value(change.field(), change.after()))));
            item.add(changes);
            timeline.add(item);
        }
        content.add(timeline);
    }

    private Div agreementRow(AgreementEditing agreement) {
        Div row = new Div();
        row.setId("agreement-" + agreement.id());
        row.add(new Span(getTranslation(Keys.of("kind", agreement.kind())) + " · "
                + agreement.signedOn() + " · " + getTranslation(Keys.of("status", agreement.status()))
                + (agreement.placeSigned() == null ? "" : " · " + agreement.placeSigned())));
        if (agreement.internalNote() != null) {
            row.add(internalNote(agreement.internalNote()));
        }
        UnorderedList steps = new UnorderedList();
        for (PartnerEditing.StatusChangeEditing step : agreement.history()) {
            ListItem item = new ListItem(step.effectiveOn() + ": " + getTranslation(Keys.of("status", step.status()))
                    + (step.reason() == null ? "" : " · " + step.reason()));
            if (step.internalNote() != null) {
                item.add(internalNote(step.internalNote()));
            }
            steps.add(item);
        }
        row.add(steps);
        row.add(documentsOf(agreement.id(), null));
        HorizontalLayout actions = new HorizontalLayout();
        actions.add(new Button(getTranslation("admin.edit-agreement"),
                event -> new AgreementDialog(this, registry, agreement).open()));
        Button attach = new Button(getTranslation("admin.document.attach"),
                event -> new DocumentDialog(this, documents, agreement.id(), null).open());
        attach.setId("attach-agreement-" + agreement.id());
        actions.add(attach);
        // The buttons in a fixed order, each only where the status allows that change.
        for (AgreementStatus next : List.of(AgreementStatus.SUSPENDED, AgreementStatus.TERMINATED, AgreementStatus.ACTIVE)) {
            if (agreement.status().canChangeTo(next)) {
                actions.add(statusButton(agreement, next, switch (next) {
                    case SUSPENDED -> "admin.suspend";
                    case TERMINATED -> "admin.terminate";
                    default -> "admin.reinstate";
                }));
            }
        }
        row.add(actions);
        return row;
    }

    private Div exchangeRow(ExchangeEditing exchange) {
        Div row = new Div();
        row.setId("exchange-" + exchange.id());
        row.addClassName("exchange");
        String title = getLocale().getLanguage().equals("zh")
                ? java.util.Objects.requireNonNullElse(exchange.titleZh(), java.util.Objects.requireNonNullElse(exchange.titleEn(), ""))
                : java.util.Objects.requireNonNullElse(exchange.titleEn(), java.util.Objects.requireNonNullElse(exchange.titleZh(), ""));
        row.add(new Span(exchange.startsOn() + (exchange.endsOn() == null || exchange.endsOn().equals(exchange.startsOn())
                ? "" : "–" + exchange.endsOn()) + " · " + getTranslation(Keys.of("exchange.kind", exchange.kind())) + " · "
                + exchange.themes().stream().sorted().map(theme -> getTranslation(Keys.of("exchange.theme", theme)))
                        .collect(java.util.stream.Collectors.joining(", ")) + " · " + title
                + (exchange.published() ? "" : " (" + getTranslation("admin.exchange.internal") + ")")));
        Button edit = new Button(getTranslation("admin.exchange.edit"),
                event -> new ExchangeDialog(this, exchanges, partner, exchange).open());
        edit.setId("edit-exchange-" + exchange.id());
        Button delete = new Button(getTranslation("admin.exchange.delete"), event -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setText(getTranslation("admin.exchange.delete.confirm"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("admin.cancel"));
            confirm.setConfirmText(getTranslation("admin.exchange.delete"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(confirmed -> run(Map.of(), () -> exchanges.delete(exchange.id(), exchange.version())));
            confirm.open();
        });
        delete.setId("delete-exchange-" + exchange.id());
        Button attach = new Button(getTranslation("admin.document.attach"),
                event -> new DocumentDialog(this, documents, null, exchange.id()).open());
        attach.setId("attach-exchange-" + exchange.id());
        row.add(documentsOf(null, exchange.id()), new HorizontalLayout(edit, delete, attach));
        return row;
    }

    /** The documents of an agreement or an exchange: each a download link, marked if internal, with its delete button. */
    private UnorderedList documentsOf(@Nullable Long agreementId, @Nullable Long exchangeId) {
        UnorderedList list = new UnorderedList();
        list.addClassName("documents");
        for (DocumentEditing document : attached) {
            if (!java.util.Objects.equals(document.agreementId(), agreementId) || !java.util.Objects.equals(document.exchangeId(), exchangeId)) {
                continue;
            }
            com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor(
                    "export/documents/" + document.id(), document.title());
            link.setRouterIgnore(true);
            Button delete = new Button(getTranslation("admin.document.delete"), event -> {
                ConfirmDialog confirm = new ConfirmDialog();
                confirm.setText(getTranslation("admin.document.delete.confirm"));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("admin.cancel"));
                confirm.setConfirmText(getTranslation("admin.document.delete"));
                confirm.setConfirmButtonTheme("error primary");
                confirm.addConfirmListener(confirmed -> run(Map.of(), () -> documents.delete(document.id(), document.version())));
                confirm.open();
            });
            delete.setId("delete-document-" + document.id());
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            ListItem item = new ListItem(link, new Span(" · " + document.fileName() + " · " + DocumentService.size(document.sizeBytes())
                    + (document.published() ? "" : " (" + getTranslation("admin.exchange.internal") + ")")), delete);
            item.setId("document-" + document.id());
            list.add(item);
        }
        return list;
    }

    /** An internal note as officers see it, marked as never published. */
    private Div internalNote(String note) {
        Div div = new Div(getTranslation("admin.field.internalNote") + " (" + getTranslation("admin.internal.short")
                + "): " + note);
        div.addClassName("internal-note");
        div.getStyle().set("white-space", "pre-line").set("color", "var(--lumo-secondary-text-color)");
        return div;
    }

    private Button statusButton(AgreementEditing agreement, AgreementStatus status, String key) {
        Button button = new Button(getTranslation(key),
                event -> new StatusDialog(this, registry, agreement, status, getTranslation(key)).open());
        button.setId(key.substring("admin.".length()) + "-" + agreement.id());
        return button;
    }

    /** Enum values in the visitor's language, the rest as recorded. */
    private String value(String field, @Nullable String value) {
        if (value == null) {
            return "—";
        }
        if (field.equals("themes")) {
            return cn.gz.youcheng.registry.ExchangeTheme.of(value).stream().sorted()
                    .map(theme -> getTranslation(Keys.of("exchange.theme", theme))).collect(java.util.stream.Collectors.joining(", "));
        }
        String prefix = switch (field) {
            case "status" -> "status";
            case "kind" -> "kind";
            case "exchangeKind" -> "exchange.kind";
            case "adminLevel" -> "level";
            default -> null;
        };
        return prefix == null ? value : getTranslation(prefix + "." + value.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    private String subject(PartnerHistory.Entry entry) {
        if (entry.subject().startsWith("exchange:")) {
            return getTranslation("admin.history.exchange", entry.subject().substring("exchange:".length()));
        }
        return entry.subject().equals("partner") ? getTranslation("admin.history.partner")
                : getTranslation("admin.history.agreement", entry.subject().substring("agreement:".length()));
    }

    /** Saves a change and shows the result; a conflicting edit offers to reload what the other officer saved. */
    boolean run(Map<String, ? extends HasValidation> fields, Runnable change) {
        boolean saved = FormErrors.attempt(this, fields, change, this::conflict);
        if (saved) {
            FormErrors.saved(getTranslation("admin.saved"));
            reload();
        }
        return saved;
    }

    private void conflict() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("conflict");
        dialog.setHeader(getTranslation("admin.conflict.title"));
        dialog.setText(getTranslation("admin.conflict.text"));
        dialog.setConfirmText(getTranslation("admin.conflict.reload"));
        dialog.addConfirmListener(event -> reload());
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("admin.cancel"));
        dialog.open();
    }
}
