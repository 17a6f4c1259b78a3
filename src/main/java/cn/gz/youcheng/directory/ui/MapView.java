package cn.gz.youcheng.directory.ui;

import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.CountryPoint;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;

/**
 * Where the partners are: a world map (Natural Earth outlines, bundled) with a point for each partner,
 * coloured by list, and a line from Guangzhou to each. Zoom and pan; a click opens the partner's page.
 * More partners than a map can show one by one (a national or world registry) are drawn as one point per
 * country, sized by its partners; a click on a country lists them in the directory.
 */
@Route("map")
@Menu(title = "menu.map", order = 2)
@AnonymousAllowed
class MapView extends FilteredView implements HasDynamicTitle {

    private static final String COUNTRY = "country:";

    final EChart map = new EChart();
    private final int mostPoints;
    @SuppressWarnings("NullAway.Init") // set by render, before the map can be clicked
    private DirectoryFilter filter;

    /** @param mostPoints the most partners drawn one by one; beyond, one point per country */
    MapView(DirectoryQueries queries, @Value("${youcheng.map.most-points:2000}") int mostPoints) {
        super(queries);
        this.mostPoints = mostPoints;
        setSizeFull();
        map.setId("partner-map");
        map.setHeight("min(70vh, 40em)");
        map.addItemClickListener(event -> {
            if (event.id().startsWith(COUNTRY)) {
                DirectoryFilter country = filter.withCountries(Set.of(event.id().substring(COUNTRY.length())));
                UI.getCurrent().navigate(DirectoryView.class,
                        new QueryParameters(DirectoryParameters.format(country, queries.today())));
            } else {
                UI.getCurrent().navigate(PartnerView.class, new RouteParameters(PartnerView.ID, event.id()));
            }
        });
    }

    @Override
    protected void render(DirectoryParameters.Parsed parsed) {
        filter = parsed.filter();
        int partners = queries.count(filter);
        List<Object> series = new ArrayList<>();
        Paragraph notice = null;
        if (partners > mostPoints) {
            series.addAll(byCountry(filter));
            notice = new Paragraph(getTranslation("map.by-country", partners));
            notice.setId("map-notice");
        } else {
            series.addAll(byPartner(filter));
        }

        Map<String, Object> option = ChartOptions.common(getTranslation("map.title"), getTranslation("statistics.save-image"));
        option.put("legend", ChartOptions.map("bottom", 8));
        option.put("tooltip", ChartOptions.map("trigger", "item", "formatter", "{b}"));
        option.put("geo", ChartOptions.map("map", "world", "roam", true,
                "itemStyle", ChartOptions.map("areaColor", "#eef1f4", "borderColor", "#aab4be"),
                "emphasis", ChartOptions.map("disabled", true)));
        series.add(ChartOptions.map("type", "scatter", "coordinateSystem", "geo", "name", getTranslation("map.guangzhou"),
                "symbol", "diamond", "symbolSize", 12, "color", "#1a1a1a",
                "data", List.of(ChartOptions.map("name", getTranslation("map.guangzhou"), "value",
                        List.of(ChartOptions.GUANGZHOU[0], ChartOptions.GUANGZHOU[1])))));
        option.put("series", series);
        option.put("graphic", List.of(ChartOptions.map("type", "text", "left", 8, "bottom", 8,
                "style", ChartOptions.map("text", getTranslation("map.credit"), "fontSize", 10, "fill", "#5b6770"))));
        map.setOption(ChartOptions.json(option));

        removeAll();
        add(new H2(getTranslation("map.title")), FilterBar.of(this, parsed, queries.today()));
        if (notice != null) {
            add(notice);
        }
        map.describe(getTranslation("map.title") + ". " + getTranslation("map.listed-below"), null);
        add(map, partnersAsAList(partners > mostPoints));
        Paragraph credit = new Paragraph(getTranslation("map.credit"));
        credit.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin", "0");
        add(credit);
    }

    /**
     * The map's points as a list of links, for screen readers and the keyboard: each partner to its page, or
     * each country to the directory of its partners. Made when first opened, so that a visitor who never
     * opens it holds no component for each point.
     */
    private Details partnersAsAList(boolean byCountry) {
        Details details = new Details(getTranslation("map.list"));
        details.setId("map-list");
        details.addOpenedChangeListener(event -> {
            if (!event.isOpened() || details.getContent().findAny().isPresent()) {
                return;
            }
            UnorderedList list = new UnorderedList();
            boolean chinese = chinese();
            if (byCountry) {
                for (CountryPoint country : queries.countryPoints(filter)) {
                    RouterLink link = new RouterLink((chinese ? country.nameZh() : country.nameEn()) + " · "
                            + getTranslation("map.country-partners", country.partners()), DirectoryView.class);
                    link.setQueryParameters(new QueryParameters(DirectoryParameters.format(
                            filter.withCountries(Set.of(country.iso2())), queries.today())));
                    list.add(new ListItem(link));
                }
            } else {
                queries.forEach(filter, row -> {
                    if (row.latitude() != null) {
                        list.add(new ListItem(new RouterLink((chinese ? row.nameZh() + " " + row.nameEn()
                                : row.nameEn() + " " + row.nameZh()) + " · " + (chinese ? row.countryZh() : row.countryEn()),
                                PartnerView.class, new RouteParameters(PartnerView.ID, String.valueOf(row.id())))));
                    }
                });
            }
            details.add(list);
        });
        return details;
    }

    /** A point per partner, by list, each with its line from Guangzhou. */
    private List<Object> byPartner(DirectoryFilter filter) {
        boolean chinese = chinese();
        Map<PartnerList, List<Object>> points = new EnumMap<>(PartnerList.class);
        List<Object> lines = new ArrayList<>();
        queries.forEach(filter, row -> {
            if (row.latitude() == null) {
                return;
            }
            List<Double> where = List.of(row.longitude(), row.latitude());
            String name = (chinese ? row.nameZh() + " " + row.nameEn() : row.nameEn() + " " + row.nameZh())
                    + " · " + (chinese ? row.countryZh() : row.countryEn()) + " · " + row.signedOn();
            points.computeIfAbsent(row.list(), list -> new ArrayList<>())
                    .add(ChartOptions.map("id", row.id(), "name", name, "value", where));
            lines.add(ChartOptions.map("coords", List.of(List.of(ChartOptions.GUANGZHOU[0], ChartOptions.GUANGZHOU[1]),
                    where), "lineStyle", ChartOptions.map("color", ChartOptions.color(row.list()))));
        });

        List<Object> series = new ArrayList<>();
        series.add(ChartOptions.map("type", "lines", "coordinateSystem", "geo", "silent", true, "data", lines,
                "lineStyle", ChartOptions.map("width", 0.6, "opacity", 0.35, "curveness", 0.2)));
        for (PartnerList list : PartnerList.values()) {
            series.add(ChartOptions.map("type", "scatter", "coordinateSystem", "geo",
                    "name", getTranslation("list." + DirectoryParameters.name(list)),
                    "color", ChartOptions.color(list), "symbolSize", 7,
                    "data", points.getOrDefault(list, List.of())));
        }
        return series;
    }

    /** A point per country, its area in proportion to its partners, each with its line from Guangzhou. */
    private List<Object> byCountry(DirectoryFilter filter) {
        boolean chinese = chinese();
        List<CountryPoint> countries = queries.countryPoints(filter);
        int most = countries.stream().mapToInt(CountryPoint::partners).max().orElse(1);
        List<Object> points = new ArrayList<>();
        List<Object> lines = new ArrayList<>();
        for (CountryPoint country : countries) {
            List<Double> where = List.of(country.longitude(), country.latitude());
            points.add(ChartOptions.map("id", COUNTRY + country.iso2(),
                    "name", (chinese ? country.nameZh() : country.nameEn()) + " · "
                            + getTranslation("map.country-partners", country.partners()),
                    "value", where,
                    "symbolSize", Math.round(6 + 34 * Math.sqrt((double) country.partners() / most))));
            lines.add(ChartOptions.map("coords", List.of(List.of(ChartOptions.GUANGZHOU[0], ChartOptions.GUANGZHOU[1]),
                    where)));
        }
        return List.of(
                ChartOptions.map("type", "lines", "coordinateSystem", "geo", "silent", true, "data", lines,
                        "lineStyle", ChartOptions.map("width", 0.6, "opacity", 0.35, "curveness", 0.2, "color", "#5b6770")),
                ChartOptions.map("type", "scatter", "coordinateSystem", "geo", "name", getTranslation("map.countries"),
                        "color", ChartOptions.color(PartnerList.SISTER), "data", points));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("map.title") + " · " + getTranslation("app.name");
    }
}
