package cn.gz.youcheng.registry.ui;

import cn.gz.youcheng.base.ui.Messages;
import cn.gz.youcheng.base.ui.Notices;
import cn.gz.youcheng.registry.RegistryValidationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;

/** Shows what the registry refused, next to the field it concerns where there is one. */
final class FormErrors {

    private FormErrors() {
    }

    /**
     * Runs a change; returns true if it was saved. Validation problems go to their fields, a conflicting
     * edit to {@code onConflict}.
     */
    static boolean attempt(Component owner, Map<String, ? extends HasValidation> fields, Runnable change,
            Runnable onConflict) {
        fields.values().forEach(field -> field.setInvalid(false));
        try {
            change.run();
            return true;
        } catch (RegistryValidationException e) {
            for (RegistryValidationException.Problem problem : e.problems()) {
                String message = Messages.text(owner, problem.message());
                HasValidation field = fields.get(problem.field());
                if (field != null) {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                } else {
                    error(owner.getTranslation("admin.error", message));
                }
            }
            return false;
        } catch (ConcurrencyFailureException e) {
            // Another officer saved the same record first, or held it (a lock given up, a deadlock's loser).
            onConflict.run();
            return false;
        } catch (DataIntegrityViolationException e) {
            // Only a colleague saving the same thing at the same moment gets past the service's own checks.
            HasValidation name = fields.get("nameZh");
            if (name != null && String.valueOf(e.getMessage()).contains("partner_identity")) {
                name.setErrorMessage(owner.getTranslation("validation.partner-exists"));
                name.setInvalid(true);
            } else {
                onConflict.run();
            }
            return false;
        } catch (AccessDeniedException e) {
            error(owner.getTranslation("admin.denied"));
            return false;
        }
    }

    static void error(String message) {
        Notices.error(message);
    }

    static void saved(String message) {
        Notices.saved(message);
    }
}
