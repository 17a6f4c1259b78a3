package cn.gz.youcheng.security.ui;

import cn.gz.youcheng.base.ui.Notices;
import cn.gz.youcheng.base.Guangzhou;
import cn.gz.youcheng.security.Role;
import cn.gz.youcheng.security.UserException;
import cn.gz.youcheng.security.UserService;
import cn.gz.youcheng.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The officers' accounts: create, disable, reset a password or a second factor, change the role.
 * Administrators only. Every change ends the account's sessions at their next request.
 */
@Route("admin/users")
@Menu(title = "menu.admin.users", order = 30)
@RolesAllowed(Role.ADMIN_NAME)
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(Guangzhou.ZONE);

    private final UserService users;
    private final Grid<UserSummary> grid = new Grid<>(UserSummary.class, false);

    UsersView(UserService users) {
        this.users = users;
        grid.setId("users-grid");
        grid.addColumn(UserSummary::username).setHeader(getTranslation("users.username")).setAutoWidth(true);
        grid.addColumn(user -> getTranslation("role." + user.role().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("users.role")).setAutoWidth(true);
        grid.addColumn(user -> getTranslation(user.enabled() ? "users.enabled" : "users.disabled"))
                .setHeader(getTranslation("users.state")).setAutoWidth(true);
        grid.addColumn(user -> TIME.format(user.passwordChangedAt())
                        + (user.mustChangePassword() ? " " + getTranslation("users.must-change") : ""))
                .setHeader(getTranslation("users.password-changed")).setAutoWidth(true);
        grid.addColumn(user -> getTranslation(user.secondFactor() ? "users.second-factor.on" : "users.second-factor.off"))
                .setHeader(getTranslation("users.second-factor")).setAutoWidth(true);
        // A user's actions open under their row when it is clicked, so that the list fits a laptop's screen.
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::actions));
        grid.setDetailsVisibleOnClick(true);
        Button create = new Button(getTranslation("users.create"), event -> createDialog().open());
        create.setId("create-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("users.title")), create, grid);
        refresh();
    }

    private HorizontalLayout actions(UserSummary user) {
        Button toggle = new Button(getTranslation(user.enabled() ? "users.disable" : "users.enable"),
                event -> attempt(() -> users.setEnabled(user.id(), !user.enabled(), user.version())));
        toggle.setId((user.enabled() ? "disable-" : "enable-") + user.username());
        Select<Role> role = new Select<>();
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name().toLowerCase(Locale.ROOT)));
        role.setValue(user.role());
        role.setId("role-" + user.username());
        role.setAriaLabel(getTranslation("users.role"));
        role.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                attempt(() -> users.changeRole(user.id(), event.getValue(), user.version()));
            }
        });
        Button reset = new Button(getTranslation("users.reset-password"), event -> resetDialog(user).open());
        reset.setId("reset-" + user.username());
        HorizontalLayout actions = new HorizontalLayout(role, toggle, reset);
        actions.setId("actions-" + user.username());
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("flex-wrap", "wrap");
        if (user.secondFactor()) {
            Button resetSecondFactor = new Button(getTranslation("users.reset-second-factor"), event -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("users.reset-second-factor"),
                        getTranslation("users.reset-second-factor.confirm", user.username()),
                        getTranslation("users.reset-second-factor"),
                        confirmed -> attempt(() -> users.resetSecondFactor(user.id(), user.version())));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("admin.cancel"));
                confirm.open();
            });
            resetSecondFactor.setId("reset-second-factor-" + user.username());
            actions.add(resetSecondFactor);
        }
        return actions;
    }

    private Dialog createDialog() {
        Dialog dialog = new Dialog(getTranslation("users.create"));
        TextField username = new TextField(getTranslation("users.username"));
        username.setId("new-username");
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setId("new-password");
        password.setHelperText(getTranslation("password.reset-rules"));
        Select<Role> role = new Select<>();
        role.setLabel(getTranslation("users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name().toLowerCase(Locale.ROOT)));
        role.setValue(Role.EDITOR);
        dialog.add(new FormLayout(username, password, role));
        Button save = new Button(getTranslation("admin.save"), event -> {
            if (attempt(() -> users.create(username.getValue(), password.getValue(), role.getValue()))) {
                dialog.close();
            }
        });
        save.setId("new-user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("admin.cancel"), event -> dialog.close()), save);
        return dialog;
    }

    private Dialog resetDialog(UserSummary user) {
        Dialog dialog = new Dialog(getTranslation("users.reset-password") + ": " + user.username());
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setId("reset-password-value");
        password.setHelperText(getTranslation("password.reset-rules"));
        dialog.add(password);
        Button save = new Button(getTranslation("admin.save"), event -> {
            if (attempt(() -> users.resetPassword(user.id(), password.getValue(), user.version()))) {
                dialog.close();
            }
        });
        save.setId("reset-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("admin.cancel"), event -> dialog.close()), save);
        return dialog;
    }

    private boolean attempt(Supplier<?> change) {
        try {
            change.get();
            Notices.saved(getTranslation("admin.saved"));
            return true;
        } catch (UserException e) {
            Notices.error(AccountMessages.of(this, e));
            return false;
        } catch (OptimisticLockingFailureException e) {
            Notices.error(getTranslation("admin.conflict.text"));
            return false;
        } finally {
            refresh();
        }
    }

    private void refresh() {
        grid.setItems(users.users());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · " + getTranslation("app.name");
    }
}
