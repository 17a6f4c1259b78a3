package cn.gz.youcheng.directory.ui;

import cn.gz.youcheng.registry.PartnerList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds ECharts options as JSON from plain maps and lists. */
final class ChartOptions {

    /** One colour per list, the same in every chart and on the map. */
    /** Each list's colour, the same in every chart and on the map. */
    static String color(PartnerList list) {
        return switch (list) {
            case SISTER -> "#c8372d";
            case EXCHANGE -> "#1f6fd1";
        };
    }
    static final String CUMULATIVE_COLOR = "#5b6770";
    /** Guangzhou, where every partnership line starts: longitude, latitude. */
    static final double[] GUANGZHOU = {113.26, 23.13};

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartOptions() {
    }

    static ObjectNode json(Map<String, ?> option) {
        return JSON.valueToTree(option);
    }

    /** An ordered map, for options whose key order reads better. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    /** Tooltip, legend toggles, accessible description and a "save as image" button. */
    static Map<String, Object> common(String title, String saveLabel) {
        Map<String, Object> option = map(
                "title", map("text", title, "left", "center", "textStyle", map("fontSize", 15)),
                "aria", map("enabled", true),
                "toolbox", map("right", 8, "feature", map("saveAsImage", map("title", saveLabel, "pixelRatio", 2))),
                "tooltip", map("trigger", "item"));
        return option;
    }
}
