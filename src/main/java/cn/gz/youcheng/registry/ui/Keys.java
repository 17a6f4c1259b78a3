package cn.gz.youcheng.registry.ui;

import java.util.Locale;

/** Translation keys spell enum values as the public pages do: {@code north-america}, {@code sister-city}. */
final class Keys {

    private Keys() {
    }

    static String of(String prefix, Enum<?> value) {
        return prefix + "." + value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
