package cn.gz.youcheng.registry.ui;

import com.vaadin.flow.component.HasHelper;

/**
 * Says on every field of the admin forms whether its text is published (on the partner's public page and in
 * the downloads) or stays in the office, so that an officer never publishes a remark by mistake.
 */
final class Publication {

    private Publication() {
    }

    static void published(HasHelper... fields) {
        for (HasHelper field : fields) {
            field.setHelperText(((com.vaadin.flow.component.Component) field).getTranslation("admin.published"));
        }
    }

    static void internal(HasHelper... fields) {
        for (HasHelper field : fields) {
            field.setHelperText(((com.vaadin.flow.component.Component) field).getTranslation("admin.internal"));
        }
    }
}
