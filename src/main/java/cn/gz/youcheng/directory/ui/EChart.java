package cn.gz.youcheng.directory.ui;

import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Apache ECharts chart or map (the web component {@code frontend/src/yc-chart.ts}). The server sends the
 * whole ECharts option as JSON, so what a chart shows can be checked on the server.
 */
@Tag("yc-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@NpmPackage(value = "world-atlas", version = "2.0.2")
@NpmPackage(value = "topojson-client", version = "3.1.0")
@JsModule("./src/yc-chart.ts")
class EChart extends Component implements HasSize {

    private @Nullable ObjectNode option;

    EChart() {
        setWidthFull();
        setHeight("24em");
    }

    void setOption(ObjectNode option) {
        this.option = option;
        getElement().setPropertyJson("option", option);
    }

    @Nullable ObjectNode getOption() {
        return option;
    }

    /**
     * What a screen reader says of the chart: a picture with a name, whose numbers are in the element
     * {@code describedBy} (a table beside it), if any. The canvas inside says nothing by itself.
     */
    void describe(String name, @Nullable String describedBy) {
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", name);
        if (describedBy != null) {
            getElement().setAttribute("aria-describedby", describedBy);
        }
    }

    Registration addItemClickListener(ComponentEventListener<ItemClickEvent> listener) {
        return addListener(ItemClickEvent.class, listener);
    }

    /** A click on a data item that carries an id, such as a partner on the map. */
    @DomEvent("chart-click")
    public static class ItemClickEvent extends ComponentEvent<EChart> {
        private final String id;

        public ItemClickEvent(EChart source, boolean fromClient, @EventData("event.detail.id") String id) {
            super(source, fromClient);
            this.id = id;
        }

        String id() {
            return id;
        }
    }
}
