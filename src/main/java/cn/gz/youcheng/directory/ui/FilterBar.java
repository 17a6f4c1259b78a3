package cn.gz.youcheng.directory.ui;

import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;

/**
 * The filters a statistics or map view shows, read from the same URL parameters as the directory, with
 * links to the directory, the charts and the map for the same selection.
 */
final class FilterBar {

    private FilterBar() {
    }

    static Component of(Component view, DirectoryParameters.Parsed parsed, LocalDate today) {
        DirectoryFilter filter = parsed.filter();
        String suffix = DirectoryParameters.querySuffix(filter, today);
        String query = suffix.isEmpty() ? "" : suffix.substring(1);
        Paragraph selection = new Paragraph(query.isEmpty()
                ? view.getTranslation("filters.none", filter.asOf())
                : view.getTranslation("filters.some", query.replace("&", ", "), filter.asOf()));
        selection.setId("filter-summary");
        selection.getStyle().set("margin", "0");
        HorizontalLayout links = new HorizontalLayout(
                link(view.getTranslation("menu.directory"), "" + suffix),
                link(view.getTranslation("menu.statistics"), "statistics" + suffix),
                link(view.getTranslation("menu.map"), "map" + suffix));
        VerticalLayout bar = new VerticalLayout(selection, links);
        bar.setPadding(false);
        bar.setSpacing(false);
        if (!parsed.ignored().isEmpty()) {
            bar.add(new IgnoredNotice("filter-notice").show(parsed));
        }
        return bar;
    }

    private static Anchor link(String text, String href) {
        return new Anchor(href.isEmpty() ? "." : href, text);
    }
}
