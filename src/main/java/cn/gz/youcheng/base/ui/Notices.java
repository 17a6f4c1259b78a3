package cn.gz.youcheng.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The two kinds of notice every view shows the same way: something was saved, or something went wrong. */
public final class Notices {

    private Notices() {
    }

    /** Brief, out of the way: the officer goes on working. */
    public static void saved(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** In the middle and longer: it must be read. */
    public static void error(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
