package cn.gz.youcheng.registry.ui;

import cn.gz.youcheng.registry.DocumentService;
import cn.gz.youcheng.registry.ExchangeService;
import cn.gz.youcheng.registry.PartnerHistory;
import cn.gz.youcheng.registry.RegistryService;
import cn.gz.youcheng.registry.query.Anniversaries;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.security.Role;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;

/**
 * The anniversaries of the next twelve months with each agreement's details, for planning visits, messages and
 * celebrations; a row opens its partner's editor.
 */
@Route("admin/anniversaries")
@Menu(title = "menu.admin.anniversaries", order = 15)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
class AnniversariesAdminView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Anniversaries.Anniversary> grid = new Grid<>();

    AnniversariesAdminView(Anniversaries anniversaries, DirectoryQueries queries, RegistryService registry,
            ExchangeService exchanges, DocumentService documents, PartnerHistory history) {
        setSizeFull();
        grid.setId("anniversaries-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Anniversaries.Anniversary::on).setHeader(getTranslation("admin.anniversaries.on")).setAutoWidth(true);
        grid.addColumn(Anniversaries.Anniversary::years).setHeader(getTranslation("admin.anniversaries.years")).setAutoWidth(true);
        grid.addColumn(Anniversaries.Anniversary::nameZh).setHeader(getTranslation("directory.column.nameZh")).setAutoWidth(true);
        grid.addColumn(Anniversaries.Anniversary::nameEn).setHeader(getTranslation("directory.column.nameEn")).setAutoWidth(true);
        grid.addColumn(Anniversaries.Anniversary::countryZh).setHeader(getTranslation("directory.column.country")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation(Keys.of("kind", a.kind()))).setHeader(getTranslation("admin.field.kind")).setAutoWidth(true);
        grid.addColumn(Anniversaries.Anniversary::signedOn).setHeader(getTranslation("admin.field.signedOn")).setAutoWidth(true);
        grid.addColumn(a -> Objects.requireNonNullElse(a.placeSigned(), "")).setHeader(getTranslation("admin.field.placeSigned"))
                .setAutoWidth(true);
        grid.addColumn(a -> Objects.requireNonNullElse(a.source(), "")).setHeader(getTranslation("admin.field.source"))
                .setAutoWidth(true);
        grid.setItems(anniversaries.nextTwelveMonths(queries.today()));
        // As in the agreements' grid: the row's selection, which a click and Space both make, opens it.
        grid.asSingleSelect().addValueChangeListener(event -> {
            if (event.getValue() != null) {
                grid.deselectAll();
                new PartnerEditor(registry, exchanges, documents, history, event.getValue().partnerId()).open();
            }
        });
        add(new H2(getTranslation("admin.anniversaries.title")), new Paragraph(getTranslation("admin.anniversaries.intro")), grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.anniversaries.title") + " · " + getTranslation("app.name");
    }
}
