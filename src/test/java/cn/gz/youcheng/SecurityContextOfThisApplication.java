package cn.gz.youcheng;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Vaadin installs its own security-context strategy as the global one when an application starts. With two
 * test applications in one JVM (public and admin databases), the global one may belong to the other; point
 * it at this test's application before each test, as it is in a running application.
 */
public class SecurityContextOfThisApplication implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        application.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(strategy -> {
            SecurityContextHolder.setContextHolderStrategy(strategy);
            strategy.clearContext();
        });
    }
}
