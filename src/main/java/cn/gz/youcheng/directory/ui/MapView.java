package cn.gz.youcheng.directory.ui;

import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.DirectoryQueries;
import cn.gz.youcheng.registry.PartnerList;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the partners are: a world map (Natural Earth outlines, bundled) with a point for each partner,
 * coloured by list, and a line from Guangzhou to each. Zoom and pan; a click opens the partner's page.
 */
@Route("map")
@Menu(title = "menu.map", order = 2)
@AnonymousAllowed
class MapView extends FilteredView implements HasDynamicTitle {

    final EChart map = new EChart();

    MapView(DirectoryQueries queries) {
        super(queries);
        setSizeFull();
        map.setId("partner-map");
        map.setHeight("min(70vh, 40em)");
        map.addItemClickListener(event -> UI.getCurrent().navigate(PartnerView.class,
                new RouteParameters(PartnerView.ID, event.id())));
    }

    @Override
    protected void render(DirectoryParameters.Parsed parsed) {
        boolean chinese = chinese();
        Map<PartnerList, List<Object>> points = new EnumMap<>(PartnerList.class);
        List<Object> lines = new ArrayList<>();
        queries.forEach(parsed.filter(), row -> {
            if (row.latitude() == null) {
                return;
            }
            List<Double> where = List.of(row.longitude(), row.latitude());
            String name = (chinese ? row.nameZh() + " " + row.nameEn() : row.nameEn() + " " + row.nameZh())
                    + " · " + (chinese ? row.countryZh() : row.countryEn()) + " · " + row.signedOn();
            points.computeIfAbsent(row.list(), list -> new ArrayList<>())
                    .add(ChartOptions.map("id", row.id(), "name", name, "value", where));
            lines.add(ChartOptions.map("coords", List.of(List.of(ChartOptions.GUANGZHOU[0], ChartOptions.GUANGZHOU[1]),
                    where), "lineStyle", ChartOptions.map("color", ChartOptions.COLORS.get(row.list()))));
        });

        Map<String, Object> option = ChartOptions.common(getTranslation("map.title"), getTranslation("statistics.save-image"));
        option.put("legend", ChartOptions.map("bottom", 8));
        option.put("tooltip", ChartOptions.map("trigger", "item", "formatter", "{b}"));
        option.put("geo", ChartOptions.map("map", "world", "roam", true,
                "itemStyle", ChartOptions.map("areaColor", "#eef1f4", "borderColor", "#aab4be"),
                "emphasis", ChartOptions.map("disabled", true)));
        List<Object> series = new ArrayList<>();
        series.add(ChartOptions.map("type", "lines", "coordinateSystem", "geo", "silent", true, "data", lines,
                "lineStyle", ChartOptions.map("width", 0.6, "opacity", 0.35, "curveness", 0.2)));
        for (PartnerList list : PartnerList.values()) {
            series.add(ChartOptions.map("type", "scatter", "coordinateSystem", "geo",
                    "name", getTranslation("list." + DirectoryParameters.name(list)),
                    "color", ChartOptions.COLORS.get(list), "symbolSize", 7,
                    "data", points.getOrDefault(list, List.of())));
        }
        series.add(ChartOptions.map("type", "scatter", "coordinateSystem", "geo", "name", getTranslation("map.guangzhou"),
                "symbol", "diamond", "symbolSize", 12, "color", "#1a1a1a",
                "data", List.of(ChartOptions.map("name", getTranslation("map.guangzhou"), "value",
                        List.of(ChartOptions.GUANGZHOU[0], ChartOptions.GUANGZHOU[1])))));
        option.put("series", series);
        option.put("graphic", List.of(ChartOptions.map("type", "text", "left", 8, "bottom", 8,
                "style", ChartOptions.map("text", getTranslation("map.credit"), "fontSize", 10, "fill", "#5b6770"))));
        map.setOption(ChartOptions.json(option));

        removeAll();
        add(new H2(getTranslation("map.title")), FilterBar.of(this, parsed, queries.today()), map);
        Paragraph credit = new Paragraph(getTranslation("map.credit"));
        credit.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin", "0");
        add(credit);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("map.title") + " · " + getTranslation("app.name");
    }
}
